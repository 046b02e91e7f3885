"""The governance graph as a picture: one self-contained, offline HTML page.

``render_html(store, path, ...)`` reads the graph (never Document/Item
provenance nodes), narrows it (authority, focus + depth, relationship types),
marks the oversight gaps, and writes a vis-network page built with pyvis:

* **offline**: vis-network's JS and CSS (the copy pyvis 0.3.2 ships) are
  inlined into our own template (``static/network.html``); nothing in the
  page names a URL a browser would fetch, and a Content-Security-Policy
  (``default-src 'none'``) forbids fetching anything even if something did;
* **escaped**: every string from the minutes reaches the page only as JSON
  inside ``<script type="application/json">`` with ``<``, ``>``, ``&`` and
  U+2028/9 written as ``\\uXXXX``; tooltips are plain strings, which
  vis-network 9 shows with ``innerText`` (never as HTML); the only scripts
  that run carry the page's random nonce, so an injected ``<script>`` or
  ``onerror=`` would be refused by the browser anyway.

The data helpers (``read_graph``, ``select``, ``find_gaps``) are shared with
``graph/export.py``.
"""
from __future__ import annotations

import json
import re
import secrets
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .store import GraphStore, StoreError

PROVENANCE_LABELS = ("Document", "Item")
EVIDENCE_PREFIX = "evidence_"

# --- what things look like ---------------------------------------------------
# label -> (vis shape, fill colour, legend symbol)
NODE_STYLE: dict[str, tuple[str, str, str]] = {
    "Authority": ("star", "#1f3a93", "\u2605"),
    "Organisation": ("hexagon", "#8e44ad", "\u2b22"),
    "Body": ("dot", "#2e86de", "\u25cf"),
    "Role": ("triangle", "#16a085", "\u25b2"),
    "Person": ("dot", "#27ae60", "\u2022"),
    "Inspection": ("diamond", "#e67e22", "\u25c6"),
    "Recommendation": ("square", "#f1c40f", "\u25a0"),
    "Finding": ("triangleDown", "#b9770e", "\u25bc"),
    "Plan": ("square", "#7bed9f", "\u25a3"),
    "Meeting": ("dot", "#95a5a6", "\u00b7"),
}
DEFAULT_NODE_STYLE = ("dot", "#7f8c8d", "\u25cb")
NODE_BASE_SIZE = {"Authority": 30, "Organisation": 18, "Body": 16, "Inspection": 18,
                  "Meeting": 6, "Person": 10}

EDGE_COLOURS: dict[str, str] = {
    "REPORTS_TO": "#2e86de",
    "SCRUTINISES": "#8e44ad",
    "RESPONSIBLE_FOR": "#16a085",
    "CHAIRS": "#d35400",
    "MEMBER_OF": "#7f8c8d",
    "HOLDS": "#27ae60",
    "PART_OF": "#bdc3c7",
    "INSPECTED": "#e67e22",
    "CONDUCTED_BY": "#f39c12",
    "MADE": "#c9a400",
    "ADDRESSES": "#6ab04c",
    "CRITICISED": "#c0392b",
    "ATTENDED": "#d5d8dc",
    "MEETING_OF": "#aab7b8",
}
DEFAULT_EDGE_COLOUR = "#95a5a6"
NEGATED_COLOUR = "#e74c3c"
GAP_COLOUR = "#e00000"

# Properties worth a line in a tooltip, in this order (the rest are skipped).
TOOLTIP_PROPERTIES = ("authority", "kind", "date", "year", "judgement", "not_met_since",
                      "themes", "aliases")
MAX_TOOLTIP_QUOTES = 3
MAX_QUOTE_CHARS = 400
MAX_LABEL_CHARS = 42


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


@dataclass
class GapCategory:
    name: str
    title: str
    description: str
    nodes: set[str] = field(default_factory=set)
    edges: set[str] = field(default_factory=set)
    """Edge keys (``GEdge.key``)."""
    source: str = "built-in"
    """"built-in", or "queries" when the named gap queries supplied the nodes."""


