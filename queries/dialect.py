"""The one place where the two Cypher engines' differences live.

Every named query is written once in the subset that embedded FalkorDB
(falkordblite) and Neo4j 5.26 both run and answer identically (see
docs/queries.md, "Dialect notes"). When a query cannot be, there are two
escape hatches, both keyed by ``GraphStore.dialect`` ("falkordb" or "neo4j"):

1. a file variant: ``<name>.<dialect>.cypher`` beside ``<name>.cypher``
   replaces the body of the shared file on that engine (the header, and so
   the name, parameters and columns, stay those of the shared file);
2. a textual substitution in ``SUBSTITUTIONS`` below, applied to every
   query on that engine, for a spelling that differs everywhere.

Both are empty today: all the queries in queries/ are shared.
"""
from __future__ import annotations

from pathlib import Path

DIALECTS = ("falkordb", "neo4j")

SUBSTITUTIONS: dict[str, list[tuple[str, str]]] = {
    "falkordb": [],
    "neo4j": [],
}
"""(old, new) pairs applied in order to the Cypher run on that engine."""


def is_variant(path: Path) -> bool:
    """``name.neo4j.cypher`` is a variant of ``name.cypher``, not a query of its own."""
    return Path(path.stem).suffix.lstrip(".") in DIALECTS


def variant_path(path: Path, dialect: str) -> Path:
    return path.with_name(f"{path.stem}.{dialect}{path.suffix}")


def adapt(cypher: str, dialect: str, path: Path | None = None) -> str:
    """The Cypher to run on ``dialect``: its file variant if there is one, then the substitutions."""
    if path is not None and dialect in DIALECTS:
        variant = variant_path(path, dialect)
        if variant.is_file():
            from .library import parse  # late: library imports this module

            cypher = parse(variant).cypher
    for old, new in SUBSTITUTIONS.get(dialect, []):
        cypher = cypher.replace(old, new)
    return cypher
