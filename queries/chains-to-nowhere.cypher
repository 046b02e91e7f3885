// name: chains-to-nowhere
// order: 8
// kind: gap
// title: Reporting chains that end nowhere
// question: Which bodies report to someone, yet no chain of reporting (up to `max_hops` steps) ever reaches an authority, Full Council or Cabinet, an inspectorate or a partnership?
// param: authority = null
// param: max_hops = 6
// columns: body, authority, reports_to, ends_at, quote, document, item, node_id, related_id
MATCH (b:Body)-[r0:REPORTS_TO {negated: false}]->(first)
WHERE NOT coalesce(b.kind, '') IN ['council', 'executive', 'partnership']
  AND ($authority IS NULL OR toLower(coalesce(b.authority, '')) CONTAINS toLower($authority))
WITH DISTINCT b
OPTIONAL MATCH path = (b)-[:REPORTS_TO*1..12]->(top)
WHERE length(path) <= $max_hops
  AND all(rel IN relationships(path) WHERE rel.negated = false)
  AND (top:Authority
       OR (top:Body AND coalesce(top.kind, '') IN ['council', 'executive', 'partnership'])
       OR (top:Organisation AND coalesce(top.kind, '') = 'inspectorate'))
WITH b, count(path) AS reaches
WHERE reaches = 0
OPTIONAL MATCH tail = (b)-[:REPORTS_TO*1..12]->(last)
WHERE length(tail) <= $max_hops
  AND all(rel IN relationships(tail) WHERE rel.negated = false)
  AND NOT (last)-[:REPORTS_TO {negated: false}]->()
WITH b, last
ORDER BY last.name
WITH b, collect(DISTINCT last.name) AS ends_at
MATCH (b)-[r0:REPORTS_TO {negated: false}]->(first)
OPTIONAL MATCH (doc:Document) WHERE doc.id = r0.evidence_doc[0]
RETURN b.name AS body, b.authority AS authority, first.name AS reports_to, ends_at,
       r0.evidence_quote[0] AS quote, doc.source AS document, r0.evidence_item[0] AS item,
       b.id AS node_id, first.id AS related_id
ORDER BY authority, body, reports_to, quote, node_id, related_id
