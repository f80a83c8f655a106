// name: export_totals
// answers: How many nodes and relationships does the store hold? With export_plan_versions this is
//          the change token the SPARQL endpoint caches its graph by (two cheap queries per request).
// params: (none)
MATCH (n)
WITH count(n) AS nodes
OPTIONAL MATCH ()-[r]->()
RETURN nodes, count(r) AS relationships
