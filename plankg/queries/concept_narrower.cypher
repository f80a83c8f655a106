// name: concept_narrower
// answers: Which concepts are this concept or narrower than it (BROADER* up to 6 steps), and how many
//          BROADER steps below it is each? One row per BROADER path, as concept_tasks counts them.
// params: id (string: the asked concept's id)
MATCH path = (named:Concept)-[:BROADER*0..6]->(asked:Concept {id: $id})
RETURN named.id AS concept_id, named.name AS concept_name, length(path) AS depth
