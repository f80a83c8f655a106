// name: concept_tasks
// answers: Which top-level tasks carry out this concept — because their own text or one of their
//          sub-tasks mentions it or a narrower concept (BROADER*)? One row per mention: the top-level
//          task, the task whose text mentions (itself or a sub-task), the concept named, how many
//          BROADER steps below the asked concept that is, and the mention's score.
//          plankg.services.concept_tasks ranks and groups the rows (GET /concepts/{name}/tasks).
// params: id (string: the asked concept's id)
MATCH path = (named:Concept)-[:BROADER*0..6]->(asked:Concept {id: $id})
MATCH (m:Task)-[r:MENTIONS]->(named)
OPTIONAL MATCH (m)-[:PART_OF*1..4]->(root:Task)
WHERE NOT EXISTS { MATCH (root)-[:PART_OF]->(:Task) }
WITH named, length(path) AS depth, m, r, coalesce(root, m) AS top
RETURN top.id AS task_id, top.name AS task_name, top.text AS task_text, top.plan_id AS plan_id,
       top.`order` AS task_order, top.doc_id AS task_doc_id, top.span_start AS task_span_start,
       top.span_end AS task_span_end,
       m.id AS mention_id, m.name AS mention_name, m.text AS mention_text, m.doc_id AS doc_id,
       m.span_start AS span_start, m.span_end AS span_end,
       named.id AS concept_id, named.name AS concept_name, depth, r.score AS score, r.method AS method
