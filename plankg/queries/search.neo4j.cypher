// name: search
// answers: Which plans, goals, directions, tasks, indicators, sectors and concepts contain these
//          search terms (words segmented at load time, like the query)? Best matches first: most
//          distinct terms matched, then the most specific node (fewest terms).
// params: terms (list of distinct strings, never empty), limit (int)
// (Neo4j spelling: labels(x)[0] — every node has exactly one label — and type(r))
// (one scan of the nodes for all terms, not one per term: a list comprehension; LadybugDB spells it
//  list_filter)
MATCH (n)
WITH n, [term IN $terms WHERE term IN n.terms] AS matched
WHERE size(matched) > 0
RETURN n.id AS id, labels(n)[0] AS type, n.name AS name, n.text AS text, n.plan_id AS plan_id,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end,
       matched, size(n.terms) AS term_count
ORDER BY size(matched) DESC, term_count ASC, id
LIMIT $limit
