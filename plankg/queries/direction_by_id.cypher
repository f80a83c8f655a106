// name: direction_by_id
// answers: What does this direction say, in which plan, and where is it written?
// params: id (string)
MATCH (d:Direction {id: $id})
RETURN d.id AS id, d.name AS name, d.text AS text, d.plan_id AS plan_id, d.`order` AS `order`,
       d.doc_id AS doc_id, d.span_start AS span_start, d.span_end AS span_end
