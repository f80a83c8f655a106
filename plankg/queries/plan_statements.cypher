// name: plan_statements
// answers: every goal and task of one plan (kind, id, name, text, evidence), in document order: one
//          side of a plan diff
// params: plan (string: plan id)
MATCH (g:Goal)
WHERE g.plan_id = $plan
RETURN 'goal' AS kind, g.id AS id, g.name AS name, g.text AS text, g.doc_id AS doc_id,
       g.span_start AS span_start, g.span_end AS span_end
UNION ALL
MATCH (t:Task)
WHERE t.plan_id = $plan
RETURN 'task' AS kind, t.id AS id, t.name AS name, t.text AS text, t.doc_id AS doc_id,
       t.span_start AS span_start, t.span_end AS span_end
