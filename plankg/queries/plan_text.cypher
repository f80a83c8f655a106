// name: plan_text
// answers: What is a plan's full decoded source text — the text every evidence span of the plan
//          indexes into — and its document id? No row when the plan is unknown.
// params: plan_id (string)
MATCH (p:Plan {id: $plan_id})
RETURN p.id AS id, p.doc_id AS doc_id, p.source_text AS text
