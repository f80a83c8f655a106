// name: search
// answers: Which plans, goals, directions, tasks, indicators, sectors and concepts contain these
//          search terms (words segmented at load time, like the query)? Best matches first: most
//          distinct terms matched, then the most specific node (fewest terms).
// params: terms (list of distinct strings, never empty), limit (int)
// (LadybugDB spelling: label(x) names a node's table and a relationship's type)
// (one scan of the nodes for all terms, not one per term: list_filter, as LadybugDB has no list
//  comprehension)
MATCH (n)
WITH n, list_filter($terms, term -> list_contains(n.terms, term)) AS matched
WHERE size(matched) > 0
RETURN n.id AS id, label(n) AS type, n.name AS name, n.text AS text, n.plan_id AS plan_id,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end,
       matched, size(n.terms) AS term_count
ORDER BY size(matched) DESC, term_count ASC, id
LIMIT $limit
