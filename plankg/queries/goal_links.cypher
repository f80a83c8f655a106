// name: goal_links
// answers: What is linked to this goal: the indicators that measure it, the tasks that support it,
//          its sectors and the concepts it mentions — each with the link's score, method and span?
//          (text is '' for sectors and concepts, which have none)
// params: id (string)
MATCH (g:Goal {id: $id})<-[r:MEASURES]-(o:Indicator)
RETURN 'indicator' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (g:Goal {id: $id})<-[r:SUPPORTS]-(o:Task)
RETURN 'task' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (g:Goal {id: $id})-[r:IN_SECTOR]->(o:Sector)
RETURN 'sector' AS role, o.id AS id, o.name AS name, '' AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (g:Goal {id: $id})-[r:MENTIONS]->(o:Concept)
RETURN 'concept' AS role, o.id AS id, o.name AS name, '' AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
