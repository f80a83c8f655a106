// name: plan_picture_vocabulary
// answers: Which concepts and sectors do a plan's goals, directions, tasks and indicators mention or
//          belong to, and by how many links (the plan's own)? At most limit of each, most linked first.
// params: plan_id (string), limit (int: most rows of each kind)
MATCH (x)-[:MENTIONS]->(n:Concept)
WHERE x.plan_id = $plan_id
WITH n, count(x) AS links
RETURN n.id AS id, 'Concept' AS type, n.name AS name, links
ORDER BY links DESC, id
LIMIT $limit
UNION ALL
MATCH (x)-[:IN_SECTOR]->(n:Sector)
WHERE x.plan_id = $plan_id
WITH n, count(x) AS links
RETURN n.id AS id, 'Sector' AS type, n.name AS name, links
ORDER BY links DESC, id
LIMIT $limit
