// name: neighbourhood_edges
// answers: Which relationships leave or enter these nodes, with both ends' type, name, plan, order
//          and span and the link's score and method? Strongest first, at most limit leaving plus limit
//          entering.
// params: ids (list of strings, never empty), limit (int)
// (Neo4j spelling: labels(x)[0] — every node has exactly one label — and type(r))
// The ends are found by id, label by label (the ontology's labels, plankg/ontology/plan.ttl; a new one
//   needs a line): a node pattern without a label cannot use the id constraints and scans every node.
CALL {
  UNWIND $ids AS id MATCH (a:Plan {id: id}) RETURN a
  UNION ALL
  UNWIND $ids AS id MATCH (a:Goal {id: id}) RETURN a
  UNION ALL
  UNWIND $ids AS id MATCH (a:Direction {id: id}) RETURN a
  UNION ALL
  UNWIND $ids AS id MATCH (a:Task {id: id}) RETURN a
  UNION ALL
  UNWIND $ids AS id MATCH (a:Indicator {id: id}) RETURN a
  UNION ALL
  UNWIND $ids AS id MATCH (a:Sector {id: id}) RETURN a
  UNION ALL
  UNWIND $ids AS id MATCH (a:Concept {id: id}) RETURN a
}
MATCH (a)-[r]->(b)
RETURN a.id AS source, labels(a)[0] AS source_type, a.name AS source_name, a.plan_id AS source_plan_id,
       a.`order` AS source_order, a.span_start AS source_span_start, a.span_end AS source_span_end,
       type(r) AS type,
       b.id AS target, labels(b)[0] AS target_type, b.name AS target_name, b.plan_id AS target_plan_id,
       b.`order` AS target_order, b.span_start AS target_span_start, b.span_end AS target_span_end,
       r.score AS score, r.method AS method
ORDER BY score DESC, source, target
LIMIT $limit
UNION ALL
CALL {
  UNWIND $ids AS id MATCH (b:Plan {id: id}) RETURN b
  UNION ALL
  UNWIND $ids AS id MATCH (b:Goal {id: id}) RETURN b
  UNION ALL
  UNWIND $ids AS id MATCH (b:Direction {id: id}) RETURN b
  UNION ALL
  UNWIND $ids AS id MATCH (b:Task {id: id}) RETURN b
  UNION ALL
  UNWIND $ids AS id MATCH (b:Indicator {id: id}) RETURN b
  UNION ALL
  UNWIND $ids AS id MATCH (b:Sector {id: id}) RETURN b
  UNION ALL
  UNWIND $ids AS id MATCH (b:Concept {id: id}) RETURN b
}
MATCH (a)-[r]->(b)
RETURN a.id AS source, labels(a)[0] AS source_type, a.name AS source_name, a.plan_id AS source_plan_id,
       a.`order` AS source_order, a.span_start AS source_span_start, a.span_end AS source_span_end,
       type(r) AS type,
       b.id AS target, labels(b)[0] AS target_type, b.name AS target_name, b.plan_id AS target_plan_id,
       b.`order` AS target_order, b.span_start AS target_span_start, b.span_end AS target_span_end,
       r.score AS score, r.method AS method
ORDER BY score DESC, source, target
LIMIT $limit
