// name: plan_by_id
// answers: one plan's metadata and source (without the source text); no row when the plan is unknown
// params: plan_id (string)
MATCH (p:Plan {id: $plan_id})
RETURN p.id AS id, p.name AS name, p.title AS title, p.region AS region,
       p.period_start AS period_start, p.period_end AS period_end,
       p.issuer AS issuer, p.edition AS edition,
       p.doc_id AS doc_id, p.source_path AS source_path, p.source_sha256 AS source_sha256
