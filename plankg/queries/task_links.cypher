// name: task_links
// answers: What is linked to this task: its parent task, its sub-tasks, the goals it supports, the
//          directions it aligns with, the concepts it mentions, its sectors and the indicators that
//          measure it — each with the link's score, method and span? (text is '' for concepts, sectors)
// params: id (string)
MATCH (t:Task {id: $id})-[r:PART_OF]->(o:Task)
RETURN 'parent' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (t:Task {id: $id})<-[r:PART_OF]-(o:Task)
RETURN 'subtask' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (t:Task {id: $id})-[r:SUPPORTS]->(o:Goal)
RETURN 'goal' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (t:Task {id: $id})-[r:ALIGNS_WITH]->(o:Direction)
RETURN 'direction' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (t:Task {id: $id})-[r:MENTIONS]->(o:Concept)
RETURN 'concept' AS role, o.id AS id, o.name AS name, '' AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (t:Task {id: $id})-[r:IN_SECTOR]->(o:Sector)
RETURN 'sector' AS role, o.id AS id, o.name AS name, '' AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
UNION ALL
MATCH (t:Task {id: $id})<-[r:MEASURES]-(o:Indicator)
RETURN 'indicator' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
