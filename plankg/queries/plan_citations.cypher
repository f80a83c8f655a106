// name: plan_citations
// answers: the titles a plan names (《…》), each with its kind (cites, implements), evidence, and
//          whether a loaded plan has that title yet
// params: plan (string: plan id)
MATCH (p:Plan {id: $plan})-[:NAMES]->(c:Citation)
OPTIONAL MATCH (q:Plan)
WHERE q.title_key = c.title_key AND q.id <> p.id
RETURN c.id AS id, c.name AS title, c.kind AS kind, c.doc_id AS doc_id, c.span_start AS span_start,
       c.span_end AS span_end, c.text AS text, q.id AS resolved_id
ORDER BY span_start, id, resolved_id
