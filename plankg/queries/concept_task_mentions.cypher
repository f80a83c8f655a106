// name: concept_task_mentions
// answers: concept_tasks without texts and without the top-level task, for ranking across plans: one
//          row per mention of the concept (or a narrower one, BROADER*) by a task, with the concept
//          named, its depth and the score; plankg.services.plan_facts adds each mentioning task's plan,
//          start and top-level task from the task tree it keeps (task_parents), and the page's texts
//          are read after ranking (task_cards)
// params: id (string: the asked concept's id)
// (one row, the mentions collected as maps in no order: the Neo4j driver reads each row as its own
//  message, 1,372 mentions of 大数据 at 886 plans cost 40 ms as rows, 17 ms as one list; LadybugDB
//  11 ms as rows, 15 as the list)
// (the top-level task found here by PART_OF steps cost LadybugDB 20-35 ms of 45 at 886 plans: five
//  single OPTIONAL MATCH steps and their columns, or CASE expressions picking the top; a
//  variable-length step 60-80 ms. These rows cost 8-10 ms, measured)
MATCH path = (named:Concept)-[:BROADER*0..6]->(asked:Concept {id: $id})
MATCH (m:Task)-[r:MENTIONS]->(named)
RETURN collect({mention_id: m.id, concept_id: named.id, concept_name: named.name, depth: length(path),
                score: r.score}) AS mentions
