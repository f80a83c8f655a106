// name: indicators_total
// answers: How many indicators match these filters (the same filters as indicators_page)?
// params: plan, goal, unit (strings, '' = no filter; goal matches the measured goal's id)
MATCH (i:Indicator)
WHERE ($plan = '' OR i.plan_id = $plan)
  AND ($unit = '' OR i.unit = $unit OR i.normalized_unit = $unit)
  AND ($goal = '' OR EXISTS { MATCH (i)-[:MEASURES]->(g:Goal) WHERE g.id = $goal })
RETURN count(i) AS total
