// name: node_by_id
// answers: the node with this id, whatever its label, as {_label, id, <properties it has>}
// params: id (string)
MATCH (n)
WHERE n.id = $id
RETURN n AS node
