// name: entity_links_out
// answers: Which links leave this node? Each link (its type and properties) with the node it reaches,
//          at most limit, for the node's linked-data description (GET /id/{type}/{id}).
// params: id (string), limit (int)
MATCH (n)
WHERE n.id = $id
MATCH (n)-[r]->(m)
RETURN r AS link, m AS other
ORDER BY m.id
LIMIT $limit
