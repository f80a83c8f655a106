// name: search_terms_of_plans
// answers: the search terms of the nodes some plans own (with their plan, label and id): what the
//          term index re-reads for plans loaded or replaced since it last looked
// params: plans (list of strings: plan ids)
// (LadybugDB spelling: label(n) names a node's table)
MATCH (n)
WHERE n.plan_id IN $plans AND n.terms IS NOT NULL
RETURN n.plan_id AS plan_id, label(n) AS type, n.id AS id, n.terms AS terms
ORDER BY type, id
