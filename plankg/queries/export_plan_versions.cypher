// name: export_plan_versions
// answers: Which plans are loaded, from which version of their source (sha256)? With the store's
//          counts this is the change token the SPARQL endpoint caches its graph by.
// params: (none)
MATCH (p:Plan)
RETURN p.id AS id, p.source_sha256 AS sha256
ORDER BY id
