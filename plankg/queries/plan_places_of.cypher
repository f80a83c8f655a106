// name: plan_places_of
// answers: plan_places for some plans only, looked up by id (primary keys, not a scan of every plan)
// params: plans (list of strings: plan ids)
UNWIND $plans AS wanted
MATCH (p:Plan {id: wanted})
OPTIONAL MATCH (p)-[:IN_REGION]->(r:Region)
RETURN p.id AS plan_id, p.title AS title, p.period_start AS period_start, p.period_end AS period_end,
       p.issue_date AS issue_date, p.edition AS edition, p.doc_number AS doc_number,
       p.issuer AS issuer, p.topic AS topic, p.region AS region,
       r.code AS region_code, r.name AS region_name, r.level AS region_level
ORDER BY plan_id
