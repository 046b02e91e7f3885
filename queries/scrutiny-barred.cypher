// name: scrutiny-barred
// order: 4
// kind: gap
// title: Scrutiny barred or declined
// question: Where does the record say a body, role or organisation was not allowed to, or did not, scrutinise something?
// param: authority = null
// columns: scrutineer, scrutineer_label, target, target_label, authority, quote, document, item, node_id, related_id
MATCH (a)-[r:SCRUTINISES]->(t)
WHERE r.negated = true
WITH a, r, t, coalesce(a.authority, t.authority, CASE WHEN t:Authority THEN t.name END, CASE WHEN a:Authority THEN a.name END) AS authority
WHERE $authority IS NULL OR toLower(coalesce(authority, '')) CONTAINS toLower($authority)
OPTIONAL MATCH (doc:Document) WHERE doc.id = r.evidence_doc[0]
RETURN a.name AS scrutineer, labels(a)[0] AS scrutineer_label, t.name AS target, labels(t)[0] AS target_label,
       authority, r.evidence_quote[0] AS quote, doc.source AS document, r.evidence_item[0] AS item,
       a.id AS node_id, t.id AS related_id
ORDER BY authority, scrutineer, target, quote, node_id, related_id