@dataclass
class VizSummary:
    nodes: int
    edges: int
    gaps: dict[str, int]
    """Gap category -> number of highlighted nodes plus edges in the picture."""
    path: Path | None = None


class VizError(ValueError):
    """A user-facing problem with the request (unknown focus node, ...)."""


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


# --- gaps in oversight -------------------------------------------------------
RECURRING_WORDS = re.compile(r"\brecurr|\bpersist|\brepeated(ly)?\b|\bremains? (an? )?(issue|concern|weakness)", re.I)

BUILTIN_GAPS: dict[str, tuple[str, str]] = {
    "unowned-recommendations": (
        "Unowned recommendations",
        "a recommendation nobody is RESPONSIBLE_FOR and no Plan ADDRESSES"),
    "unscrutinised-bodies": (
        "Unscrutinised bodies",
        "a body (not full council) that nobody SCRUTINISES and that REPORTS_TO nobody"),
    "dormant-bodies": (
        "Dormant bodies",
        "a body the minutes say had not met (not_met_since)"),
    "barred-or-criticised-scrutiny": (
        "Barred or criticised scrutiny",
        "scrutiny the text denies (negated SCRUTINISES) or a body/role that was CRITICISED"),
    "recurring-findings": (
        "Recurring findings",
        "a finding or recommendation whose theme recurs across inspections, or that the text calls recurring"),
}

# The named gap queries (queries/*.cypher, kind "gap", the ones `govgraph gaps`
# reports) feed the highlight of a category when listed here: each row names a
# node in ``name column`` (with its label given, or read from ``label column``
# when that ends in "_label") and its authority in ``authority``. A query
# whose rows carry node ids in a GAP_ID_COLUMNS column needs no entry. When a
# query fails, or none of its rows can be found in the graph, the built-in
# rule of its category is used instead, so the picture never loses its gaps
# because a query changed.
GAP_QUERY_MAP: dict[str, tuple[str, list[tuple[str, str | None]]]] = {
    "unowned-recommendations": ("unowned-recommendations", [("recommendation", "Recommendation")]),
    "unaccountable-bodies": ("unscrutinised-bodies", [("body", "Body")]),
    "dormant-bodies": ("dormant-bodies", [("body", "Body")]),
    "scrutiny-barred": ("barred-or-criticised-scrutiny", [("scrutineer", "scrutineer_label")]),
    "criticised-oversight": ("barred-or-criticised-scrutiny", [("criticised", "criticised_label")]),
    "recurring-findings": ("recurring-findings", [("finding", None)]),
}
GAP_ID_COLUMNS = ("node_id", "node_ids", "id", "ids")
"""Columns of a gap query's rows that hold node ids (a value may be a list of ids)."""


def _builtin_gaps(graph: GraphData) -> dict[str, GapCategory]:
    cats = {name: GapCategory(name, title, desc) for name, (title, desc) in BUILTIN_GAPS.items()}
    incoming: dict[str, list[GEdge]] = defaultdict(list)
    outgoing: dict[str, list[GEdge]] = defaultdict(list)
    for e in graph.edges:
        incoming[e.target].append(e)
        outgoing[e.source].append(e)

    for n in graph.nodes.values():
        if n.label == "Recommendation":
            owned = any(not e.negated and (e.type == "RESPONSIBLE_FOR" or
                                           (e.type == "ADDRESSES" and graph.nodes[e.source].label == "Plan"))
                        for e in incoming[n.id])
            if not owned:
                cats["unowned-recommendations"].nodes.add(n.id)
        if n.label == "Body":
            if str(n.properties.get("kind") or "") != "council":
                scrutinised = any(e.type == "SCRUTINISES" and not e.negated for e in incoming[n.id])
                reports = any(e.type == "REPORTS_TO" and not e.negated for e in outgoing[n.id])
                if not scrutinised and not reports:
                    cats["unscrutinised-bodies"].nodes.add(n.id)
            if n.properties.get("not_met_since"):
                cats["dormant-bodies"].nodes.add(n.id)

    barred = cats["barred-or-criticised-scrutiny"]
    for e in graph.edges:
        if e.type == "SCRUTINISES" and e.negated:
            barred.edges.add(e.key)
            barred.nodes.add(e.source)
        elif e.type == "CRITICISED" and not e.negated:
            barred.edges.add(e.key)
            barred.nodes.add(e.target)

    recurring = cats["recurring-findings"]
    by_theme: dict[str, set[str]] = defaultdict(set)
    for n in graph.nodes.values():
        if n.label not in ("Finding", "Recommendation"):
            continue
        for theme in n.properties.get("themes") or []:
            by_theme[_norm(str(theme))].add(n.id)
        if n.label == "Finding" and (RECURRING_WORDS.search(n.name) or
                                     any(RECURRING_WORDS.search(ev["quote"]) for ev in n.evidence)):
            recurring.nodes.add(n.id)
    for members in by_theme.values():
        makers = {e.source for m in members for e in incoming[m] if e.type == "MADE"
                  and graph.nodes[e.source].label == "Inspection"}
        if len(makers) >= 2:
            recurring.nodes.update(members)
            recurring.edges.update(e.key for m in members for e in incoming[m]
                                   if e.type == "MADE" and e.source in makers)
    return cats


