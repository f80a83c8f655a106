// name: sectors_total
// answers: How many sectors does the graph know?
// params: (none)
MATCH (s:Sector)
RETURN count(s) AS total
