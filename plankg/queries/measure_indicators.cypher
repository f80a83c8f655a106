// name: measure_indicators
// answers: the indicators of one harmonised measure across all plans, with their plan ids: the rows of
//          the indicator comparison
// params: measure (string: measure id from ontology/data/indicators.yaml)
// (the plans' places are looked up by the service, which orders the table: joining each indicator's
//  plan and division here tripled the time, measured)
MATCH (i:Indicator)
WHERE i.measure = $measure
RETURN i.id AS id, i.name AS name, i.value AS value, i.unit AS unit, i.comparator AS comparator,
       i.baseline AS baseline, i.target_year AS target_year, i.normalized_value AS normalized_value,
       i.normalized_unit AS normalized_unit, i.doc_id AS doc_id, i.span_start AS span_start,
       i.span_end AS span_end, i.text AS text, i.plan_id AS plan_id
