"""The Cypher that writes a document's facts, shared by every store.

A document becomes a short list of statements: retract the facts of the
versions it replaces, merge its Document and Item nodes, merge its nodes label
by label, then its relationships type by type. Neo4j runs them in one
transaction; FalkorDB, which has no multi-statement transactions, runs them
chained into one query (it rolls a failed query back). Either way a failure
never leaves half a document behind.

Evidence is stored on every node and relationship as parallel lists:
``evidence_doc``, ``evidence_item``, ``evidence_quote``, ``evidence_start``,
``evidence_end``, ``evidence_page`` (-1 when the text had no pages). Entry i
of each list is one citation; ``(:Document {id: evidence_doc[i]})`` gives its
source. Parallel lists of primitives are the one shape both engines store as
properties, and they let retraction be a plain list comprehension.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .model import Edge, Evidence, GraphDocument, Node

EXTRACTOR_VERSION = "govgraph-0.1.0/rules-1"
"""Bump when extraction rules change: documents loaded by an older version are re-extracted on reload."""

EVIDENCE_KEYS = ("doc", "item", "quote", "start", "end", "page")


def evidence_lists(doc_id: str, evidence: list[Evidence]) -> dict[str, list[Any]]:
    return {
        "doc": [doc_id for _ in evidence],
        "item": [e.item or "" for e in evidence],
        "quote": [e.quote for e in evidence],
        "start": [e.start for e in evidence],
        "end": [e.end for e in evidence],
        "page": [e.page if e.page is not None else -1 for e in evidence],
    }


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None}


def _node_row(doc_id: str, n: Node) -> dict[str, Any]:
    return {"id": n.id, "name": n.name, "aliases": list(n.aliases),
            "props": _clean(n.properties), "ev": evidence_lists(doc_id, n.evidence)}


def _edge_row(doc_id: str, e: Edge) -> dict[str, Any]:
    return {"source": e.source, "target": e.target, "negated": e.negated,
            "props": _clean(e.properties), "ev": evidence_lists(doc_id, e.evidence)}


def _append_evidence(var: str) -> str:
    return ", ".join(
        f"{var}.evidence_{k} = coalesce({var}.evidence_{k}, []) + row.ev.{k}" for k in EVIDENCE_KEYS
    )


def _retract_evidence(var: str) -> str:
    """SET clause keeping only the citations whose document is not in $retract."""
    return ", ".join(
        f"{var}.evidence_{k} = [i IN keep | {var}.evidence_{k}[i]]" for k in EVIDENCE_KEYS
    )


@dataclass(frozen=True)
class Statement:
    """One fixed-shape Cypher statement: its text depends only on labels and types, never on data,
    so Neo4j plans each shape once and reuses the plan for every later document."""

    cypher: str
    params: dict[str, Any]


_KEEP = "[i IN range(0, size({v}.evidence_doc) - 1) WHERE NOT {v}.evidence_doc[i] IN $retract] AS keep"

RETRACT = [
    # relationships first, so that nodes left with no evidence can be deleted after
    "MATCH ()-[r]->() WHERE any(d IN r.evidence_doc WHERE d IN $retract)\n"
    "WITH r, " + _KEEP.format(v="r") + "\n"
    "SET " + _retract_evidence("r") + "\n"
    "WITH r WHERE size(r.evidence_doc) = 0 DELETE r",
    "MATCH (n) WHERE any(d IN n.evidence_doc WHERE d IN $retract)\n"
    "WITH n, " + _KEEP.format(v="n") + "\n"
    "SET " + _retract_evidence("n") + "\n"
    "WITH n WHERE size(n.evidence_doc) = 0 DETACH DELETE n",
    "OPTIONAL MATCH (old:Document) WHERE old.id IN $retract\n"
    "OPTIONAL MATCH (old)-[:HAS_ITEM]->(it:Item)\n"
    "DETACH DELETE it, old",
]

DOCUMENT = (
    "MERGE (d:Document {id: $doc.id}) SET d += $doc.props\n"
    "WITH d UNWIND $items AS row\n"
    "MERGE (it:Item {id: row.id}) SET it += row.props\n"
    "MERGE (d)-[:HAS_ITEM]->(it)"
)


def merge_nodes(label: str) -> str:
    return (
        f"UNWIND $nodes_{label} AS row\n"
        f"MERGE (n:{label} {{id: row.id}})\n"
        "ON CREATE SET n.name = row.name, n.aliases = []\n"
        "SET n += row.props, n.aliases = n.aliases + [a IN row.aliases WHERE NOT a IN n.aliases], "
        + _append_evidence("n")
    )


def merge_relationships(rtype: str, source: str, target: str) -> str:
    return (
        f"UNWIND $rels_{rtype}_{source}_{target} AS row\n"
        f"MATCH (a:{source} {{id: row.source}}) MATCH (b:{target} {{id: row.target}})\n"
        f"MERGE (a)-[r:{rtype} {{negated: row.negated}}]->(b)\n"
        "SET r += row.props, " + _append_evidence("r")
    )


def document_statements(doc: GraphDocument, retract: list[str]) -> list[Statement]:
    """The statements that write ``doc`` after retracting the documents in ``retract``, in order.

    Run them in one transaction (Neo4j) or as one chained query (``chain``, FalkorDB):
    either way a failure leaves nothing half-written.
    """
    info = doc.document
    doc_id = info.id
    out = [Statement(cypher, {"retract": list(retract)}) for cypher in RETRACT] if retract else []

    doc_props = _clean(info.model_dump(exclude={"id", "items"}))
    doc_props = {k: v for k, v in doc_props.items() if isinstance(v, (str, int, float, bool))}
    doc_props["extractor"] = EXTRACTOR_VERSION
    items = [
        {"id": f"{doc_id}#{it.number}",
         "props": {k: v for k, v in it.model_dump().items() if isinstance(v, (str, int, float, bool))}}
        for it in info.items
    ]
    out.append(Statement(DOCUMENT, {"doc": {"id": doc_id, "props": doc_props}, "items": items}))

    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in doc.nodes:
        by_label[n.label.value].append(_node_row(doc_id, n))
    for label, rows in sorted(by_label.items()):
        out.append(Statement(merge_nodes(label), {f"nodes_{label}": rows}))

    labels = {n.id: n.label.value for n in doc.nodes}
    by_type: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in doc.edges:
        by_type[(e.type.value, labels[e.source], labels[e.target])].append(_edge_row(doc_id, e))
    for (rtype, src, tgt), rows in sorted(by_type.items()):
        out.append(Statement(merge_relationships(rtype, src, tgt), {f"rels_{rtype}_{src}_{tgt}": rows}))
    return out


def chain(statements: list[Statement]) -> Statement:
    """Join statements into one query (``WITH count(*) AS _`` between them): one atomic query in FalkorDB.

    Parameter names never clash: each statement's are named after its label or type.
    """
    params: dict[str, Any] = {}
    for st in statements:
        params.update(st.params)
    cypher = "\nWITH count(*) AS _\n".join(st.cypher for st in statements)
    return Statement(cypher + "\nWITH count(*) AS _\nRETURN 1 AS done", params)
