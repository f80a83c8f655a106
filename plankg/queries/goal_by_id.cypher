// name: goal_by_id
// answers: What does this goal say, in which plan, and where is it written?
// params: id (string)
MATCH (g:Goal {id: $id})
RETURN g.id AS id, g.name AS name, g.text AS text, g.plan_id AS plan_id, g.`order` AS `order`,
       g.doc_id AS doc_id, g.span_start AS span_start, g.span_end AS span_end