def _ids_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, str)]
    return []


def _by_name(graph: GraphData) -> dict[str, list[GNode]]:
    index: dict[str, list[GNode]] = defaultdict(list)
    for n in graph.nodes.values():
        index[_norm(n.name)].append(n)
    return index


def _row_nodes(row: dict[str, Any], name_col: str, label_col: str | None,
               index: dict[str, list[GNode]]) -> set[str]:
    name = row.get(name_col)
    if not isinstance(name, str) or not name:
        return set()
    label = row.get(label_col) if label_col and label_col.endswith("_label") else label_col
    authority = row.get("authority")
    hits = set()
    for n in index.get(_norm(name), []):
        if label and n.label != label:
            continue
        if authority and n.authority and _norm(n.authority) != _norm(str(authority)):
            continue
        hits.add(n.id)
    return hits


def _query_gaps(store: GraphStore, graph: GraphData, authority: str | None) -> dict[str, set[str]]:
    """Category -> node ids, from the named gap queries that can be mapped to nodes."""
    try:
        from ..queries import library
    except ImportError:  # pragma: no cover - the queries package always ships
        return {}
    index = _by_name(graph)
    found: dict[str, set[str]] = {}
    failed: set[str] = set()
    for q in library.list_queries():
        if q.kind != "gap":
            continue
        category, columns = GAP_QUERY_MAP.get(q.name, (q.name, []))
        try:
            params = {"authority": authority} if authority and "authority" in q.params else {}
            result = library.run_query(store, q.name, params)
        except Exception:  # a broken or dialect-specific query must not break the picture
            failed.add(category)
            continue
        rows = result.records()
        id_cols = [c for c in result.columns if c in GAP_ID_COLUMNS]
        if id_cols:
            ids = {i for row in rows for c in id_cols for i in _ids_in(row.get(c)) if i in graph.nodes}
        elif columns:
            ids = {i for row in rows for col, lab in columns for i in _row_nodes(row, col, lab, index)}
        else:
            continue
        if rows and not ids:  # rows we cannot place: the mapping is stale
            failed.add(category)
            continue
        found.setdefault(category, set()).update(ids)
    return {cat: ids for cat, ids in found.items() if cat not in failed}


