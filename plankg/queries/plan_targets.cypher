// name: plan_targets
// answers: every indicator of one plan with its target (value, unit, comparator, baseline, year,
//          normalised value, measure) and evidence, in document order: one side of a plan diff
// params: plan (string: plan id)
MATCH (i:Indicator)
WHERE i.plan_id = $plan
RETURN i.id AS id, i.name AS name, i.value AS value, i.unit AS unit, i.comparator AS comparator,
       i.baseline AS baseline, i.target_year AS target_year, i.normalized_value AS normalized_value,
       i.normalized_unit AS normalized_unit, i.measure AS measure, i.doc_id AS doc_id,
       i.span_start AS span_start, i.span_end AS span_end, i.text AS text
ORDER BY span_start, id
