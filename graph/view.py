"""The graph as the picture and the exports see it, and the filters that narrow it.

``read_graph`` loads every node and relationship except the Document/Item
provenance, with their citations unpacked; ``select`` narrows it by
authority, relationship type and neighbourhood. Both ``graph/visualise.py``
(the HTML picture) and ``graph/export.py`` (GraphML, JSON, CSV) draw from
here, so a filter means the same thing in a picture and in an export.
"""
from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .store import GraphStore, StoreError

PROVENANCE_LABELS = ("Document", "Item")
EVIDENCE_PREFIX = "evidence_"


class VizError(ValueError):
    """A user-facing problem with the request (unknown focus node, ...)."""


# --- the graph in memory -----------------------------------------------------
@dataclass
class GNode:
    id: str
    label: str
    name: str
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def authority(self) -> str | None:
        value = self.properties.get("authority")
        if value:
            return str(value)
        return self.name if self.label == "Authority" else None


@dataclass
class GEdge:
    source: str
    target: str
    type: str
    negated: bool = False
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.type}|{self.source}|{self.target}|{'not' if self.negated else 'is'}"


@dataclass
class GraphData:
    nodes: dict[str, GNode] = field(default_factory=dict)
    edges: list[GEdge] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)
    """Document id -> its source (path or URL)."""

    def neighbours(self) -> dict[str, set[str]]:
        adj: dict[str, set[str]] = defaultdict(set)
        for e in self.edges:
            adj[e.source].add(e.target)
            adj[e.target].add(e.source)
        return adj


