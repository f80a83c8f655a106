// name: sectors_page
// answers: Which sectors (领域) does the graph know, with their codes and how many goals, tasks and
//          indicators are in each? One page, by name.
// params: offset (int), limit (int)
MATCH (s:Sector)
OPTIONAL MATCH (x)-[:IN_SECTOR]->(s)
WITH s, count(x) AS members
RETURN s.id AS id, s.name AS name, s.codes AS codes, s.alt_names AS alt_names, members
ORDER BY s.name, s.id
SKIP $offset LIMIT $limit
