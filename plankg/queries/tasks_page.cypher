// name: tasks_page
// answers: Which tasks match these filters — plan, supported goal, aligned direction, sector,
//          mentioned concept (or a narrower one), search terms? One page, in document order.
// params: plan, goal, direction, sector, concept (strings, '' = no filter; sector and concept match
//         id or name), q (string, '' = no text filter; else the task's name or text contains it, or
//         its terms hold every one of terms), terms (list of strings: q segmented; never empty: pass
//         [''] when q is ''), offset (int), limit (int)
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
OPTIONAL MATCH (t)-[:PART_OF]->(p:Task)
RETURN t.id AS id, t.name AS name, t.text AS text, t.plan_id AS plan_id, t.`order` AS `order`,
       p.id AS parent_id, t.doc_id AS doc_id, t.span_start AS span_start, t.span_end AS span_end
ORDER BY t.plan_id, t.span_start, t.id
SKIP $offset LIMIT $limit
