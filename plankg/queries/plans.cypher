// name: plans
// answers: every loaded plan (id, title, region, period, issuer, edition), ordered by title
// params: none
MATCH (p:Plan)
RETURN p.id AS id, p.title AS title, p.region AS region,
       p.period_start AS period_start, p.period_end AS period_end,
       p.issuer AS issuer, p.edition AS edition
ORDER BY title, id
