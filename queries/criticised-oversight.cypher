// name: criticised-oversight
// order: 5
// kind: gap
// title: Scrutiny and oversight criticised
// question: Which bodies and roles has an inspection, review, body or person found fault with, and which of them are meant to scrutinise?
// param: authority = null
// columns: criticised, criticised_label, scrutinises, critic, critic_label, authority, quote, document, item, node_id, related_id
MATCH (c)-[r:CRITICISED]->(t)
WHERE r.negated = false
WITH c, r, t, coalesce(t.authority, c.authority, CASE WHEN t:Authority THEN t.name END) AS authority
WHERE $authority IS NULL OR toLower(coalesce(authority, '')) CONTAINS toLower($authority)
OPTIONAL MATCH (t)-[s:SCRUTINISES {negated: false}]->()
WITH c, r, t, authority, count(s) > 0 OR coalesce(t.kind, '') = 'scrutiny' AS scrutinises
OPTIONAL MATCH (doc:Document) WHERE doc.id = r.evidence_doc[0]
RETURN t.name AS criticised, labels(t)[0] AS criticised_label, scrutinises,
       c.name AS critic, labels(c)[0] AS critic_label, authority,
       r.evidence_quote[0] AS quote, doc.source AS document, r.evidence_item[0] AS item,
       t.id AS node_id, c.id AS related_id
ORDER BY authority, criticised, critic, quote, node_id, related_id
