// name: directions_total
// answers: How many directions does a plan (or every plan) take?
// params: plan (string, '' = every plan)
MATCH (d:Direction)
WHERE $plan = '' OR d.plan_id = $plan
RETURN count(d) AS total
