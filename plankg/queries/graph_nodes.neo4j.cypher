// name: graph_nodes
// answers: What are these nodes (any type): their type, name, plan, order among siblings and evidence
//          span?
// params: ids (list of strings, never empty)
// (Neo4j spelling: labels(x)[0] — every node has exactly one label — and type(r))
MATCH (n)
WHERE n.id IN $ids
RETURN n.id AS id, labels(n)[0] AS type, n.name AS name, n.plan_id AS plan_id, n.`order` AS `order`,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
