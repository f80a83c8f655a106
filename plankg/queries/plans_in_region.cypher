// name: plans_in_region
// answers: the plans of a division and of every division within it (all plans in 山东 include
//          青岛's), by the division's code
// params: code (string: six-digit division code, 000000 for the whole country)
MATCH (p:Plan)-[:IN_REGION]->(:Region)-[:WITHIN*0..3]->(a:Region {code: $code})
RETURN DISTINCT p.id AS plan_id
ORDER BY plan_id
