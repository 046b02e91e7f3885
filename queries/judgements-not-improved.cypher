// name: judgements-not-improved
// order: 10
// kind: gap
// title: Judgements that did not improve
// question: Where an authority's overall judgement (outstanding > good > requires improvement > inadequate) stayed the same or fell from one judged inspection to the next?
// param: authority = null
// columns: authority, earlier, earlier_when, earlier_judgement, later, later_when, later_judgement, change, quote, document, item, node_id, related_id
MATCH (i:Inspection)-[:INSPECTED {negated: false}]->(a:Authority)
WHERE i.judgement IS NOT NULL AND coalesce(i.date, toString(i.year)) IS NOT NULL
  AND ($authority IS NULL OR toLower(a.name) CONTAINS toLower($authority))
WITH DISTINCT a, i, coalesce(i.date, toString(i.year)) AS when,
     CASE
       WHEN toLower(i.judgement) STARTS WITH 'outstanding' THEN 4
       WHEN toLower(i.judgement) STARTS WITH 'good' THEN 3
       WHEN toLower(i.judgement) STARTS WITH 'requires improvement' OR toLower(i.judgement) = 'adequate' THEN 2
       WHEN toLower(i.judgement) STARTS WITH 'inadequate' THEN 1
     END AS rank
WHERE rank IS NOT NULL
WITH a, collect({i: i, when: when, rank: rank}) AS judged
UNWIND judged AS later
WITH a, judged, later, [j IN judged WHERE j.when < later.when | j.when] AS before
WHERE size(before) > 0
WITH a, judged, later, reduce(m = '', w IN before | CASE WHEN w > m THEN w ELSE m END) AS prev_when
UNWIND [j IN judged WHERE j.when = prev_when] AS earlier
WITH a, earlier, later
WHERE later.rank <= earlier.rank
WITH a, earlier, later, later.i AS li,
     [k IN range(0, size(later.i.evidence_quote) - 1)
        WHERE toLower(later.i.evidence_quote[k]) CONTAINS toLower(later.i.judgement)] + [0] AS hits
WITH a, earlier, later, li, hits[0] AS k
OPTIONAL MATCH (doc:Document) WHERE doc.id = li.evidence_doc[k]
RETURN a.name AS authority,
       earlier.i.name AS earlier, earlier.when AS earlier_when, earlier.i.judgement AS earlier_judgement,
       li.name AS later, later.when AS later_when, li.judgement AS later_judgement,
       CASE WHEN later.rank = earlier.rank THEN 'unchanged' ELSE 'declined' END AS change,
       li.evidence_quote[k] AS quote, doc.source AS document, li.evidence_item[k] AS item,
       li.id AS node_id, earlier.i.id AS related_id
ORDER BY authority, later_when, later, earlier_when, earlier, node_id, related_id
