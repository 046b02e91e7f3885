"""Which nodes and relationships of a picture or export are gaps in oversight.

The gap queries (``queries/*.cypher`` with ``// kind: gap``) are the one
definition of a gap: ``govgraph gaps`` reports their rows, and this module
turns the same rows into highlights, so the picture and the report cannot
disagree. Each gap query is one category, titled and explained by its own
header. Every row names the node the gap is about (``node_id``) and, when
the gap is a relationship, the node at its other end (``related_id``):

* the category's nodes are the rows' ``node_id``\\ s;
* its relationships are the edges, of any type and either direction,
  between a row's ``node_id`` and ``related_id``.

Nothing is matched by name and nothing is recomputed in Python. A query
that fails raises (``StoreError``) just as it would in ``govgraph gaps``:
a picture that quietly dropped a gap would hide the bug.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..queries.library import gap_queries
from ..queries.report import GapSection, build_report
from .store import GraphStore, StoreError
from .view import GraphData

NODE_COLUMN = "node_id"
RELATED_COLUMN = "related_id"


@dataclass
class GapCategory:
    """One gap query's findings as highlights."""

    name: str
    """The query's name (``unowned-recommendations``, ...)."""
    title: str
    question: str
    nodes: set[str] = field(default_factory=set)
    edges: set[str] = field(default_factory=set)
    """Edge keys (``GEdge.key``)."""


def empty_categories() -> dict[str, GapCategory]:
    """One category per gap query, in catalogue order, with nothing in it yet."""
    return {q.name: GapCategory(q.name, q.title or q.name, q.question) for q in gap_queries()}


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def categories_from_sections(sections: Iterable[GapSection], graph: GraphData) -> dict[str, GapCategory]:
    """Gap categories over ``graph`` from the gap report's sections (rows of each gap query)."""
    between: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in graph.edges:
        between[_pair(e.source, e.target)].append(e.key)
    cats: dict[str, GapCategory] = {}
    for s in sections:
        if NODE_COLUMN not in s.columns:
            raise StoreError(f"gap query {s.name} returns no {NODE_COLUMN} column, so its findings cannot be drawn")
        cat = cats[s.name] = GapCategory(s.name, s.title, s.question)
        for row in s.rows:
            node = _id(row.get(NODE_COLUMN))
            if node is None or node not in graph.nodes:
                continue
            cat.nodes.add(node)
            related = _id(row.get(RELATED_COLUMN))
            if related is not None:
                cat.edges.update(between.get(_pair(node, related), ()))
    return cats


def _id(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def find_gaps(graph: GraphData, store: GraphStore | None, *, authority: str | None = None,
              params: dict[str, Any] | None = None) -> dict[str, GapCategory]:
    """Run the gap queries exactly as ``govgraph gaps`` does and place their rows on ``graph``.

    Computed over the whole graph; narrow to what is drawn with
    ``restrict_gaps``. Without a store (a graph built in memory) or without
    nodes (an empty store) there is nothing to query, and every category is
    empty.
    """
    if store is None or not graph.nodes:
        return empty_categories()
    report = build_report(store, authority=authority, params=params)
    return categories_from_sections(report.sections, graph)


def restrict_gaps(cats: dict[str, GapCategory], sub: GraphData) -> dict[str, GapCategory]:
    """The same categories with only the nodes and edges that ``sub`` draws."""
    keys = {e.key for e in sub.edges}
    return {name: GapCategory(c.name, c.title, c.question, c.nodes & set(sub.nodes), c.edges & keys)
            for name, c in cats.items()}


def gap_index(cats: dict[str, GapCategory]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """node id -> gap titles, edge key -> gap titles (for tooltips and export columns)."""
    nodes: dict[str, list[str]] = defaultdict(list)
    edges: dict[str, list[str]] = defaultdict(list)
    for c in cats.values():
        for i in sorted(c.nodes):
            nodes[i].append(c.title)
        for k in sorted(c.edges):
            edges[k].append(c.title)
    return nodes, edges
