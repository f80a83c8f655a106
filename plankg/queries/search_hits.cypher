// name: search_hits
// answers: the nodes a search found, looked up by label and id (primary keys, not a scan): what
//          plankg.services.search shows and ranks (name, text, plan, evidence)
// params: plan_ids, goal_ids, direction_ids, task_ids, indicator_ids, citation_ids, concept_ids,
//         sector_ids, region_ids (list of strings each: ids of nodes of that label; [''] = none)
// (plans, concepts, sectors and regions have no text property: null, as the scan of every node gives,
//  typed as a string — LadybugDB's UNION refuses an untyped NULL beside a STRING column)
UNWIND $goal_ids AS wanted
MATCH (n:Goal {id: wanted})
RETURN n.id AS id, 'Goal' AS type, n.name AS name, n.text AS text, n.plan_id AS plan_id,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $direction_ids AS wanted
MATCH (n:Direction {id: wanted})
RETURN n.id AS id, 'Direction' AS type, n.name AS name, n.text AS text, n.plan_id AS plan_id,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $task_ids AS wanted
MATCH (n:Task {id: wanted})
RETURN n.id AS id, 'Task' AS type, n.name AS name, n.text AS text, n.plan_id AS plan_id,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $indicator_ids AS wanted
MATCH (n:Indicator {id: wanted})
RETURN n.id AS id, 'Indicator' AS type, n.name AS name, n.text AS text, n.plan_id AS plan_id,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $citation_ids AS wanted
MATCH (n:Citation {id: wanted})
RETURN n.id AS id, 'Citation' AS type, n.name AS name, n.text AS text, n.plan_id AS plan_id,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $plan_ids AS wanted
MATCH (n:Plan {id: wanted})
RETURN n.id AS id, 'Plan' AS type, n.name AS name, CASE WHEN n.id IS NULL THEN n.name END AS text, n.plan_id AS plan_id,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $concept_ids AS wanted
MATCH (n:Concept {id: wanted})
RETURN n.id AS id, 'Concept' AS type, n.name AS name, CASE WHEN n.id IS NULL THEN n.name END AS text, n.plan_id AS plan_id,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $sector_ids AS wanted
MATCH (n:Sector {id: wanted})
RETURN n.id AS id, 'Sector' AS type, n.name AS name, CASE WHEN n.id IS NULL THEN n.name END AS text, n.plan_id AS plan_id,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
UNION ALL
UNWIND $region_ids AS wanted
MATCH (n:Region {id: wanted})
RETURN n.id AS id, 'Region' AS type, n.name AS name, CASE WHEN n.id IS NULL THEN n.name END AS text, n.plan_id AS plan_id,
       n.doc_id AS doc_id, n.span_start AS span_start, n.span_end AS span_end
