// name: concept_plan_counts
// answers: which plans mention a concept (or a narrower one, BROADER*) and how often: one row per
//          plan (the mentions of one page of plans: concept_plan_first_mentions)
// params: id (string: the asked concept's id)
// (counted here: 886 plans' 1,500-2,200 mention rows cost LadybugDB twice the time of these counts)
MATCH (named:Concept)-[:BROADER*0..6]->(asked:Concept {id: $id})
MATCH (m)-[r:MENTIONS]->(named)
RETURN m.plan_id AS plan_id, count(*) AS mentions
ORDER BY plan_id