def _split_evidence(props: dict[str, Any], documents: dict[str, str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    plain = {k: v for k, v in props.items() if not k.startswith(EVIDENCE_PREFIX)}
    lists = {k[len(EVIDENCE_PREFIX):]: v for k, v in props.items() if k.startswith(EVIDENCE_PREFIX)}
    quotes = lists.get("quote") or []
    evidence = []
    for i, quote in enumerate(quotes):
        def at(key: str, default: Any = None) -> Any:
            values = lists.get(key) or []
            return values[i] if i < len(values) else default
        doc = at("doc", "")
        page = at("page", -1)
        evidence.append({
            "quote": quote, "document": doc, "source": documents.get(doc, ""),
            "item": at("item", "") or "", "start": at("start"), "end": at("end"),
            "page": None if page in (None, -1) else page,
        })
    return plain, evidence


def read_graph(store: GraphStore) -> GraphData:
    """Every node and relationship except the Document/Item provenance, with evidence unpacked."""
    graph = GraphData()
    try:
        docs = store.query("MATCH (d:Document) RETURN d.id AS id, d.source AS source").rows
    except StoreError as exc:
        if "empty" in str(exc).lower():
            return graph
        raise
    graph.documents = {d: s or "" for d, s in docs}
    rows = store.query(
        "MATCH (n) WHERE NOT n:Document AND NOT n:Item "
        "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
    ).rows
    for node_id, labels, props in rows:
        if node_id is None:
            continue
        props = dict(props or {})
        label = next((lab for lab in labels if lab not in PROVENANCE_LABELS), labels[0] if labels else "")
        plain, evidence = _split_evidence(props, graph.documents)
        plain.pop("id", None)
        name = str(plain.pop("name", None) or node_id)
        graph.nodes[node_id] = GNode(id=node_id, label=label, name=name, properties=plain, evidence=evidence)
    rows = store.query(
        "MATCH (a)-[r]->(b) WHERE NOT a:Document AND NOT a:Item AND NOT b:Document AND NOT b:Item "
        "RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props"
    ).rows
    seen: set[str] = set()
    for source, rtype, target, props in rows:
        if source not in graph.nodes or target not in graph.nodes:
            continue
        plain, evidence = _split_evidence(dict(props or {}), graph.documents)
        negated = bool(plain.pop("negated", False))
        edge = GEdge(source=source, target=target, type=rtype, negated=negated, properties=plain, evidence=evidence)
        if edge.key in seen:  # the same fact twice: keep one
            continue
        seen.add(edge.key)
        graph.edges.append(edge)
    graph.edges.sort(key=lambda e: e.key)
    return graph


# --- narrowing the picture ---------------------------------------------------
def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def match_nodes(graph: GraphData, query: str) -> list[GNode]:
    """Nodes whose id, name or alias equals ``query`` (case-insensitive); else whose name contains it."""
    q = _norm(query)
    exact = [n for n in graph.nodes.values()
             if _norm(n.id) == q or _norm(n.name) == q
             or any(_norm(str(a)) == q for a in (n.properties.get("aliases") or []))]
    if exact:
        return exact
    return [n for n in graph.nodes.values() if q and q in _norm(n.name)]


def authority_names(graph: GraphData, authority: str) -> set[str]:
    """The (normalised) authority names ``authority`` means: the exact name or an alias, else every name containing it."""
    want = _norm(authority)
    known: dict[str, set[str]] = defaultdict(set)  # name -> aliases
    for n in graph.nodes.values():
        if n.label == "Authority":
            known[_norm(n.name)].update(_norm(str(a)) for a in n.properties.get("aliases") or [])
        elif n.authority:
            known.setdefault(_norm(n.authority), set())
    exact = {name for name, aliases in known.items() if want == name or want in aliases}
    names = exact or {name for name in known if want and want in name}
    if not names:
        shown = sorted(n.name for n in graph.nodes.values() if n.label == "Authority")
        raise VizError(f"no authority named {authority!r}; known: {', '.join(shown) or '(none)'}")
    return names


def select(
    graph: GraphData,
    *,
    authority: str | None = None,
    focus: str | None = None,
    depth: int = 2,
    rel_types: Iterable[str] | None = None,
) -> GraphData:
    """The part of ``graph`` to draw or export.

    * ``authority``: nodes scoped to that authority (``authority`` property;
      the exact name or alias, else every authority whose name contains it,
      case-insensitive) and the Authority node itself, plus unscoped nodes
      (Organisations such as Ofsted) linked to them;
    * ``rel_types``: only relationships of these types, and only the nodes
      they join (the focus node stays even if it has none);
    * ``focus`` + ``depth``: the nodes within ``depth`` hops (either
      direction) of every node whose id, name or alias is ``focus``.
    """
    nodes = dict(graph.nodes)
    edges = list(graph.edges)
    if authority:
        names = authority_names(graph, authority)
        scoped_ids = {i for i, n in nodes.items() if n.authority and _norm(n.authority) in names}
        unscoped = {i for i, n in nodes.items() if not n.authority}
        linked = {e.target for e in edges if e.source in scoped_ids and e.target in unscoped}
        linked |= {e.source for e in edges if e.target in scoped_ids and e.source in unscoped}
        keep = scoped_ids | linked
        nodes = {i: n for i, n in nodes.items() if i in keep}
        edges = [e for e in edges if e.source in keep and e.target in keep]
    seeds: set[str] = set()
    if focus:
        sub = GraphData(nodes=nodes, edges=edges, documents=graph.documents)
        found = match_nodes(sub, focus)
        if not found:
            where = f" in {authority}" if authority else ""
            raise VizError(f"no node named {focus!r}{where} (match is on id, name or alias, case-insensitive)")
        seeds = {n.id for n in found}
    if rel_types:
        wanted = {t.strip().upper() for t in rel_types if t and t.strip()}
        edges = [e for e in edges if e.type in wanted]
        touched = {e.source for e in edges} | {e.target for e in edges} | seeds
        nodes = {i: n for i, n in nodes.items() if i in touched}
    if focus:
        adj: dict[str, set[str]] = defaultdict(set)
        for e in edges:
            adj[e.source].add(e.target)
            adj[e.target].add(e.source)
        dist = {s: 0 for s in seeds}
        todo = deque(seeds)
        while todo:
            cur = todo.popleft()
            if dist[cur] >= max(depth, 0):
                continue
            for nxt in adj[cur]:
                if nxt not in dist:
                    dist[nxt] = dist[cur] + 1
                    todo.append(nxt)
        nodes = {i: n for i, n in nodes.items() if i in dist}
        edges = [e for e in edges if e.source in nodes and e.target in nodes]
    return GraphData(nodes=nodes, edges=edges, documents=graph.documents)


def describe_filters(authority: str | None, focus: str | None, depth: int, rel_types: Iterable[str] | None) -> str:
    """The filters of ``select`` in words, for the page's subtitle."""
    parts = []
    if authority:
        parts.append(f"authority: {authority}")
    if focus:
        parts.append(f"around {focus!r}, {depth} hop(s)")
    if rel_types:
        parts.append("relationships: " + ", ".join(rel_types))
    return "; ".join(parts) or "whole graph"
