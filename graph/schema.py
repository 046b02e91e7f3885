"""What an analyst needs to write Cypher against the graph: `govgraph schema` and `govgraph stats`."""
from __future__ import annotations

from typing import Any

from .model import ENTITY_LABELS, REL_TYPES
from .store import GraphStore

LABELS = {
    "Authority": "a local authority (council); aliases hold 'the Council', 'LBBD' ...",
    "Organisation": "any other organisation; kind: inspectorate, government, health, police, association, provider, trust, school, other",
    "Body": "committee, board, panel, cabinet, full council, partnership, directorate, service, team; kind; not_met_since / not_met_quote when stated dormant",
    "Role": "a post, named by its title, scoped to its authority",
    "Person": "a named individual, without honorific",
    "Inspection": "an inspection, visit or review; kind (ilacs, sif, monitoring_visit, focused_visit, jtai, send_area, peer_review, other), year, date, judgement",
    "Recommendation": "a recommendation or area for improvement; themes (normalised list)",
    "Finding": "a weakness or strength an inspection states; themes (normalised list)",
    "Plan": "an improvement or action plan",
    "Meeting": "one meeting of a body; date",
    "Document": "a loaded document: id (sha256 of its text), source, authority, date, title, body, extractor",
    "Item": "a numbered minute item of a document: number, title, start, end",
}

RELATIONSHIPS = {
    "REPORTS_TO": "is accountable to, presents reports or feeds back to",
    "SCRUTINISES": "examines, challenges, monitors, holds to account (negated: barred or declined)",
    "RESPONSIBLE_FOR": "owns, leads or is accountable for delivering",
    "CHAIRS": "chairs or is chairman of",
    "MEMBER_OF": "sits on, is represented on",
    "HOLDS": "a person holds a post",
    "PART_OF": "sub-committee of, team within, post within",
    "INSPECTED": "the inspection looked at",
    "CONDUCTED_BY": "who carried the inspection out",
    "MADE": "who made the recommendation or finding",
    "ADDRESSES": "the plan responds to",
    "CRITICISED": "found fault with",
    "ATTENDED": "was present at a meeting",
    "MEETING_OF": "meeting of a body",
    "HAS_ITEM": "(Document)-[:HAS_ITEM]->(Item): provenance",
}

EXAMPLES = [
    ("Who reports to whom, with the sentence that says so",
     "MATCH (a)-[r:REPORTS_TO]->(b) RETURN a.name, b.name, r.evidence_quote[0] AS quote LIMIT 25"),
    ("Scrutiny that was barred or declined",
     "MATCH (a)-[r:SCRUTINISES {negated: true}]->(b) RETURN a.name, b.name, r.evidence_quote"),
    ("The documents behind a fact",
     "MATCH (a:Body {name: 'Corporate Parenting Board'})-[r]->(b)\n"
     "MATCH (d:Document) WHERE d.id IN r.evidence_doc\n"
     "RETURN type(r), b.name, r.evidence_quote, d.source"),
    ("Everything an authority's inspections recommended",
     "MATCH (i:Inspection)-[:INSPECTED]->(a:Authority), (i)-[:MADE]->(rec:Recommendation)\n"
     "RETURN a.name, i.name, rec.name ORDER BY a.name, i.name"),
]


def _schema_markdown() -> str:
    lines = ["# govgraph schema", "", "## Node labels", "",
             "Every node: `id`, `name`, `aliases` (list), `authority` (scoped nodes), and evidence lists.", ""]
    lines += [f"- **{label}**: {LABELS.get(label, '')}" for label in ENTITY_LABELS + ["Document", "Item"]]
    lines += ["", "## Relationship types", "", "Every relationship: `negated` (true/false) and evidence lists.", ""]
    lines += [f"- **{t}**: {RELATIONSHIPS.get(t, '')}" for t in REL_TYPES + ["HAS_ITEM"]]
    lines += [
        "", "## Evidence", "",
        "Each node and relationship carries parallel lists, entry i being one citation: "
        "`evidence_doc` (Document id), `evidence_item` (minute item), `evidence_quote` (the exact sentence), "
        "`evidence_start`/`evidence_end` (character offsets in the document's text), "
        "`evidence_page` (PDF/Word page, -1 if none). Join to the source with "
        "`MATCH (d:Document) WHERE d.id IN r.evidence_doc`.", "",
        "## Cypher to copy", "",
    ]
    for title, cypher in EXAMPLES:
        lines += [f"{title}:", "", "```cypher", cypher, "```", ""]
    lines += ["Named queries: `govgraph query --list`."]
    return "\n".join(lines)


SCHEMA_MARKDOWN = _schema_markdown()


def graph_stats(store: GraphStore) -> dict[str, Any]:
    labels = store.query("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n ORDER BY label").rows
    rels = store.query("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type").rows
    counts = {label: n for label, n in labels}
    return {
        "documents": counts.get("Document", 0),
        "labels": counts,
        "relationships": {t: n for t, n in rels},
        "nodes": sum(counts.values()),
        "edges": sum(n for _, n in rels),
    }
