"""Named Cypher queries: one ``.cypher`` file each, described by its header comment.

Header lines start with ``//`` and ``key: value`` (docs/queries.md is the catalogue)::

    // name: unowned-recommendations
    // order: 1                       (place in the catalogue and the gaps report)
    // kind: gap                      (gap | analysis)
    // title: Recommendations no one owns
    // question: Which recommendations have no one responsible and no plan addressing them?
    // param: authority = null        (one line per parameter: name = JSON default)
    // columns: recommendation, authority, quote, document, item
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..graph.store import GraphStore, QueryResult
from .dialect import adapt, is_variant

QUERY_DIR = Path(__file__).resolve().parent


class UnknownQuery(KeyError):
    pass


@dataclass(frozen=True)
class NamedQuery:
    name: str
    cypher: str
    kind: str = "analysis"
    title: str = ""
    question: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    columns: tuple[str, ...] = ()
    path: Path | None = None
    order: int = 1000


def parse(path: Path) -> NamedQuery:
    meta: dict[str, str] = {}
    params: dict[str, Any] = {}
    body: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("//") and not body:
            key, _, value = stripped[2:].strip().partition(":")
            key, value = key.strip().lower(), value.strip()
            if key == "param":
                pname, _, default = value.partition("=")
                params[pname.strip()] = json.loads(default.strip() or "null")
            elif key:
                meta[key] = (meta[key] + " " + value) if key in meta else value
        elif stripped or body:
            body.append(line)
    return NamedQuery(
        name=meta.get("name", path.stem),
        cypher="\n".join(body).strip(),
        kind=meta.get("kind", "analysis"),
        title=meta.get("title", ""),
        question=meta.get("question", ""),
        params=params,
        columns=tuple(c.strip() for c in meta.get("columns", "").split(",") if c.strip()),
        path=path,
        order=int(meta.get("order", 1000)),
    )


@cache
def list_queries() -> tuple[NamedQuery, ...]:
    paths = [p for p in QUERY_DIR.glob("*.cypher") if not is_variant(p)]
    return tuple(sorted((parse(p) for p in paths), key=lambda q: (q.kind, q.order, q.name)))


def gap_queries() -> tuple[NamedQuery, ...]:
    """The gap queries, in catalogue order."""
    return tuple(q for q in list_queries() if q.kind == "gap")


def cypher_for(q: NamedQuery, dialect: str) -> str:
    """The query's Cypher as it runs on ``dialect`` (queries/dialect.py keeps the differences)."""
    return adapt(q.cypher, dialect, q.path)


def get_query(name: str) -> NamedQuery:
    for q in list_queries():
        if q.name == name:
            return q
    known = ", ".join(q.name for q in list_queries())
    raise UnknownQuery(f"no query named {name!r}; known: {known}")


def run_query(store: GraphStore, name: str, params: dict[str, Any] | None = None) -> QueryResult:
    """Run a named query read-only, with its defaults filled in."""
    q = get_query(name)
    merged = dict(q.params)
    merged.update(params or {})
    return store.query(cypher_for(q, store.dialect), merged)
