// name: task_parents_of_plans
// answers: task_parents for the tasks of some plans only (those added or replaced since the tree was
//          last read)
// params: plans (list of strings: plan ids)
MATCH (t:Task)
WHERE t.plan_id IN $plans
OPTIONAL MATCH (t)-[:PART_OF]->(p:Task)
RETURN t.id AS id, t.plan_id AS plan_id, t.span_start AS span_start, p.id AS parent_id
