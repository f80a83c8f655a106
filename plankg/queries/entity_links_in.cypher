// name: entity_links_in
// answers: Which links reach this node? Each link (its type and properties) with the node it leaves,
//          at most limit, for the node's linked-data description (GET /id/{type}/{id}).
// params: id (string), limit (int)
MATCH (n)
WHERE n.id = $id
MATCH (m)-[r]->(n)
RETURN r AS link, m AS other
ORDER BY m.id
LIMIT $limit
