// name: graph_edges
// answers: Which relationships leave or enter these nodes, with both ends' type, name and plan and the
//          link's score and method? Strongest first, at most limit leaving plus limit entering.
// params: ids (list of strings, never empty), limit (int)
// (LadybugDB spelling: label(x) names a node's table and a relationship's type)
MATCH (a)-[r]->(b)
WHERE a.id IN $ids
RETURN a.id AS source, label(a) AS source_type, a.name AS source_name, a.plan_id AS source_plan_id,
       label(r) AS type,
       b.id AS target, label(b) AS target_type, b.name AS target_name, b.plan_id AS target_plan_id,
       r.score AS score, r.method AS method
ORDER BY score DESC, source, target
LIMIT $limit
UNION ALL
MATCH (a)-[r]->(b)
WHERE b.id IN $ids
RETURN a.id AS source, label(a) AS source_type, a.name AS source_name, a.plan_id AS source_plan_id,
       label(r) AS type,
       b.id AS target, label(b) AS target_type, b.name AS target_name, b.plan_id AS target_plan_id,
       r.score AS score, r.method AS method
ORDER BY score DESC, source, target
LIMIT $limit
