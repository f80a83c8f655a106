// name: plan_picture_nodes
// answers: Which nodes make up the picture of a whole plan: the plan, its goals, directions, top-level
//          tasks, indicators and sub-tasks, each with its type, name, order, span and rank (0 plan,
//          1 goal, 2 direction, 3 task, 4 indicator, 5 sub-task)? At most limit of each kind, in document
//          order; no row when the plan is unknown.
// params: plan_id (string), limit (int: most rows of each kind)
// (LadybugDB spelling of a null order: the Plan and Indicator tables have no order column)
// (coalesce, not a second n.id: LadybugDB 0.22 mixes up the columns of a UNION branch that projects one
// expression twice)
MATCH (n:Plan {id: $plan_id})
RETURN n.id AS id, 'Plan' AS type, n.name AS name, coalesce(n.plan_id, n.id) AS plan_id, CAST(NULL AS INT64) AS `order`,
       n.span_start AS span_start, n.span_end AS span_end, 0 AS rank
UNION ALL
MATCH (n:Goal)
WHERE n.plan_id = $plan_id
RETURN n.id AS id, 'Goal' AS type, n.name AS name, n.plan_id AS plan_id, n.`order` AS `order`,
       n.span_start AS span_start, n.span_end AS span_end, 1 AS rank
ORDER BY span_start, id
LIMIT $limit
UNION ALL
MATCH (n:Direction)
WHERE n.plan_id = $plan_id
RETURN n.id AS id, 'Direction' AS type, n.name AS name, n.plan_id AS plan_id, n.`order` AS `order`,
       n.span_start AS span_start, n.span_end AS span_end, 2 AS rank
ORDER BY span_start, id
LIMIT $limit
UNION ALL
MATCH (n:Task)
WHERE n.plan_id = $plan_id AND NOT EXISTS { MATCH (n)-[:PART_OF]->(:Task) }
RETURN n.id AS id, 'Task' AS type, n.name AS name, n.plan_id AS plan_id, n.`order` AS `order`,
       n.span_start AS span_start, n.span_end AS span_end, 3 AS rank
ORDER BY span_start, id
LIMIT $limit
UNION ALL
MATCH (n:Indicator)
WHERE n.plan_id = $plan_id
RETURN n.id AS id, 'Indicator' AS type, n.name AS name, n.plan_id AS plan_id, CAST(NULL AS INT64) AS `order`,
       n.span_start AS span_start, n.span_end AS span_end, 4 AS rank
ORDER BY span_start, id
LIMIT $limit
UNION ALL
MATCH (n:Task)
WHERE n.plan_id = $plan_id AND EXISTS { MATCH (n)-[:PART_OF]->(:Task) }
RETURN n.id AS id, 'Task' AS type, n.name AS name, n.plan_id AS plan_id, n.`order` AS `order`,
       n.span_start AS span_start, n.span_end AS span_end, 5 AS rank
ORDER BY span_start, id
LIMIT $limit
