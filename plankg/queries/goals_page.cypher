// name: goals_page
// answers: Which goals does a plan (or every plan) set? One page, in document order.
// params: plan (string, '' = every plan), offset (int), limit (int)
MATCH (g:Goal)
WHERE $plan = '' OR g.plan_id = $plan
RETURN g.id AS id, g.name AS name, g.text AS text, g.plan_id AS plan_id, g.`order` AS `order`,
       g.doc_id AS doc_id, g.span_start AS span_start, g.span_end AS span_end
ORDER BY g.plan_id, g.span_start, g.id
SKIP $offset LIMIT $limit
