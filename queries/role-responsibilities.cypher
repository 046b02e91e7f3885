// name: role-responsibilities
// order: 13
// kind: analysis
// title: Everything a role is responsible for
// question: What does a role (or person) own, lead, chair or answer for? `role` matches part of the name, ignoring case.
// param: role = null
// param: authority = null
// columns: holder, holder_label, relation, negated, target, target_label, authority, quote, document, item
MATCH (p)-[r:RESPONSIBLE_FOR|CHAIRS]->(t)
WHERE (p:Role OR p:Person)
  AND ($role IS NULL OR toLower(p.name) CONTAINS toLower($role)
       OR any(al IN coalesce(p.aliases, []) WHERE toLower(al) = toLower($role)))
  AND ($authority IS NULL OR toLower(coalesce(p.authority, t.authority, '')) CONTAINS toLower($authority))
OPTIONAL MATCH (doc:Document) WHERE doc.id = r.evidence_doc[0]
RETURN p.name AS holder, labels(p)[0] AS holder_label, type(r) AS relation, r.negated AS negated,
       t.name AS target, labels(t)[0] AS target_label, coalesce(p.authority, t.authority) AS authority,
       r.evidence_quote[0] AS quote, doc.source AS document, r.evidence_item[0] AS item
ORDER BY authority, holder, relation, target, negated, quote
