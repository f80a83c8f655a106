// name: task_cards
// answers: some tasks by id (primary keys, not a scan): name, text, plan, order and evidence — the
//          texts of one page of a ranked answer
// params: ids (list of strings: task ids)
UNWIND $ids AS wanted
MATCH (t:Task {id: wanted})
RETURN t.id AS id, t.name AS name, t.text AS text, t.plan_id AS plan_id, t.`order` AS `order`,
       t.doc_id AS doc_id, t.span_start AS span_start, t.span_end AS span_end
ORDER BY id
