"""The graph as files for other tools: GraphML (Gephi, yEd, Cytoscape), JSON, CSV.

Standard library only. Every format carries, for each node: id, label, name,
its properties, the gaps it is in, and its first evidence quote with the
source document; for each relationship: source, target, type, negated, its
properties, its gaps and its first quote. JSON carries every citation.
Document/Item provenance nodes are not exported as nodes (their sources are
in the evidence columns). The gaps are the gap queries' findings, placed
exactly as in the picture (``graph/gaps_overlay.py``).
"""
from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from .gaps_overlay import GapCategory, find_gaps, gap_index, restrict_gaps
from .store import GraphStore
from .view import GraphData, read_graph, select

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


class ExportFormat(StrEnum):
    graphml = "graphml"
    json = "json"
    csv = "csv"


@dataclass
class ExportSummary:
    nodes: int
    edges: int
    paths: list[Path]


def _scalar(value: Any) -> str | int | float | bool:
    """A property value as one cell: lists joined with "; "."""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if value is None:
        return ""
    return value


def _property_keys(items: Iterable[dict[str, Any]], skip: set[str]) -> list[str]:
    keys: set[str] = set()
    for props in items:
        keys.update(k for k in props if k not in skip)
    return sorted(keys)


def _first(evidence: list[dict[str, Any]]) -> dict[str, Any]:
    return evidence[0] if evidence else {}


def _node_row(n, gaps: list[str], prop_keys: list[str]) -> dict[str, Any]:
    ev = _first(n.evidence)
    row: dict[str, Any] = {"id": n.id, "label": n.label, "name": n.name}
    for k in prop_keys:
        row[k] = _scalar(n.properties.get(k))
    row.update(gaps="; ".join(gaps), quote=ev.get("quote", ""), document=ev.get("source") or ev.get("document", ""),
               item=ev.get("item", ""), citations=len(n.evidence))
    return row


def _edge_row(e, gaps: list[str], prop_keys: list[str]) -> dict[str, Any]:
    ev = _first(e.evidence)
    row: dict[str, Any] = {"id": e.key, "source": e.source, "target": e.target, "type": e.type,
                           "negated": e.negated}
    for k in prop_keys:
        row[k] = _scalar(e.properties.get(k))
    row.update(gaps="; ".join(gaps), quote=ev.get("quote", ""), document=ev.get("source") or ev.get("document", ""),
               item=ev.get("item", ""), citations=len(e.evidence))
    return row


NODE_FIXED = ["id", "label", "name"]
EDGE_FIXED = ["id", "source", "target", "type", "negated"]
TAIL = ["gaps", "quote", "document", "item", "citations"]


def tables(sub: GraphData, cats: dict[str, GapCategory]) -> tuple[list[str], list[dict], list[str], list[dict]]:
    """(node columns, node rows, edge columns, edge rows): the flat form CSV and GraphML share."""
    node_gaps, edge_gaps = gap_index(cats)
    reserved = set(NODE_FIXED + EDGE_FIXED + TAIL)
    nkeys = _property_keys((n.properties for n in sub.nodes.values()), reserved)
    ekeys = _property_keys((e.properties for e in sub.edges), reserved)
    nodes = [_node_row(n, node_gaps.get(n.id, []), nkeys) for n in sorted(sub.nodes.values(), key=lambda n: n.id)]
    edges = [_edge_row(e, edge_gaps.get(e.key, []), ekeys) for e in sub.edges]
    return NODE_FIXED + nkeys + TAIL, nodes, EDGE_FIXED + ekeys + TAIL, edges


def _graphml_type(values: Iterable[Any]) -> str:
    vals = [v for v in values if v != ""]
    if vals and all(isinstance(v, bool) for v in vals):
        return "boolean"
    if vals and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return "long"
    if vals and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
        return "double"
    return "string"


