// name: plan_counts
// answers: How many goals, directions, tasks and indicators does this plan hold?
// params: id (string: the plan's id)
MATCH (n:Goal) WHERE n.plan_id = $id RETURN 'goals' AS kind, count(n) AS total
UNION ALL
MATCH (n:Direction) WHERE n.plan_id = $id RETURN 'directions' AS kind, count(n) AS total
UNION ALL
MATCH (n:Task) WHERE n.plan_id = $id RETURN 'tasks' AS kind, count(n) AS total
UNION ALL
MATCH (n:Indicator) WHERE n.plan_id = $id RETURN 'indicators' AS kind, count(n) AS total
