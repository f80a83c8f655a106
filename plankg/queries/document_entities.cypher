// name: document_entities
// answers: Which nodes were read from this source document (their evidence names it)? At most limit,
//          for the document's linked-data description (GET /id/document/{id}).
// params: doc_id (string), limit (int)
MATCH (n)
WHERE n.doc_id = $doc_id
RETURN n AS node
ORDER BY n.id
LIMIT $limit
