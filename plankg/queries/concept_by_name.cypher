// name: concept_by_name
// answers: Which concept is called this (by id, name or alternative name), and what are its broader
//          concepts?
// params: name (string)
MATCH (c:Concept)
WHERE c.id = $name OR c.name = $name OR $name IN c.alt_names
OPTIONAL MATCH (c)-[:BROADER]->(b:Concept)
RETURN c.id AS id, c.name AS name, c.alt_names AS alt_names, c.candidate AS candidate,
       collect(b.name) AS broader
ORDER BY c.candidate, c.id
