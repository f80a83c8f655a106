// name: counts_by_label
// answers: how many nodes each label has (labels with no node are left out), ordered by label
// params: none
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
