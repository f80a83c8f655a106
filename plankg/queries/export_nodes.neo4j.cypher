// name: export_nodes
// answers: Every node with its type and all its properties, for the RDF export, a page at a time in a
//          stable order; with a plan, that plan's nodes and the shared concepts, sectors and regions it
//          links to (directly, up to six BROADER steps above a concept it mentions, or the divisions
//          above its region); not the other plans it cites.
// params: plan (string, '' = the whole graph), skip (int), limit (int)
// (Neo4j spelling: labels(x)[0] — every node has exactly one label — and type(r))
MATCH (n)
WHERE $plan = '' OR n.plan_id = $plan
   OR (n.plan_id IS NULL AND EXISTS { MATCH (m)-[]->(n) WHERE m.plan_id = $plan })
   OR EXISTS { MATCH (m)-[:MENTIONS]->(:Concept)-[:BROADER*1..6]->(n) WHERE m.plan_id = $plan }
   OR EXISTS { MATCH (m)-[:IN_REGION]->(:Region)-[:WITHIN*1..3]->(n) WHERE m.plan_id = $plan }
RETURN labels(n)[0] AS label, properties(n) AS properties
ORDER BY label, n.id
SKIP $skip LIMIT $limit
