"""The governance graph as a picture: one self-contained, offline HTML page.

``render_html(store, path, ...)`` reads the graph and narrows it
(``graph/view.py``), marks the gaps the gap queries find
(``graph/gaps_overlay.py``), and writes a vis-network page built with pyvis.
This module owns only how things look: styles, tooltips, layout options and
the page itself, which must be

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
"""
from __future__ import annotations

import json
import re
import secrets
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .gaps_overlay import GapCategory, find_gaps, gap_index, restrict_gaps
from .store import GraphStore
from .view import GEdge, GNode, GraphData, describe_filters, read_graph, select

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


@dataclass
class VizSummary:
    nodes: int
    edges: int
    gaps: dict[str, int]
    """Gap query -> number of its nodes in the picture (every gap query, in catalogue order)."""
    path: Path | None = None


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
        "gaps": [{"name": c.name, "title": c.title, "question": _plain_question(c.question),
                  "count": len(c.nodes), "edges": len(c.edges)} for c in _shown(cats)],
    }


def _shown(cats: dict[str, GapCategory]) -> list[GapCategory]:
    """The gap categories the legend lists: those with a node in the picture."""
    return [c for c in cats.values() if c.nodes]


def _plain_question(question: str) -> str:
    """A query's question (markdown in the report) as plain text for the page."""
    return question.replace("`", "")


def html_page(sub: GraphData, cats: dict[str, GapCategory], *, title: str = "govgraph network",
              subtitle: str = "") -> str:
    net = build_network(sub, cats)
    js, css = _vis_assets()
    data = {
        "nodes": net.nodes, "edges": net.edges, "options": net.options,
        "gaps": {c.name: {"nodes": sorted(c.nodes), "edges": sorted(c.edges)} for c in _shown(cats)},
    }
    nonce = secrets.token_urlsafe(18)
    return _template().render(
        title=title, subtitle=subtitle, nonce=nonce, vis_js=js, vis_css=css,
        data_json=safe_json(data), legend=_legend(sub, cats),
        n_nodes=len(net.nodes), n_edges=len(net.edges),
    )


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
    """``render_html`` for a graph already in memory; gaps need the ``store`` it came from."""
    rel_types = list(rel_types or [])
    sub = select(graph, authority=authority, focus=focus, depth=depth, rel_types=rel_types)
    cats = restrict_gaps(find_gaps(graph, store, authority=authority), sub)
    page = html_page(sub, cats, title=title, subtitle=describe_filters(authority, focus, depth, rel_types))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return VizSummary(nodes=len(sub.nodes), edges=len(sub.edges),
                      gaps={c.name: len(c.nodes) for c in cats.values()}, path=path)
