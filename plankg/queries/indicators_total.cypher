// name: indicators_total
// answers: How many indicators match these filters (the same filters as indicators_page)?
// params: plan, goal, unit, kind, attribute (strings, '' = no filter; goal matches the measured
//         goal's id; kind: level | change | rate; attribute: binding | expected)
MATCH (i:Indicator)
WHERE ($plan = '' OR i.plan_id = $plan)
  AND ($unit = '' OR i.unit = $unit OR i.normalized_unit = $unit)
  AND ($kind = '' OR i.target_kind = $kind)
  AND ($attribute = '' OR i.attribute = $attribute)
  AND ($goal = '' OR EXISTS { MATCH (i)-[:MEASURES]->(g:Goal) WHERE g.id = $goal })
RETURN count(i) AS total
