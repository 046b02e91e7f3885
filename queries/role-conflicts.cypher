// name: role-conflicts
// order: 7
// kind: gap
// title: Conflicts of role
// question: Who sits on or chairs a body that scrutinises something they are themselves responsible for, belong to or chair, or that scrutinises them?
// param: authority = null
// columns: holder, holder_label, sits_as, body, scrutinises, link, authority, quote, document, item, link_quote, node_id, related_id
MATCH (p)-[sit:CHAIRS|MEMBER_OF]->(b:Body)-[s:SCRUTINISES]->(x)
WHERE (p:Person OR p:Role) AND sit.negated = false AND s.negated = false
  AND ($authority IS NULL OR toLower(coalesce(b.authority, '')) CONTAINS toLower($authority))
OPTIONAL MATCH (p)-[own:RESPONSIBLE_FOR|CHAIRS|MEMBER_OF|PART_OF]->(x)
WHERE own.negated = false
WITH p, sit, b, s, x, own
WHERE own IS NOT NULL OR x.id = p.id
OPTIONAL MATCH (doc:Document) WHERE doc.id = sit.evidence_doc[0]
RETURN p.name AS holder, labels(p)[0] AS holder_label, type(sit) AS sits_as, b.name AS body,
       x.name AS scrutinises,
       CASE WHEN own IS NULL THEN 'is itself scrutinised' ELSE type(own) END AS link,
       b.authority AS authority,
       sit.evidence_quote[0] AS quote, doc.source AS document, sit.evidence_item[0] AS item,
       coalesce(own.evidence_quote[0], s.evidence_quote[0]) AS link_quote,
       p.id AS node_id, b.id AS related_id
ORDER BY authority, holder, body, scrutinises, link, node_id, related_id
