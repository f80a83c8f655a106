// name: concept_plan_mentions
// answers: where a concept (or a narrower one, BROADER*) is mentioned, one row per mention: the plan,
//          the mentioning entity and its evidence, the concept named
// params: id (string: the asked concept's id)
MATCH (named:Concept)-[:BROADER*0..6]->(asked:Concept {id: $id})
MATCH (m)-[r:MENTIONS]->(named)
RETURN m.plan_id AS plan_id, m.id AS entity_id, m.name AS entity_name, r.doc_id AS doc_id,
       r.span_start AS span_start, r.span_end AS span_end, named.name AS concept_name
ORDER BY plan_id, span_start, entity_id
