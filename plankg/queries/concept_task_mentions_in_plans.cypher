// name: concept_task_mentions_in_plans
// answers: concept_task_mentions within some plans only (the concept question across plans narrowed
//          by region or plan): the same rows, mentions outside the plans left out before their tasks
//          are looked up
// params: id (string: the asked concept's id), plans (list of strings: plan ids)
// (the top-level task is the last of at most four PART_OF steps up, one OPTIONAL MATCH per step —
//  a task has one parent at most; a chain longer than four counts as no top: the task itself, as in
//  concept_tasks. The rows give the highest of the steps (parent_*: coalesce, as each step needs the
//  one before) and whether a fifth exists; plankg.services.concept_tasks.rank_mentions picks the top.
//  A variable-length OPTIONAL MATCH cost LadybugDB 60-80 ms at 886 plans; choosing the top in CASE
//  expressions here cost 35 ms, the raw steps 20 ms, measured)
MATCH path = (named:Concept)-[:BROADER*0..6]->(asked:Concept {id: $id})
MATCH (m:Task)-[r:MENTIONS]->(named)
WHERE m.plan_id IN $plans
OPTIONAL MATCH (m)-[:PART_OF]->(p1:Task)
OPTIONAL MATCH (p1)-[:PART_OF]->(p2:Task)
OPTIONAL MATCH (p2)-[:PART_OF]->(p3:Task)
OPTIONAL MATCH (p3)-[:PART_OF]->(p4:Task)
OPTIONAL MATCH (p4)-[:PART_OF]->(p5:Task)
RETURN m.id AS mention_id, m.plan_id AS mention_plan_id, m.span_start AS span_start,
       coalesce(p4.id, p3.id, p2.id, p1.id) AS parent_id,
       coalesce(p4.plan_id, p3.plan_id, p2.plan_id, p1.plan_id) AS parent_plan_id,
       coalesce(p4.span_start, p3.span_start, p2.span_start, p1.span_start) AS parent_span_start,
       p5.id IS NOT NULL AS too_deep,
       named.id AS concept_id, named.name AS concept_name, length(path) AS depth, r.score AS score
