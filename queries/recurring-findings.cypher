// name: recurring-findings
// order: 6
// kind: gap
// title: Findings that recur across inspections
// question: Which themes (the normalised `themes` of recommendations and findings) come back in two or more distinct inspections of the same authority? One row per occurrence.
// param: authority = null
// param: min_inspections = 2
// columns: theme, authority, inspections, inspection, when, finding, quote, document, item, node_id, related_id
MATCH (i:Inspection)-[:INSPECTED {negated: false}]->(a:Authority)
WHERE $authority IS NULL OR toLower(a.name) CONTAINS toLower($authority)
MATCH (i)-[:MADE {negated: false}]->(f)
WHERE f:Recommendation OR f:Finding
UNWIND coalesce(f.themes, []) AS raw
WITH a, toLower(trim(raw)) AS theme, i
WITH a, theme, count(DISTINCT i) AS inspections
WHERE theme <> '' AND inspections >= $min_inspections
MATCH (i:Inspection)-[:INSPECTED {negated: false}]->(a)
MATCH (i)-[:MADE {negated: false}]->(f)
WHERE (f:Recommendation OR f:Finding)
  AND any(t IN coalesce(f.themes, []) WHERE toLower(trim(t)) = theme)
OPTIONAL MATCH (doc:Document) WHERE doc.id = f.evidence_doc[0]
RETURN DISTINCT theme, a.name AS authority, inspections, i.name AS inspection,
       coalesce(i.date, toString(i.year)) AS when, f.name AS finding,
       f.evidence_quote[0] AS quote, doc.source AS document, f.evidence_item[0] AS item,
       f.id AS node_id, i.id AS related_id
ORDER BY authority, theme, when, inspection, finding, quote, node_id, related_id
