// name: indicator_by_id
// answers: What does this indicator target — value, unit, comparator, baseline, year, kind of target
//          (level, change, rate), direction, attribute — in which plan,
//          and where is it written?
// params: id (string)
MATCH (i:Indicator {id: $id})
RETURN i.id AS id, i.name AS name, i.text AS text, i.plan_id AS plan_id,
       i.value AS value, i.unit AS unit, i.comparator AS comparator, i.baseline AS baseline,
       i.target_year AS target_year, i.normalized_value AS normalized_value,
       i.normalized_unit AS normalized_unit, i.target_kind AS target_kind, i.direction AS direction,
       i.baseline_year AS baseline_year, i.attribute AS attribute,
       i.doc_id AS doc_id, i.span_start AS span_start, i.span_end AS span_end
