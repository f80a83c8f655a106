// name: named_indicators
// answers: the indicators whose name holds a text, across all plans, with their plan and division
//          (the indicator comparison for a measure outside the vocabulary)
// params: q (string: part of the indicator's name)
MATCH (i:Indicator)
WHERE $q <> '' AND i.name CONTAINS $q
MATCH (p:Plan)
WHERE p.id = i.plan_id
OPTIONAL MATCH (p)-[:IN_REGION]->(r:Region)
RETURN i.id AS id, i.name AS name, i.value AS value, i.unit AS unit, i.comparator AS comparator,
       i.baseline AS baseline, i.target_year AS target_year, i.normalized_value AS normalized_value,
       i.normalized_unit AS normalized_unit, i.doc_id AS doc_id, i.span_start AS span_start,
       i.span_end AS span_end, i.text AS text, p.id AS plan_id, p.title AS plan_title,
       p.period_start AS period_start, r.code AS region_code, r.name AS region_name, r.level AS region_level
ORDER BY region_code, target_year, plan_id, span_start, id
