// name: plans
// answers: every loaded plan (id, name, title, region, period, issuer, edition, document), ordered by
//          title
// params: none
MATCH (p:Plan)
RETURN p.id AS id, p.name AS name, p.title AS title, p.region AS region,
       p.period_start AS period_start, p.period_end AS period_end,
       p.issuer AS issuer, p.edition AS edition,
       p.doc_id AS doc_id, p.source_sha256 AS source_sha256
ORDER BY title, id
