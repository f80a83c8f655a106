// name: task_parents
// answers: every task with its plan, start and the task it is part of (none for a top-level task):
//          the tree plankg.services.plan_facts finds top-level tasks in
// params: none
MATCH (t:Task)
OPTIONAL MATCH (t)-[:PART_OF]->(p:Task)
RETURN t.id AS id, t.plan_id AS plan_id, t.span_start AS span_start, p.id AS parent_id
