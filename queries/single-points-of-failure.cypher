// name: single-points-of-failure
// order: 11
// kind: gap
// title: Single points of failure
// question: Which person or role chairs or is responsible for more than `threshold` bodies and plans? One row per body or plan they hold.
// param: authority = null
// param: threshold = 2
// columns: holder, holder_label, count, relation, target, target_label, authority, quote, document, item, node_id, related_id
MATCH (p)-[r:CHAIRS|RESPONSIBLE_FOR]->(t)
WHERE (p:Person OR p:Role) AND (t:Body OR t:Plan) AND r.negated = false
  AND ($authority IS NULL OR toLower(coalesce(p.authority, t.authority, '')) CONTAINS toLower($authority))
WITH p, count(DISTINCT t) AS n
WHERE n > $threshold
MATCH (p)-[r:CHAIRS|RESPONSIBLE_FOR]->(t)
WHERE (t:Body OR t:Plan) AND r.negated = false
OPTIONAL MATCH (doc:Document) WHERE doc.id = r.evidence_doc[0]
RETURN p.name AS holder, labels(p)[0] AS holder_label, n AS count, type(r) AS relation,
       t.name AS target, labels(t)[0] AS target_label, coalesce(p.authority, t.authority) AS authority,
       r.evidence_quote[0] AS quote, doc.source AS document, r.evidence_item[0] AS item,
       p.id AS node_id, t.id AS related_id
ORDER BY authority, holder, relation, target, quote, node_id, related_id
