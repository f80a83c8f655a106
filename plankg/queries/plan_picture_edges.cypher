// name: plan_picture_edges
// answers: Which relationships join these nodes of a plan's picture (the plan's structure, its
//          tasks' goals and directions, what its indicators measure, and the concepts and sectors of
//          its nodes, when ids holds them), with the link's score and method?
// params: plan_id (string), ids (list of strings: the nodes drawn, never empty)
MATCH (a:Plan {id: $plan_id})-[r:HAS_GOAL]->(b:Goal)
WHERE b.id IN $ids
RETURN a.id AS source, 'HAS_GOAL' AS type, b.id AS target, r.score AS score, r.method AS method
UNION ALL
MATCH (a:Plan {id: $plan_id})-[r:HAS_DIRECTION]->(b:Direction)
WHERE b.id IN $ids
RETURN a.id AS source, 'HAS_DIRECTION' AS type, b.id AS target, r.score AS score, r.method AS method
UNION ALL
MATCH (a:Plan {id: $plan_id})-[r:HAS_TASK]->(b:Task)
WHERE b.id IN $ids
RETURN a.id AS source, 'HAS_TASK' AS type, b.id AS target, r.score AS score, r.method AS method
UNION ALL
MATCH (a:Task)-[r:PART_OF]->(b:Task)
WHERE a.plan_id = $plan_id AND a.id IN $ids AND b.id IN $ids
RETURN a.id AS source, 'PART_OF' AS type, b.id AS target, r.score AS score, r.method AS method
UNION ALL
MATCH (a:Task)-[r:SUPPORTS]->(b:Goal)
WHERE a.plan_id = $plan_id AND a.id IN $ids AND b.id IN $ids
RETURN a.id AS source, 'SUPPORTS' AS type, b.id AS target, r.score AS score, r.method AS method
UNION ALL
MATCH (a:Task)-[r:ALIGNS_WITH]->(b:Direction)
WHERE a.plan_id = $plan_id AND a.id IN $ids AND b.id IN $ids
RETURN a.id AS source, 'ALIGNS_WITH' AS type, b.id AS target, r.score AS score, r.method AS method
UNION ALL
MATCH (a:Indicator)-[r:MEASURES]->(b)
WHERE a.plan_id = $plan_id AND a.id IN $ids AND b.id IN $ids
RETURN a.id AS source, 'MEASURES' AS type, b.id AS target, r.score AS score, r.method AS method
UNION ALL
MATCH (a)-[r:MENTIONS]->(b:Concept)
WHERE a.plan_id = $plan_id AND a.id IN $ids AND b.id IN $ids
RETURN a.id AS source, 'MENTIONS' AS type, b.id AS target, r.score AS score, r.method AS method
UNION ALL
MATCH (a)-[r:IN_SECTOR]->(b:Sector)
WHERE a.plan_id = $plan_id AND a.id IN $ids AND b.id IN $ids
RETURN a.id AS source, 'IN_SECTOR' AS type, b.id AS target, r.score AS score, r.method AS method
UNION ALL
MATCH (a:Concept)-[r:BROADER]->(b:Concept)
WHERE a.id IN $ids AND b.id IN $ids
RETURN a.id AS source, 'BROADER' AS type, b.id AS target, r.score AS score, r.method AS method
