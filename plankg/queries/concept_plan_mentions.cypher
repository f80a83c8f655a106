// name: concept_plan_mentions
// answers: where a concept (or a narrower one, BROADER*) is mentioned, one row per mention: the plan,
//          the mentioning entity, where it mentions it and the concept named (the mention's names and
//          evidence: mention_cards)
// params: id (string: the asked concept's id)
MATCH (named:Concept)-[:BROADER*0..6]->(asked:Concept {id: $id})
MATCH (m)-[r:MENTIONS]->(named)
RETURN m.plan_id AS plan_id, m.id AS entity_id, r.span_start AS span_start, named.id AS concept_id
ORDER BY plan_id, span_start, entity_id, concept_id
