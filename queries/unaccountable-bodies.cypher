// name: unaccountable-bodies
// order: 2
// kind: gap
// title: Bodies and services no one scrutinises and that report to no one
// question: Which committees, boards, services and teams are not scrutinised by anyone and do not report to anyone? (Full Council, the sovereign body, is left out.)
// param: authority = null
// columns: body, kind, authority, part_of, quote, document, item, node_id, related_id
MATCH (b:Body)
WHERE ($authority IS NULL OR toLower(coalesce(b.authority, '')) CONTAINS toLower($authority))
  AND coalesce(b.kind, '') <> 'council'
  AND NOT (b)<-[:SCRUTINISES {negated: false}]-()
  AND NOT (b)-[:REPORTS_TO {negated: false}]->()
OPTIONAL MATCH (b)-[:PART_OF {negated: false}]->(parent)
WITH b, parent
ORDER BY parent.name
WITH b, collect(DISTINCT parent.name) AS part_of
OPTIONAL MATCH (doc:Document) WHERE doc.id = b.evidence_doc[0]
RETURN b.name AS body, b.kind AS kind, b.authority AS authority, part_of,
       b.evidence_quote[0] AS quote, doc.source AS document, b.evidence_item[0] AS item,
       b.id AS node_id, null AS related_id
ORDER BY authority, body, quote, node_id
