// name: neighbourhood_nodes
// answers: What are these nodes (any type): their type, name, plan, order among siblings and evidence
//          span?
// params: ids (list of strings, never empty)
// One branch per node label, each a lookup by id: a node pattern without a label scans every node on
//   both backends. The labels are the ontology's (plankg/ontology/plan.ttl; only goals, directions and
//   tasks have an order; elsewhere CASE WHEN false THEN 0 END is a null both backends type as an
//   integer, as UNION ALL needs on LadybugDB): a new label needs a branch here.
UNWIND $ids AS id
MATCH (n:Goal {id: id})
RETURN n.id AS id, 'Goal' AS type, n.name AS name, n.plan_id AS plan_id, n.`order` AS `order`,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $ids AS id
MATCH (n:Direction {id: id})
RETURN n.id AS id, 'Direction' AS type, n.name AS name, n.plan_id AS plan_id, n.`order` AS `order`,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $ids AS id
MATCH (n:Task {id: id})
RETURN n.id AS id, 'Task' AS type, n.name AS name, n.plan_id AS plan_id, n.`order` AS `order`,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $ids AS id
MATCH (n:Plan {id: id})
RETURN n.id AS id, 'Plan' AS type, n.name AS name, n.plan_id AS plan_id, CASE WHEN false THEN 0 END AS `order`,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $ids AS id
MATCH (n:Indicator {id: id})
RETURN n.id AS id, 'Indicator' AS type, n.name AS name, n.plan_id AS plan_id, CASE WHEN false THEN 0 END AS `order`,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $ids AS id
MATCH (n:Sector {id: id})
RETURN n.id AS id, 'Sector' AS type, n.name AS name, n.plan_id AS plan_id, CASE WHEN false THEN 0 END AS `order`,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $ids AS id
MATCH (n:Concept {id: id})
RETURN n.id AS id, 'Concept' AS type, n.name AS name, n.plan_id AS plan_id, CASE WHEN false THEN 0 END AS `order`,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
