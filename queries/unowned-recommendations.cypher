// name: unowned-recommendations
// order: 1
// kind: gap
// title: Recommendations no one owns
// question: Which recommendations have no one responsible for them and no plan addressing them? (A plan that answers the inspection as a whole is listed, but does not make a recommendation owned.)
// param: authority = null
// columns: recommendation, made_by, authority, plans_for_source, quote, document, item, node_id, related_id
MATCH (rec:Recommendation)
WHERE ($authority IS NULL OR toLower(coalesce(rec.authority, '')) CONTAINS toLower($authority))
  AND NOT (rec)<-[:RESPONSIBLE_FOR {negated: false}]-()
  AND NOT (rec)<-[:ADDRESSES {negated: false}]-(:Plan)
OPTIONAL MATCH (src)-[:MADE {negated: false}]->(rec)
OPTIONAL MATCH (plan:Plan)-[:ADDRESSES {negated: false}]->(src)
WITH rec, src, plan
ORDER BY plan.name
WITH rec, src, collect(DISTINCT plan.name) AS plans
OPTIONAL MATCH (doc:Document) WHERE doc.id = rec.evidence_doc[0]
RETURN rec.name AS recommendation, src.name AS made_by, rec.authority AS authority,
       plans AS plans_for_source,
       rec.evidence_quote[0] AS quote, doc.source AS document, rec.evidence_item[0] AS item,
       rec.id AS node_id, src.id AS related_id
ORDER BY authority, made_by, recommendation, quote, node_id, related_id
