// name: search_terms_of_plans
// answers: the search terms of the nodes some plans own (with their plan, label and id): what the
//          term index re-reads for plans loaded or replaced since it last looked
// params: plans (list of strings: plan ids)
// (Neo4j spelling: labels(n)[0] — every node has exactly one label)
MATCH (n)
WHERE n.plan_id IN $plans AND n.terms IS NOT NULL
RETURN n.plan_id AS plan_id, labels(n)[0] AS type, n.id AS id, n.terms AS terms
ORDER BY type, id
