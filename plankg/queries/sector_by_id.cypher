// name: sector_by_id
// answers: Which sector has this id (or, failing that, this name), with its codes and how many goals,
//          tasks and indicators are in it?
// params: id (string: the sector's id or name)
MATCH (s:Sector)
WHERE s.id = $id OR s.name = $id
OPTIONAL MATCH (x)-[:IN_SECTOR]->(s)
WITH s, count(x) AS members
RETURN s.id AS id, s.name AS name, s.codes AS codes, s.alt_names AS alt_names, members
ORDER BY s.id <> $id, s.id
