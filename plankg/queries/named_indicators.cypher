// name: named_indicators
// answers: the indicators whose name holds a text, across all plans, with their plan ids (the
//          indicator comparison for a measure outside the vocabulary)
// params: q (string: part of the indicator's name)
// (the plans' places are looked up by the service, which orders the table: joining each indicator's
//  plan and division here tripled the time, measured)
MATCH (i:Indicator)
WHERE $q <> '' AND i.name CONTAINS $q
RETURN i.id AS id, i.name AS name, i.value AS value, i.unit AS unit, i.comparator AS comparator,
       i.baseline AS baseline, i.target_year AS target_year, i.normalized_value AS normalized_value,
       i.normalized_unit AS normalized_unit, i.doc_id AS doc_id, i.span_start AS span_start,
       i.span_end AS span_end, i.text AS text, i.plan_id AS plan_id
