// name: search_terms_shared
// answers: the search terms of the nodes no plan owns (concepts, sectors, regions), with their label
//          and id: what the term index re-reads whenever any plan changed
// params: (none)
// (Neo4j spelling: labels(n)[0] — every node has exactly one label)
MATCH (n)
WHERE n.plan_id IS NULL AND n.terms IS NOT NULL
RETURN labels(n)[0] AS type, n.id AS id, n.terms AS terms
ORDER BY type, id
