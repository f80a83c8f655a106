// name: neighbourhood_edges
// answers: Which relationships leave or enter these nodes, with both ends' type, name, plan, order
//          and span and the link's score and method? Strongest first, at most limit leaving plus limit
//          entering.
// params: ids (list of strings, never empty), limit (int)
// (LadybugDB spelling: label(x) names a node's table and a relationship's type)
MATCH (a)-[r]->(b)
WHERE a.id IN $ids
RETURN a.id AS source, label(a) AS source_type, a.name AS source_name, a.plan_id AS source_plan_id,
       a.`order` AS source_order, a.span_start AS source_span_start, a.span_end AS source_span_end,
       label(r) AS type,
       b.id AS target, label(b) AS target_type, b.name AS target_name, b.plan_id AS target_plan_id,
       b.`order` AS target_order, b.span_start AS target_span_start, b.span_end AS target_span_end,
       r.score AS score, r.method AS method
ORDER BY score DESC, source, target
LIMIT $limit
UNION ALL
MATCH (a)-[r]->(b)
WHERE b.id IN $ids
RETURN a.id AS source, label(a) AS source_type, a.name AS source_name, a.plan_id AS source_plan_id,
       a.`order` AS source_order, a.span_start AS source_span_start, a.span_end AS source_span_end,
       label(r) AS type,
       b.id AS target, label(b) AS target_type, b.name AS target_name, b.plan_id AS target_plan_id,
       b.`order` AS target_order, b.span_start AS target_span_start, b.span_end AS target_span_end,
       r.score AS score, r.method AS method
ORDER BY score DESC, source, target
LIMIT $limit
