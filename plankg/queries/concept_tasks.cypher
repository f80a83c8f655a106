// name: concept_tasks
// answers: Which top-level tasks carry out this concept — because their own text or one of their
//          sub-tasks mentions it or a narrower concept (BROADER*)? One row per mention: the top-level
//          task, the task whose text mentions (itself or a sub-task), the concept named, how many
//          BROADER steps below the asked concept that is, and the mention's score.
//          plankg.services.concept_tasks ranks and groups the rows (GET /concepts/{name}/tasks).
// params: id (string: the asked concept's id)
// (the top task's properties are picked per property, not from coalesce(root, m): a node-valued
//  coalesce makes LadybugDB carry whole nodes, 5-10x slower at 200 plans, measured)
MATCH path = (named:Concept)-[:BROADER*0..6]->(asked:Concept {id: $id})
MATCH (m:Task)-[r:MENTIONS]->(named)
OPTIONAL MATCH (m)-[:PART_OF*1..4]->(root:Task)
WHERE NOT EXISTS { MATCH (root)-[:PART_OF]->(:Task) }
WITH named, length(path) AS depth, m, r, root, root.id IS NULL AS own
RETURN CASE WHEN own THEN m.id ELSE root.id END AS task_id,
       CASE WHEN own THEN m.name ELSE root.name END AS task_name,
       CASE WHEN own THEN m.text ELSE root.text END AS task_text,
       CASE WHEN own THEN m.plan_id ELSE root.plan_id END AS plan_id,
       CASE WHEN own THEN m.`order` ELSE root.`order` END AS task_order,
       CASE WHEN own THEN m.doc_id ELSE root.doc_id END AS task_doc_id,
       CASE WHEN own THEN m.span_start ELSE root.span_start END AS task_span_start,
       CASE WHEN own THEN m.span_end ELSE root.span_end END AS task_span_end,
       m.id AS mention_id, m.name AS mention_name, m.text AS mention_text, m.doc_id AS doc_id,
       m.span_start AS span_start, m.span_end AS span_end,
       named.id AS concept_id, named.name AS concept_name, depth, r.score AS score, r.method AS method
