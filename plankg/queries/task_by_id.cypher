// name: task_by_id
// answers: What does this task say, in which plan, under which parent, and where is it written?
// params: id (string)
MATCH (t:Task {id: $id})
OPTIONAL MATCH (t)-[:PART_OF]->(p:Task)
RETURN t.id AS id, t.name AS name, t.text AS text, t.plan_id AS plan_id, t.`order` AS `order`,
       p.id AS parent_id, t.doc_id AS doc_id, t.span_start AS span_start, t.span_end AS span_end
