// name: unattached-partners
// order: 9
// kind: gap
// title: Partners responsible for something but attached to nothing
// question: Which partner organisations (health, police, providers and others; not inspectorates) are named as responsible for something, yet sit on no body and report to no one?
// param: authority = null
// columns: partner, kind, responsible_for, authority, quote, document, item, node_id, related_id
MATCH (o:Organisation)-[r:RESPONSIBLE_FOR]->(x)
WHERE r.negated = false
  AND coalesce(o.kind, '') <> 'inspectorate'
  AND NOT (o)-[:MEMBER_OF {negated: false}]->()
  AND NOT (o)-[:REPORTS_TO {negated: false}]->()
WITH o, r, x, coalesce(x.authority, CASE WHEN x:Authority THEN x.name END) AS authority
WHERE $authority IS NULL OR toLower(coalesce(authority, '')) CONTAINS toLower($authority)
OPTIONAL MATCH (doc:Document) WHERE doc.id = r.evidence_doc[0]
RETURN o.name AS partner, o.kind AS kind, x.name AS responsible_for, authority,
       r.evidence_quote[0] AS quote, doc.source AS document, r.evidence_item[0] AS item,
       o.id AS node_id, x.id AS related_id
ORDER BY authority, partner, responsible_for, quote, node_id, related_id
