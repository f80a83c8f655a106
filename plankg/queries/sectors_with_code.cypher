// name: sectors_with_code
// answers: Which sectors carry this classification code (COFOG:07, GB4754:Q …)? For the code's
//          linked-data description (GET /id/codelist/…).
// params: code (string)
MATCH (s:Sector)
WHERE $code IN s.codes
RETURN s AS node
ORDER BY s.id