def find_gaps(graph: GraphData, store: GraphStore | None = None, *, authority: str | None = None,
              use_queries: bool = True) -> dict[str, GapCategory]:
    """Gap categories over ``graph`` (compute on the whole graph, then narrow with ``restrict_gaps``).

    With a ``store``, the named gap queries that ``govgraph gaps`` runs decide
    which nodes are highlighted (``GAP_QUERY_MAP``), so the picture and the
    report agree; the built-in rules decide otherwise, and always supply the
    highlighted relationships (barred scrutiny, criticism, recurring MADE).
    """
    cats = _builtin_gaps(graph)
    if store is not None and use_queries:
        for name, ids in _query_gaps(store, graph, authority).items():
            if name not in cats:
                continue  # only the categories the legend explains
            cat = cats[name]
            if name == "barred-or-criticised-scrutiny":
                ids = ids | {e.source if e.negated else e.target for e in graph.edges if e.key in cat.edges}
            else:  # keep the arrows that lead to the nodes the query found
                cat.edges = {k for k in cat.edges if k.split("|")[2] in ids}
            cat.nodes = set(ids)
            cat.source = "queries"
    return cats


def restrict_gaps(cats: dict[str, GapCategory], sub: GraphData) -> dict[str, GapCategory]:
    keys = {e.key for e in sub.edges}
    return {name: GapCategory(c.name, c.title, c.description, c.nodes & set(sub.nodes), c.edges & keys, c.source)
            for name, c in cats.items()}


