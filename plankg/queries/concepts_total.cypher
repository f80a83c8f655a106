// name: concepts_total
// answers: How many concepts does the graph know (the same filter as concepts_page)?
// params: candidate ('' = all, 'true' = only candidates, 'false' = only scheme concepts)
MATCH (c:Concept)
WHERE $candidate = '' OR coalesce(c.candidate, false) = ($candidate = 'true')
RETURN count(c) AS total
