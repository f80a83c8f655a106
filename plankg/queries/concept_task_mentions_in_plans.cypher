// name: concept_task_mentions_in_plans
// answers: concept_task_mentions within some plans only (the concept question across plans narrowed
//          by region or plan): the same rows, mentions outside the plans left out before their tasks
//          are looked up
// params: id (string: the asked concept's id), plans (list of strings: plan ids)
// (the top-level task is the last of at most four PART_OF steps up, one OPTIONAL MATCH per step —
//  a task has one parent at most; a chain longer than four counts as no top: the task itself, as in
//  concept_tasks. A variable-length OPTIONAL MATCH cost LadybugDB 60-80 ms at 886 plans however few
//  mentions it started from; the five single steps cost a few, measured)
MATCH path = (named:Concept)-[:BROADER*0..6]->(asked:Concept {id: $id})
MATCH (m:Task)-[r:MENTIONS]->(named)
WHERE m.plan_id IN $plans
OPTIONAL MATCH (m)-[:PART_OF]->(p1:Task)
OPTIONAL MATCH (p1)-[:PART_OF]->(p2:Task)
OPTIONAL MATCH (p2)-[:PART_OF]->(p3:Task)
OPTIONAL MATCH (p3)-[:PART_OF]->(p4:Task)
OPTIONAL MATCH (p4)-[:PART_OF]->(p5:Task)
WITH named, length(path) AS depth, m, r, p1, p2, p3, p4, p5,
     CASE WHEN p1 IS NULL OR p5 IS NOT NULL THEN 0 WHEN p2 IS NULL THEN 1 WHEN p3 IS NULL THEN 2
          WHEN p4 IS NULL THEN 3 ELSE 4 END AS up
RETURN CASE up WHEN 0 THEN m.id WHEN 1 THEN p1.id WHEN 2 THEN p2.id WHEN 3 THEN p3.id ELSE p4.id END
         AS task_id,
       CASE up WHEN 0 THEN m.plan_id WHEN 1 THEN p1.plan_id WHEN 2 THEN p2.plan_id WHEN 3 THEN p3.plan_id
         ELSE p4.plan_id END AS plan_id,
       CASE up WHEN 0 THEN m.span_start WHEN 1 THEN p1.span_start WHEN 2 THEN p2.span_start
         WHEN 3 THEN p3.span_start ELSE p4.span_start END AS task_span_start,
       m.id AS mention_id, m.span_start AS span_start,
       named.id AS concept_id, named.name AS concept_name, depth, r.score AS score
