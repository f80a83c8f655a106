// name: concept_plan_first_mentions
// answers: the mentions of a concept (or a narrower one, BROADER*) within some plans: the mentioning
//          entity and its name, the concept named and the mention's evidence — one page of
//          concept_plan_counts, whose first mention per plan plankg.services.corpus picks
// params: id (string: the asked concept's id), plans (list of strings: plan ids)
MATCH (named:Concept)-[:BROADER*0..6]->(asked:Concept {id: $id})
MATCH (m)-[r:MENTIONS]->(named)
WHERE m.plan_id IN $plans
RETURN m.plan_id AS plan_id, m.id AS entity_id, m.name AS entity_name, named.id AS concept_id,
       named.name AS concept_name, r.doc_id AS doc_id, r.span_start AS span_start, r.span_end AS span_end
ORDER BY plan_id, span_start, entity_id, concept_id
