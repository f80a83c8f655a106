// name: plan_versions
// answers: every loaded plan's id and source sha256 (empty when unknown) as one row, a list of
//          "id sha256" strings in no order: what the in-memory term index and plan facts check before
//          each use (plankg.services.store_version)
// params: none
// (one row, not one per plan: the Neo4j driver reads each row as its own message, 886 rows cost
//  17-30 ms at 886 plans, this list 5 ms)
MATCH (p:Plan)
RETURN collect(p.id + ' ' + coalesce(p.source_sha256, '')) AS versions
