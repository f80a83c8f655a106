// name: indicators_page
// answers: Which quantified targets (indicators) measure this goal, use this unit, belong to this
//          plan? One page, in document order, each with the goal or task it measures (id and name).
// params: plan, goal, unit, kind, attribute (strings, '' = no filter; goal matches the measured
//         goal's id; kind: level | change | rate; attribute: binding | expected), offset (int),
//         limit (int)
MATCH (i:Indicator)
WHERE ($plan = '' OR i.plan_id = $plan)
  AND ($unit = '' OR i.unit = $unit OR i.normalized_unit = $unit)
  AND ($kind = '' OR i.target_kind = $kind)
  AND ($attribute = '' OR i.attribute = $attribute)
  AND ($goal = '' OR EXISTS { MATCH (i)-[:MEASURES]->(g:Goal) WHERE g.id = $goal })
OPTIONAL MATCH (i)-[:MEASURES]->(g:Goal)
OPTIONAL MATCH (i)-[:MEASURES]->(t:Task)
RETURN i.id AS id, i.name AS name, i.text AS text, i.plan_id AS plan_id,
       i.value AS value, i.unit AS unit, i.comparator AS comparator, i.baseline AS baseline,
       i.target_year AS target_year, i.normalized_value AS normalized_value,
       i.normalized_unit AS normalized_unit, i.target_kind AS target_kind, i.direction AS direction,
       i.baseline_year AS baseline_year, i.attribute AS attribute, g.id AS goal_id, g.name AS goal_name, t.id AS task_id,
       t.name AS task_name,
       i.doc_id AS doc_id, i.span_start AS span_start, i.span_end AS span_end
ORDER BY i.plan_id, i.span_start, i.id
SKIP $offset LIMIT $limit
