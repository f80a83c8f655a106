// name: directions_page
// answers: Which directions does a plan (or every plan) take? One page, in document order.
// params: plan (string, '' = every plan), offset (int), limit (int)
MATCH (d:Direction)
WHERE $plan = '' OR d.plan_id = $plan
RETURN d.id AS id, d.name AS name, d.text AS text, d.plan_id AS plan_id, d.`order` AS `order`,
       d.doc_id AS doc_id, d.span_start AS span_start, d.span_end AS span_end
ORDER BY d.plan_id, d.span_start, d.id
SKIP $offset LIMIT $limit
