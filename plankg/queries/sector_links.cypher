// name: sector_links
// answers: Which goals, tasks and indicators are in this sector, of any plan — each with its plan, the
//          link's score, method and span? At most limit of each, in plan and document order.
// params: id (string: the sector's id), limit (int: most rows of each kind)
MATCH (o:Goal)-[r:IN_SECTOR]->(s:Sector {id: $id})
RETURN 'goal' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
ORDER BY plan_id, span_start, id
LIMIT $limit
UNION ALL
MATCH (o:Task)-[r:IN_SECTOR]->(s:Sector {id: $id})
RETURN 'task' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
ORDER BY plan_id, span_start, id
LIMIT $limit
UNION ALL
MATCH (o:Indicator)-[r:IN_SECTOR]->(s:Sector {id: $id})
RETURN 'indicator' AS role, o.id AS id, o.name AS name, o.text AS text, o.plan_id AS plan_id,
       o.doc_id AS doc_id, o.span_start AS span_start, o.span_end AS span_end,
       r.score AS score, r.method AS method, r.span_start AS link_start, r.span_end AS link_end
ORDER BY plan_id, span_start, id
LIMIT $limit
