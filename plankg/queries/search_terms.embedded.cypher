// name: search_terms
// answers: every node's search terms, with its plan (null for shared nodes: concepts, sectors,
//          regions), label and id: what plankg.services.term_index builds its inverted index from
// params: (none)
// (LadybugDB spelling: label(n) names a node's table)
MATCH (n)
WHERE n.terms IS NOT NULL
RETURN n.plan_id AS plan_id, label(n) AS type, n.id AS id, n.terms AS terms
ORDER BY type, id
