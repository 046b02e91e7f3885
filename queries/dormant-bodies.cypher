// name: dormant-bodies
// order: 3
// kind: gap
// title: Dormant bodies
// question: Which bodies are stated not to have met, or (when you give `since`, a date such as "2023-01-01") have recorded meetings but none on or after that date?
// param: authority = null
// param: since = null
// columns: body, part_of, authority, reason, not_met_since, last_meeting, quote, document, item, node_id, related_id
MATCH (b:Body)
WHERE ($authority IS NULL OR toLower(coalesce(b.authority, '')) CONTAINS toLower($authority))
OPTIONAL MATCH (m:Meeting)-[:MEETING_OF]->(b)
WITH b, max(m.date) AS last_meeting
WHERE b.not_met_since IS NOT NULL
   OR ($since IS NOT NULL AND last_meeting IS NOT NULL AND last_meeting < $since)
WITH b, last_meeting,
     [i IN range(0, size(b.evidence_quote) - 1)
        WHERE b.not_met_quote IS NOT NULL AND b.evidence_quote[i] CONTAINS b.not_met_quote] + [0] AS hits
WITH b, last_meeting, hits[0] AS k
OPTIONAL MATCH (b)-[:PART_OF {negated: false}]->(parent)
WITH b, last_meeting, k, parent
ORDER BY parent.name
WITH b, last_meeting, k, collect(DISTINCT parent.name) AS part_of
OPTIONAL MATCH (doc:Document) WHERE doc.id = b.evidence_doc[k]
RETURN b.name AS body, part_of, b.authority AS authority,
       CASE WHEN b.not_met_since IS NOT NULL THEN 'stated not to have met' ELSE 'no recorded meeting since ' + $since END AS reason,
       b.not_met_since AS not_met_since, last_meeting,
       coalesce(b.not_met_quote, b.evidence_quote[k]) AS quote, doc.source AS document, b.evidence_item[k] AS item,
       b.id AS node_id, null AS related_id
ORDER BY authority, body, node_id
