// name: search_terms
// answers: every node's search terms, with its plan (null for shared nodes: concepts, sectors,
//          regions), label and id: what plankg.services.term_index builds its inverted index from
// params: (none)
// (Neo4j spelling: labels(n)[0] — every node has exactly one label)
MATCH (n)
WHERE n.terms IS NOT NULL
RETURN n.plan_id AS plan_id, labels(n)[0] AS type, n.id AS id, n.terms AS terms
ORDER BY type, id
