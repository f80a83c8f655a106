// name: counts_by_label
// answers: how many nodes each label has (labels with no node are left out), ordered by label
// params: none
// (one count per ontology label, each read from Neo4j's count store: a scan of every node's labels
//  cost 18-20 ms at 886 plans, this 3 ms; tests check the labels named here are the ontology's)
CALL {
  MATCH (n:Citation) WITH count(n) AS count WHERE count > 0 RETURN 'Citation' AS label, count
  UNION ALL
  MATCH (n:Concept) WITH count(n) AS count WHERE count > 0 RETURN 'Concept' AS label, count
  UNION ALL
  MATCH (n:Direction) WITH count(n) AS count WHERE count > 0 RETURN 'Direction' AS label, count
  UNION ALL
  MATCH (n:Goal) WITH count(n) AS count WHERE count > 0 RETURN 'Goal' AS label, count
  UNION ALL
  MATCH (n:Indicator) WITH count(n) AS count WHERE count > 0 RETURN 'Indicator' AS label, count
  UNION ALL
  MATCH (n:Plan) WITH count(n) AS count WHERE count > 0 RETURN 'Plan' AS label, count
  UNION ALL
  MATCH (n:Region) WITH count(n) AS count WHERE count > 0 RETURN 'Region' AS label, count
  UNION ALL
  MATCH (n:Sector) WITH count(n) AS count WHERE count > 0 RETURN 'Sector' AS label, count
  UNION ALL
  MATCH (n:Task) WITH count(n) AS count WHERE count > 0 RETURN 'Task' AS label, count
}
RETURN label, count
ORDER BY label
