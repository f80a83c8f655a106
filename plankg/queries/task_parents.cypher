// name: task_parents
// answers: Which tasks are these tasks part of, one PART_OF step up? One row per link: the child's id
//          and the parent with its name, text, plan, order and evidence span.
// params: ids (list of strings: task ids)
// Each task is looked up by id first: LadybugDB scans every task for `WHERE t.id IN $ids`.
UNWIND $ids AS id
MATCH (t:Task {id: id})
MATCH (t)-[:PART_OF]->(p:Task)
RETURN t.id AS child_id, p.id AS id, p.name AS name, p.text AS text, p.plan_id AS plan_id,
       p.`order` AS `order`, p.doc_id AS doc_id, p.span_start AS span_start, p.span_end AS span_end
