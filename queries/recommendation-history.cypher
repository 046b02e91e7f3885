// name: recommendation-history
// order: 15
// kind: analysis
// title: The history of an inspection's recommendations
// question: For each inspection of an authority (or the inspection whose name or id contains `inspection`), what did it recommend or find, who is responsible, which plans address it, and in how many other inspections of the same authority do its themes appear?
// param: inspection = null
// param: authority = null
// columns: authority, inspection, when, judgement, label, recommendation, themes, responsible, plans, recurs_in, quote, document, item
MATCH (i:Inspection)-[:MADE {negated: false}]->(rec)
WHERE (rec:Recommendation OR rec:Finding)
  AND ($inspection IS NULL OR toLower(i.name) CONTAINS toLower($inspection) OR toLower(i.id) CONTAINS toLower($inspection))
  AND ($authority IS NULL OR toLower(coalesce(i.authority, rec.authority, '')) CONTAINS toLower($authority))
OPTIONAL MATCH (owner)-[own:RESPONSIBLE_FOR {negated: false}]->(rec)
WITH i, rec, owner
ORDER BY owner.name
WITH i, rec, collect(DISTINCT owner.name) AS responsible
OPTIONAL MATCH (plan:Plan)-[:ADDRESSES {negated: false}]->(rec)
WITH i, rec, responsible, plan
ORDER BY plan.name
WITH i, rec, responsible, collect(DISTINCT plan.name) AS plans
OPTIONAL MATCH (i)-[:INSPECTED {negated: false}]->(a:Authority)<-[:INSPECTED {negated: false}]-(other:Inspection)-[:MADE {negated: false}]->(f)
WHERE other.id <> i.id
  AND (f:Recommendation OR f:Finding)
  AND any(t IN coalesce(f.themes, []) WHERE any(u IN coalesce(rec.themes, []) WHERE toLower(trim(t)) = toLower(trim(u))))
WITH i, rec, responsible, plans, count(DISTINCT other) AS recurs_in
OPTIONAL MATCH (doc:Document) WHERE doc.id = rec.evidence_doc[0]
RETURN coalesce(i.authority, rec.authority) AS authority, i.name AS inspection,
       coalesce(i.date, toString(i.year)) AS when, i.judgement AS judgement, labels(rec)[0] AS label,
       rec.name AS recommendation, coalesce(rec.themes, []) AS themes, responsible, plans, recurs_in,
       rec.evidence_quote[0] AS quote, doc.source AS document, rec.evidence_item[0] AS item
ORDER BY authority, when, inspection, label, recommendation, quote
