// name: concept_mentions
// answers: Which tasks mention these concepts? One row per MENTIONS link: the concept, the task with
//          its name, text, plan, order and evidence span, and the link's score and method.
// params: ids (list of strings: concept ids)
MATCH (m:Task)-[r:MENTIONS]->(c:Concept)
WHERE c.id IN $ids
RETURN c.id AS concept_id, m.id AS id, m.name AS name, m.text AS text, m.plan_id AS plan_id,
       m.`order` AS `order`, m.doc_id AS doc_id, m.span_start AS span_start, m.span_end AS span_end,
       r.score AS score, r.method AS method
