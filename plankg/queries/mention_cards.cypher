// name: mention_cards
// answers: the mentions of a concept (or a narrower one, BROADER*) by some entities: the entity's
//          name, the concept named and the mention's evidence — one page of concept_plan_mentions
// params: id (string: the asked concept's id), ids (list of strings: ids of mentioning entities)
MATCH (named:Concept)-[:BROADER*0..6]->(asked:Concept {id: $id})
MATCH (m)-[r:MENTIONS]->(named)
WHERE m.id IN $ids
RETURN m.plan_id AS plan_id, m.id AS entity_id, m.name AS entity_name, named.id AS concept_id,
       named.name AS concept_name, r.doc_id AS doc_id, r.span_start AS span_start, r.span_end AS span_end
ORDER BY plan_id, span_start, entity_id, concept_id
