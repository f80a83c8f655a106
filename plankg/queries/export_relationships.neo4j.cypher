// name: export_relationships
// answers: Every relationship with its type, its two ends (type and id) and all its properties, for
//          the RDF export, a page at a time in a stable order; with a plan, the links of that plan's
//          nodes and the BROADER links among the concepts export_nodes gives for it (five steps up
//          from a mentioned concept, so both ends are exported) and the WITHIN chain above its region;
//          links to other plans (CITES, IMPLEMENTS, SUCCEEDS) only in the whole graph's export.
// params: plan (string, '' = the whole graph), skip (int), limit (int)
// (Neo4j spelling: labels(x)[0] — every node has exactly one label — and type(r))
MATCH (a)-[r]->(b)
WHERE $plan = ''
   OR ((a.plan_id = $plan
        OR (a.plan_id IS NULL AND EXISTS { MATCH (m)-[]->(a) WHERE m.plan_id = $plan })
        OR EXISTS { MATCH (m)-[:MENTIONS]->(:Concept)-[:BROADER*1..5]->(a) WHERE m.plan_id = $plan }
        OR EXISTS { MATCH (m)-[:IN_REGION]->(:Region)-[:WITHIN*1..2]->(a) WHERE m.plan_id = $plan })
       AND (b.plan_id IS NULL OR b.plan_id = $plan))
RETURN type(r) AS type, labels(a)[0] AS source_label, a.id AS source_id, labels(b)[0] AS target_label, b.id AS target_id,
       properties(r) AS properties
ORDER BY type, source_label, source_id, target_label, target_id
SKIP $skip LIMIT $limit
