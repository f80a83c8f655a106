// name: graph_nodes
// answers: What are these nodes (any type): their type, name, plan, order among siblings and evidence
//          span?
// params: ids (list of strings, never empty)
// (LadybugDB spelling: label(x) names a node's table and a relationship's type)
MATCH (n)
WHERE n.id IN $ids
RETURN n.id AS id, label(n) AS type, n.name AS name, n.plan_id AS plan_id, n.`order` AS `order`,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
