// name: concepts_page
// answers: Which concepts does the graph know — their other names, whether they are candidates found
//          in a document, and how often they are mentioned? One page, most mentioned first.
// params: candidate ('' = all, 'true' = only candidates, 'false' = only scheme concepts), offset (int),
//         limit (int)
MATCH (c:Concept)
WHERE $candidate = '' OR coalesce(c.candidate, false) = ($candidate = 'true')
OPTIONAL MATCH (x)-[:MENTIONS]->(c)
WITH c, count(x) AS mentions
RETURN c.id AS id, c.name AS name, c.alt_names AS alt_names, c.candidate AS candidate, mentions
ORDER BY mentions DESC, c.name, c.id
SKIP $offset LIMIT $limit
