// name: plan_relations
// answers: the plans a plan cites, implements and succeeds, and those that cite, implement or succeed
//          it: one row per link with its direction, type, the other plan, method and evidence
// params: plan (string: plan id)
MATCH (p:Plan {id: $plan})-[r:CITES]->(o:Plan)
RETURN 'out' AS direction, 'CITES' AS type, o.id AS other_id, o.title AS other_title,
       r.method AS method, r.doc_id AS doc_id, r.span_start AS span_start, r.span_end AS span_end
UNION ALL
MATCH (p:Plan {id: $plan})-[r:IMPLEMENTS]->(o:Plan)
RETURN 'out' AS direction, 'IMPLEMENTS' AS type, o.id AS other_id, o.title AS other_title,
       r.method AS method, r.doc_id AS doc_id, r.span_start AS span_start, r.span_end AS span_end
UNION ALL
MATCH (p:Plan {id: $plan})-[r:SUCCEEDS]->(o:Plan)
RETURN 'out' AS direction, 'SUCCEEDS' AS type, o.id AS other_id, o.title AS other_title,
       r.method AS method, r.doc_id AS doc_id, r.span_start AS span_start, r.span_end AS span_end
UNION ALL
MATCH (o:Plan)-[r:CITES]->(p:Plan {id: $plan})
RETURN 'in' AS direction, 'CITES' AS type, o.id AS other_id, o.title AS other_title,
       r.method AS method, r.doc_id AS doc_id, r.span_start AS span_start, r.span_end AS span_end
UNION ALL
MATCH (o:Plan)-[r:IMPLEMENTS]->(p:Plan {id: $plan})
RETURN 'in' AS direction, 'IMPLEMENTS' AS type, o.id AS other_id, o.title AS other_title,
       r.method AS method, r.doc_id AS doc_id, r.span_start AS span_start, r.span_end AS span_end
UNION ALL
MATCH (o:Plan)-[r:SUCCEEDS]->(p:Plan {id: $plan})
RETURN 'in' AS direction, 'SUCCEEDS' AS type, o.id AS other_id, o.title AS other_title,
       r.method AS method, r.doc_id AS doc_id, r.span_start AS span_start, r.span_end AS span_end
