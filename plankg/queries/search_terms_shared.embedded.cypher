// name: search_terms_shared
// answers: the search terms of the nodes no plan owns (concepts, sectors, regions), with their label
//          and id: what the term index re-reads whenever any plan changed
// params: (none)
// (LadybugDB spelling: label(n) names a node's table)
MATCH (n)
WHERE n.plan_id IS NULL AND n.terms IS NOT NULL
RETURN label(n) AS type, n.id AS id, n.terms AS terms
ORDER BY type, id
