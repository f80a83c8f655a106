// name: counts_by_type
// answers: how many relationships each type has (types with none are left out), ordered by type
// params: none
MATCH ()-[r]->()
RETURN label(r) AS type, count(*) AS count
ORDER BY type