def _graphml_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_graphml(sub: GraphData, cats: dict[str, GapCategory], path: Path) -> None:
    ncols, nrows, ecols, erows = tables(sub, cats)
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    keys: dict[tuple[str, str], str] = {}
    for domain, cols, rows, skip in (("node", ncols, nrows, {"id"}), ("edge", ecols, erows, {"source", "target"})):
        for col in cols:
            if col in skip:
                continue
            kid = f"{domain[0]}_{col}"
            keys[(domain, col)] = kid
            ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {
                "id": kid, "for": domain, "attr.name": col,
                "attr.type": _graphml_type(r.get(col, "") for r in rows)})
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "govgraph", "edgedefault": "directed"})
    for row in nrows:
        el = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": row["id"]})
        for col in ncols:
            if (("node", col) in keys) and row.get(col, "") != "":
                ET.SubElement(el, f"{{{GRAPHML_NS}}}data", {"key": keys[("node", col)]}).text = _graphml_text(row[col])
    for row in erows:
        el = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge",
                           {"id": row["id"], "source": row["source"], "target": row["target"]})
        for col in ecols:
            if (("edge", col) in keys) and row.get(col, "") != "":
                ET.SubElement(el, f"{{{GRAPHML_NS}}}data", {"key": keys[("edge", col)]}).text = _graphml_text(row[col])
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def as_json(sub: GraphData, cats: dict[str, GapCategory]) -> dict[str, Any]:
    node_gaps, edge_gaps = gap_index(cats)
    return {
        "nodes": [{"id": n.id, "label": n.label, "name": n.name, "properties": n.properties,
                   "gaps": node_gaps.get(n.id, []), "evidence": n.evidence}
                  for n in sorted(sub.nodes.values(), key=lambda n: n.id)],
        "edges": [{"id": e.key, "source": e.source, "target": e.target, "type": e.type, "negated": e.negated,
                   "properties": e.properties, "gaps": edge_gaps.get(e.key, []), "evidence": e.evidence}
                  for e in sub.edges],
        "gaps": [{"name": c.name, "title": c.title, "question": c.question,
                  "nodes": sorted(c.nodes), "edges": sorted(c.edges)} for c in cats.values()],
        "documents": [{"id": d, "source": s} for d, s in sorted(sub.documents.items())],
    }


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_csv(sub: GraphData, cats: dict[str, GapCategory], folder: Path) -> list[Path]:
    ncols, nrows, ecols, erows = tables(sub, cats)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, cols, rows in (("nodes.csv", ncols, nrows), ("edges.csv", ecols, erows)):
        path = folder / name
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
            writer.writeheader()
            writer.writerows({k: _csv_cell(v) for k, v in row.items()} for row in rows)
        out.append(path)
    return out


def export_graph(
    store: GraphStore,
    fmt: str | ExportFormat,
    path: str | Path,
    *,
    authority: str | None = None,
    focus: str | None = None,
    depth: int = 2,
    rel_types: Iterable[str] | None = None,
) -> ExportSummary:
    """Write the graph (narrowed like ``render_html``) as graphml/json to a file, or csv into a folder."""
    return export_data(read_graph(store), fmt, path, store=store, authority=authority, focus=focus,
                       depth=depth, rel_types=rel_types)


def export_data(graph: GraphData, fmt: str | ExportFormat, path: str | Path, *, store: GraphStore | None = None,
                authority: str | None = None, focus: str | None = None, depth: int = 2,
                rel_types: Iterable[str] | None = None) -> ExportSummary:
    fmt = ExportFormat(fmt)
    sub = select(graph, authority=authority, focus=focus, depth=depth, rel_types=list(rel_types or []))
    cats = restrict_gaps(find_gaps(graph, store, authority=authority), sub)
    path = Path(path)
    if fmt is ExportFormat.csv:
        paths = write_csv(sub, cats, path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt is ExportFormat.graphml:
            write_graphml(sub, cats, path)
        else:
            path.write_text(json.dumps(as_json(sub, cats), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        paths = [path]
    return ExportSummary(nodes=len(sub.nodes), edges=len(sub.edges), paths=paths)
