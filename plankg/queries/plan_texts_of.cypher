// name: plan_texts_of
// answers: the full decoded source texts of some plans, looked up by id (one round trip for a page
//          of plans: the concept spread cuts each plan's first mention from its text)
// params: plans (list of strings: plan ids)
UNWIND $plans AS wanted
MATCH (p:Plan {id: wanted})
RETURN p.id AS id, p.source_text AS text
ORDER BY id
