"""The Cypher that writes a document's facts, shared by every store.

A document becomes ONE statement: retract the facts of the versions it
replaces, merge its Document and Item nodes, merge its nodes label by label,
then its relationships type by type. One statement is one transaction on
Neo4j and on FalkorDB alike (FalkorDB rolls a failed query back), so a
failure never leaves half a document behind.

Evidence is stored on every node and relationship as parallel lists:
``evidence_doc``, ``evidence_item``, ``evidence_quote``, ``evidence_start``,
``evidence_end``, ``evidence_page`` (-1 when the text had no pages). Entry i
of each list is one citation; ``(:Document {id: evidence_doc[i]})`` gives its
source. Parallel lists of primitives are the one shape both engines store as
properties, and they let retraction be a plain list comprehension.
"""
from __future__ import annotations

from collections import defaultdict
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


def _retract_segment() -> list[str]:
    keep = "[i IN range(0, size({v}.evidence_doc) - 1) WHERE NOT {v}.evidence_doc[i] IN $retract] AS keep"
    return [
        "MATCH ()-[r]->() WHERE any(d IN r.evidence_doc WHERE d IN $retract)",
        "WITH r, " + keep.format(v="r"),
        "SET " + _retract_evidence("r"),
        "WITH r WHERE size(r.evidence_doc) = 0 DELETE r",
        "WITH count(*) AS _",
        "MATCH (n) WHERE any(d IN n.evidence_doc WHERE d IN $retract)",
        "WITH n, " + keep.format(v="n"),
        "SET " + _retract_evidence("n"),
        "WITH n WHERE size(n.evidence_doc) = 0 DETACH DELETE n",
        "WITH count(*) AS _",
        "OPTIONAL MATCH (old:Document) WHERE old.id IN $retract",
        "OPTIONAL MATCH (old)-[:HAS_ITEM]->(it:Item)",
        "DETACH DELETE it, old",
        "WITH count(*) AS _",
    ]


def document_write(doc: GraphDocument, retract: list[str]) -> tuple[str, dict[str, Any]]:
    """The single statement (and its parameters) that writes ``doc`` after retracting ``retract``."""
    info = doc.document
    doc_id = info.id
    params: dict[str, Any] = {"retract": list(retract)}
    lines: list[str] = []
    if retract:
        lines += _retract_segment()

    doc_props = _clean(info.model_dump(exclude={"id", "items"}))
    doc_props = {k: v for k, v in doc_props.items() if isinstance(v, (str, int, float, bool))}
    doc_props["extractor"] = EXTRACTOR_VERSION
    params["doc"] = {"id": doc_id, "props": doc_props}
    lines += [
        "MERGE (d:Document {id: $doc.id}) SET d += $doc.props",
        "WITH d",
    ]
    params["items"] = [
        {"id": f"{doc_id}#{it.number}",
         "props": {k: v for k, v in it.model_dump().items() if isinstance(v, (str, int, float, bool))}}
        for it in info.items
    ]
    lines += [
        "UNWIND $items AS row",
        "MERGE (it:Item {id: row.id}) SET it += row.props",
        "MERGE (d)-[:HAS_ITEM]->(it)",
        "WITH count(*) AS _",
    ]

    labels = {n.id: n.label.value for n in doc.nodes}
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in doc.nodes:
        by_label[n.label.value].append(_node_row(doc_id, n))
    for i, (label, rows) in enumerate(sorted(by_label.items())):
        key = f"n{i}"
        params[key] = rows
        lines += [
            f"UNWIND ${key} AS row",
            f"MERGE (n:{label} {{id: row.id}})",
            "ON CREATE SET n.name = row.name, n.aliases = []",
            "SET n += row.props, "
            "n.aliases = n.aliases + [a IN row.aliases WHERE NOT a IN n.aliases], "
            + _append_evidence("n"),
            "WITH count(*) AS _",
        ]

    by_type: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in doc.edges:
        by_type[(e.type.value, labels[e.source], labels[e.target])].append(_edge_row(doc_id, e))
    for i, ((rtype, src, tgt), rows) in enumerate(sorted(by_type.items())):
        key = f"e{i}"
        params[key] = rows
        lines += [
            f"UNWIND ${key} AS row",
            f"MATCH (a:{src} {{id: row.source}}) MATCH (b:{tgt} {{id: row.target}})",
            f"MERGE (a)-[r:{rtype} {{negated: row.negated}}]->(b)",
            "SET r += row.props, " + _append_evidence("r"),
            "WITH count(*) AS _",
        ]
    lines.append("RETURN 1 AS done")
    return "\n".join(lines), params
