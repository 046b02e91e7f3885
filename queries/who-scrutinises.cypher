// name: who-scrutinises
// order: 14
// kind: analysis
// title: Who scrutinises a body
// question: Who scrutinises, inspects or criticises a body, and to whom does it report? `body` matches part of the name or an alias, ignoring case.
// param: body = null
// param: authority = null
// columns: body, relation, direction, negated, other, other_label, authority, quote, document, item
MATCH (b:Body)-[r:SCRUTINISES|CRITICISED|INSPECTED|REPORTS_TO]-(o)
WHERE ($body IS NULL OR toLower(b.name) CONTAINS toLower($body)
       OR any(al IN coalesce(b.aliases, []) WHERE toLower(al) = toLower($body)))
  AND ($authority IS NULL OR toLower(coalesce(b.authority, '')) CONTAINS toLower($authority))
  AND ((type(r) = 'REPORTS_TO' AND startNode(r) = b) OR (type(r) <> 'REPORTS_TO' AND endNode(r) = b))
OPTIONAL MATCH (doc:Document) WHERE doc.id = r.evidence_doc[0]
RETURN b.name AS body, type(r) AS relation,
       CASE WHEN startNode(r) = b THEN 'out' ELSE 'in' END AS direction, r.negated AS negated,
       o.name AS other, labels(o)[0] AS other_label, b.authority AS authority,
       r.evidence_quote[0] AS quote, doc.source AS document, r.evidence_item[0] AS item
ORDER BY authority, body, relation, other, negated, quote
