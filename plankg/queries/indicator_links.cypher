// name: indicator_links
// answers: What is linked to this indicator: the goals and tasks it measures, its sectors and the
//          concepts it mentions — each with the link's score, method and span? (text is '' for
//          sectors and concepts, which have none)
// params: id (string)
MATCH (i:Indicator {id: $id})-[r:MEASURES]->(o:Goal)
RETURN 'goal' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (i:Indicator {id: $id})-[r:MEASURES]->(o:Task)
RETURN 'task' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (i:Indicator {id: $id})-[r:IN_SECTOR]->(o:Sector)
RETURN 'sector' AS role, o.id AS id, o.name AS name, '' AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (i:Indicator {id: $id})-[r:MENTIONS]->(o:Concept)
RETURN 'concept' AS role, o.id AS id, o.name AS name, '' AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
