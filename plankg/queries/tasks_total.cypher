// name: tasks_total
// answers: How many tasks match these filters (the same filters as tasks_page)?
// params: plan, goal, direction, sector, concept (strings, '' = no filter; sector and concept match
//         id or name), q (string, '' = no text filter; else the task's name or text contains it, or
//         its terms hold every one of terms), terms (list of strings: q segmented; never empty: pass
//         [''] when q is '')
MATCH (t:Task)
WHERE ($plan = '' OR t.plan_id = $plan)
  AND ($goal = '' OR EXISTS { MATCH (t)-[:SUPPORTS]->(g:Goal) WHERE g.id = $goal })
  AND ($direction = '' OR EXISTS { MATCH (t)-[:ALIGNS_WITH]->(d:Direction) WHERE d.id = $direction })
  AND ($sector = '' OR EXISTS { MATCH (t)-[:IN_SECTOR]->(s:Sector) WHERE s.id = $sector OR s.name = $sector })
  AND ($concept = '' OR EXISTS {
        MATCH (t)-[:MENTIONS]->(:Concept)-[:BROADER*0..6]->(c:Concept)
        WHERE c.id = $concept OR c.name = $concept })
  AND ($q = '' OR t.name CONTAINS $q OR t.text CONTAINS $q
       OR all(term IN $terms WHERE term IN t.terms))
RETURN count(t) AS total
