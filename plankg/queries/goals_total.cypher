// name: goals_total
// answers: How many goals does a plan (or every plan) set?
// params: plan (string, '' = every plan)
MATCH (g:Goal)
WHERE $plan = '' OR g.plan_id = $plan
RETURN count(g) AS total
