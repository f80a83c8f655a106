// name: direction_links
// answers: What is linked to this direction: the tasks that align with it and the concepts it
//          mentions — each with the link's score, method and span? (text is '' for concepts)
// params: id (string)
MATCH (d:Direction {id: $id})<-[r:ALIGNS_WITH]-(o:Task)
RETURN 'task' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (d:Direction {id: $id})-[r:MENTIONS]->(o:Concept)
RETURN 'concept' AS role, o.id AS id, o.name AS name, '' AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
