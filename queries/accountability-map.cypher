// name: accountability-map
// order: 12
// kind: analysis
// title: An authority's accountability map
// question: Who reports to, scrutinises, is responsible for, chairs, sits on or is part of what in this authority (all authorities when none is given), with the sentence behind each link?
// param: authority = null
// columns: source, source_label, relation, negated, target, target_label, authority, quote, document, item
MATCH (s)-[r:REPORTS_TO|SCRUTINISES|RESPONSIBLE_FOR|CHAIRS|MEMBER_OF|PART_OF|HOLDS]->(t)
WITH s, r, t, coalesce(s.authority, t.authority, CASE WHEN t:Authority THEN t.name END, CASE WHEN s:Authority THEN s.name END) AS authority
WHERE $authority IS NULL OR toLower(coalesce(authority, '')) CONTAINS toLower($authority)
OPTIONAL MATCH (doc:Document) WHERE doc.id = r.evidence_doc[0]
RETURN s.name AS source, labels(s)[0] AS source_label, type(r) AS relation, r.negated AS negated,
       t.name AS target, labels(t)[0] AS target_label, authority,
       r.evidence_quote[0] AS quote, doc.source AS document, r.evidence_item[0] AS item
ORDER BY authority, relation, source, target, negated, quote