def gap_index(cats: dict[str, GapCategory]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """node id -> gap titles, edge key -> gap titles."""
    nodes: dict[str, list[str]] = defaultdict(list)
    edges: dict[str, list[str]] = defaultdict(list)
    for c in cats.values():
        for i in sorted(c.nodes):
            nodes[i].append(c.title)
        for k in sorted(c.edges):
            edges[k].append(c.title)
    return nodes, edges


# --- tooltips (plain text: vis-network shows a string title with innerText) --
def _clip(text: str, limit: int) -> str:
    text = re.sub(r"\s+", " ", str(text)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _fmt_value(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _evidence_lines(evidence: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for ev in evidence[:MAX_TOOLTIP_QUOTES]:
        where = ev.get("source") or ev.get("document") or "unknown document"
        if ev.get("item"):
            where += f", item {ev['item']}"
        if ev.get("page") is not None:
            where += f", p. {ev['page']}"
        lines.append(f"\u201c{_clip(ev['quote'], MAX_QUOTE_CHARS)}\u201d\n   \u2014 {where}")
    if len(evidence) > MAX_TOOLTIP_QUOTES:
        lines.append(f"(+{len(evidence) - MAX_TOOLTIP_QUOTES} more citation(s))")
    return lines


def node_tooltip(n: GNode, gaps: list[str]) -> str:
    lines = [n.name, n.label]
    for key in TOOLTIP_PROPERTIES:
        value = n.properties.get(key)
        if value not in (None, "", [], ()):
            lines.append(f"{key}: {_fmt_value(value)}")
    if gaps:
        lines.append("GAP: " + "; ".join(gaps))
    lines += _evidence_lines(n.evidence)
    return "\n".join(lines)


def edge_tooltip(e: GEdge, graph: GraphData, gaps: list[str]) -> str:
    src, tgt = graph.nodes[e.source].name, graph.nodes[e.target].name
    rel = ("NOT " if e.negated else "") + e.type
    lines = [f"{src} \u2014{rel}\u2192 {tgt}"]
    if e.negated:
        lines.append("negated: the text denies this relationship")
    for key, value in sorted(e.properties.items()):
        if value not in (None, "", [], ()):
            lines.append(f"{key}: {_fmt_value(value)}")
    if gaps:
        lines.append("GAP: " + "; ".join(gaps))
    lines += _evidence_lines(e.evidence)
    return "\n".join(lines)


# --- the pyvis network -------------------------------------------------------
def vis_options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """Layout/physics that open a 2,000-node graph in a browser and then stand still."""
    large = n_nodes > 300
    physics: dict[str, Any] = {
        "enabled": True,
        "stabilization": {"enabled": True, "iterations": 250 if large else 400,
                          "updateInterval": 25, "fit": True},
        "minVelocity": 1.0 if large else 0.75,
        "timestep": 0.5,
    }
    if large:
        physics.update(solver="barnesHut", barnesHut={
            "gravitationalConstant": -6000, "centralGravity": 0.4, "springLength": 120,
            "springConstant": 0.04, "damping": 0.35, "avoidOverlap": 0.1})
    else:
        physics.update(solver="forceAtlas2Based", forceAtlas2Based={
            "gravitationalConstant": -80, "centralGravity": 0.01, "springLength": 130,
            "springConstant": 0.08, "damping": 0.5, "avoidOverlap": 0.6})
    return {
        "layout": {"improvedLayout": n_nodes <= 150, "randomSeed": 7},
        "physics": physics,
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "multiselect": True, "hideEdgesOnDrag": large, "keyboard": False},
        "nodes": {"font": {"size": 12 if large else 14, "face": "sans-serif",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1, "scaling": {"label": {"enabled": True, "min": 8, "max": 20}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "smooth": False if large else {"enabled": True, "type": "continuous"},
                  "font": {"size": 10, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "selectionWidth": 2},
    }


def build_network(sub: GraphData, cats: dict[str, GapCategory]):
    """A pyvis Network with every node and edge styled, gaps highlighted."""
    from pyvis.network import Network

    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    node_gaps, edge_gaps = gap_index(cats)
    degree: dict[str, int] = defaultdict(int)
    for e in sub.edges:
        degree[e.source] += 1
        degree[e.target] += 1
    for n in sorted(sub.nodes.values(), key=lambda n: n.id):
        shape, colour, _ = NODE_STYLE.get(n.label, DEFAULT_NODE_STYLE)
        gaps = node_gaps.get(n.id, [])
        size = NODE_BASE_SIZE.get(n.label, 13) + min(12, 2 * degree[n.id] ** 0.5)
        style: dict[str, Any] = {
            "shape": shape, "size": round(size, 1),
            "color": {"background": colour, "border": "#2c3e50",
                      "highlight": {"background": colour, "border": "#000000"},
                      "hover": {"background": colour, "border": "#000000"}},
            "borderWidth": 1,
        }
        if shape == "square" and n.label == "Plan":
            style["shapeProperties"] = {"borderDashes": [4, 2]}
        if gaps:
            style.update(borderWidth=6, borderWidthSelected=8,
                         shadow={"enabled": True, "color": "rgba(224,0,0,0.75)", "size": 22, "x": 0, "y": 0})
            style["color"]["border"] = GAP_COLOUR
            style["color"]["highlight"]["border"] = GAP_COLOUR
            style["color"]["hover"]["border"] = GAP_COLOUR
        net.add_node(n.id, label=_clip(n.name, MAX_LABEL_CHARS), title=node_tooltip(n, gaps),
                     nlabel=n.label, gap=bool(gaps), **style)
    show_edge_labels = len(sub.edges) <= 250
    for e in sub.edges:
        gaps = edge_gaps.get(e.key, [])
        colour = NEGATED_COLOUR if e.negated else EDGE_COLOURS.get(e.type, DEFAULT_EDGE_COLOUR)
        opts: dict[str, Any] = {
            "id": e.key, "title": edge_tooltip(e, sub, gaps), "rtype": e.type, "negated": e.negated,
            "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.9},
            "width": 1.5, "dashes": [8, 6] if e.negated else False, "gap": bool(gaps),
        }
        if show_edge_labels:
            opts["label"] = ("NOT " if e.negated else "") + e.type.lower().replace("_", " ")
        if gaps:
            opts["width"] = 5
            opts["shadow"] = {"enabled": True, "color": "rgba(224,0,0,0.6)", "size": 10, "x": 0, "y": 0}
        net.add_edge(e.source, e.target, **opts)
    net.options = vis_options(len(sub.nodes), len(sub.edges))
    return net


# --- the page ----------------------------------------------------------------
def safe_json(data: Any) -> str:
    """JSON that can sit inside a <script> element: no ``</script>``, no ``<!--``, no line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _vis_assets() -> tuple[str, str]:
    """vis-network 9.1.2's JS and CSS as pyvis 0.3.2 ships them (pinned in pyproject)."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # Defensive: these must not be able to close their own element.
    if re.search(r"</script", js, re.I) or re.search(r"</style", css, re.I):
        raise RuntimeError("vendored vis-network contains a closing tag; cannot inline it safely")
    return js, css


def _template():
    from jinja2 import Environment, select_autoescape

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    text = resources.files(__package__).joinpath("static", "network.html").read_text(encoding="utf-8")
    return env.from_string(text)


def _legend(sub: GraphData, cats: dict[str, GapCategory]) -> dict[str, Any]:
    labels = sorted({n.label for n in sub.nodes.values()}, key=lambda lab: list(NODE_STYLE).index(lab)
                    if lab in NODE_STYLE else 99)
    types = sorted({e.type for e in sub.edges}, key=lambda t: list(EDGE_COLOURS).index(t)
                   if t in EDGE_COLOURS else 99)
    return {
        "labels": [{"name": lab, "symbol": NODE_STYLE.get(lab, DEFAULT_NODE_STYLE)[2],
                    "colour": NODE_STYLE.get(lab, DEFAULT_NODE_STYLE)[1],
                    "count": sum(1 for n in sub.nodes.values() if n.label == lab)} for lab in labels],
        "types": [{"name": t, "colour": EDGE_COLOURS.get(t, DEFAULT_EDGE_COLOUR),
                   "count": sum(1 for e in sub.edges if e.type == t)} for t in types],
        "negated": any(e.negated for e in sub.edges),
        "gaps": [{"name": c.name, "title": c.title, "description": c.description,
                  "count": len(c.nodes) + len(c.edges)} for c in cats.values()],
    }


def html_page(sub: GraphData, cats: dict[str, GapCategory], *, title: str = "govgraph network",
              subtitle: str = "") -> str:
    net = build_network(sub, cats)
    js, css = _vis_assets()
    data = {
        "nodes": net.nodes, "edges": net.edges, "options": net.options,
        "gaps": {c.name: {"nodes": sorted(c.nodes), "edges": sorted(c.edges)} for c in cats.values()},
    }
    nonce = secrets.token_urlsafe(18)
    return _template().render(
        title=title, subtitle=subtitle, nonce=nonce, vis_js=js, vis_css=css,
        data_json=safe_json(data), legend=_legend(sub, cats),
        n_nodes=len(net.nodes), n_edges=len(net.edges),
    )


def describe_filters(authority: str | None, focus: str | None, depth: int, rel_types: Iterable[str] | None) -> str:
    parts = []
    if authority:
        parts.append(f"authority: {authority}")
    if focus:
        parts.append(f"around {focus!r}, {depth} hop(s)")
    if rel_types:
        parts.append("relationships: " + ", ".join(rel_types))
    return "; ".join(parts) or "whole graph"


def render_html(
    store: GraphStore,
    path: str | Path,
    *,
    authority: str | None = None,
    focus: str | None = None,
    depth: int = 2,
    rel_types: Iterable[str] | None = None,
    title: str = "govgraph: governance network",
) -> VizSummary:
    """Write the network picture of ``store`` (narrowed by the filters) to ``path``."""
    graph = read_graph(store)
    return render_graph(graph, path, store=store, authority=authority, focus=focus, depth=depth,
                        rel_types=rel_types, title=title)


def render_graph(
    graph: GraphData,
    path: str | Path,
    *,
    store: GraphStore | None = None,
    authority: str | None = None,
    focus: str | None = None,
    depth: int = 2,
    rel_types: Iterable[str] | None = None,
    title: str = "govgraph: governance network",
) -> VizSummary:
    """``render_html`` for a graph already in memory (tests, synthetic graphs)."""
    rel_types = list(rel_types or [])
    sub = select(graph, authority=authority, focus=focus, depth=depth, rel_types=rel_types)
    cats = restrict_gaps(find_gaps(graph, store, authority=authority), sub)
    page = html_page(sub, cats, title=title, subtitle=describe_filters(authority, focus, depth, rel_types))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return VizSummary(nodes=len(sub.nodes), edges=len(sub.edges),
                      gaps={c.name: len(c.nodes) + len(c.edges) for c in cats.values()}, path=path)
