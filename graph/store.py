"""One small store interface, one class per backend (as in Graphiti's drivers).

A backend implements four primitives (``_write``, ``_read``, ``ensure_schema``,
``close``); everything else, including the document-level write and its
replace-on-change rule, lives here once so both stores behave the same.
"""
from __future__ import annotations

import os
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from .model import GraphDocument
from .writes import EXTRACTOR_VERSION, Statement, chain, document_statements

DEFAULT_DB = "govgraph.db"
GRAPH_NAME = "govgraph"


class StoreError(Exception):
    """A store problem worth one clear line to the user (server down, bad password...)."""


class ReadOnlyError(StoreError):
    """Raised when a user's ad-hoc Cypher tries to change the graph."""


@dataclass
class Counters:
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0

    def __iadd__(self, other: "Counters") -> "Counters":
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        return self


@dataclass
class WriteSummary:
    """What loading one document did to the graph."""

    document_id: str
    skipped: bool = False
    """The same text (and extractor version) was already loaded: nothing written."""
    replaced: list[str] = field(default_factory=list)
    """Ids of earlier versions of the same source whose facts were retracted."""
    counters: Counters = field(default_factory=Counters)


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


class GraphStore(ABC):
    """A governance graph in some Cypher engine."""

    dialect: str = ""
    """"falkordb" or "neo4j": the key queries/ uses for its few dialect differences."""

    url: str = ""

    # --- backend primitives -------------------------------------------------
    @abstractmethod
    def _write(self, cypher: str, params: dict[str, Any] | None = None) -> tuple[QueryResult, Counters]:
        """Run one write statement atomically."""

    def write_statements(self, statements: list[Statement]) -> Counters:
        """Run statements as one atomic unit. Default: chained into one query (FalkorDB);
        Neo4j overrides this with one transaction, so each statement's plan is cached."""
        st = chain(statements)
        return self._write(st.cypher, st.params)[1]

    @abstractmethod
    def _read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a statement that the engine guarantees cannot write."""

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create the indexes/constraints on ``id`` for every label (idempotent)."""

    @abstractmethod
    def close(self) -> None: ...

    # --- the public API -----------------------------------------------------
    def query(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run user or library Cypher read-only; a write raises ReadOnlyError and changes nothing."""
        return self._read(cypher, params or {})

    def execute(self, cypher: str, params: dict[str, Any] | None = None) -> tuple[QueryResult, Counters]:
        """Run a write statement (library use: tests building graphs, maintenance)."""
        return self._write(cypher, params or {})

    def is_loaded(self, doc_id: str) -> bool:
        """True when this exact text was loaded by this extractor version (so loading it again is a no-op)."""
        rows = self._read("MATCH (d:Document {id: $id}) RETURN d.extractor", {"id": doc_id}).rows
        return bool(rows) and rows[0][0] == EXTRACTOR_VERSION

    def write_document(self, doc: GraphDocument, *, force: bool = False) -> WriteSummary:
        """Write one document's facts as one atomic statement.

        The same text loaded again is skipped (the graph stays exactly as it
        was); a new version of the same source retracts the old version's facts
        first, so stale facts do not pile up.
        """
        info = doc.document
        seen = self._read(
            "MATCH (d:Document) WHERE d.id = $id OR d.source = $source "
            "RETURN d.id AS id, d.extractor AS extractor",
            {"id": info.id, "source": info.source},
        ).records()
        same = [r for r in seen if r["id"] == info.id]
        if same and same[0]["extractor"] == EXTRACTOR_VERSION and not force:
            return WriteSummary(document_id=info.id, skipped=True)
        retract = sorted({r["id"] for r in seen})
        counters = self.write_statements(document_statements(doc, retract))
        return WriteSummary(
            document_id=info.id,
            replaced=[d for d in retract if d != info.id],
            counters=counters,
        )

    def clear(self) -> None:
        """Delete the whole graph (tests, ``govgraph reset``)."""
        self._write("MATCH (n) DETACH DELETE n")

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
REDIS_SCHEMES = ("redis://", "rediss://", "falkor://", "falkors://")


def resolve_db_url(url: str | None) -> str:
    """``--db`` beats ``GOVGRAPH_DB`` beats an embedded file in the working directory."""
    return url or os.environ.get("GOVGRAPH_DB") or DEFAULT_DB


def open_store(url: str | None = None, *, database: str | None = None) -> GraphStore:
    """Open the store a URL names: a path is embedded FalkorDB, bolt/neo4j URLs Neo4j, redis URLs a FalkorDB server."""
    url = resolve_db_url(url)
    if url.startswith(NEO4J_SCHEMES):
        from .neo4j_store import Neo4jStore

        store: GraphStore = Neo4jStore(url, database=database or os.environ.get("NEO4J_DATABASE"))
    elif url.startswith(REDIS_SCHEMES):
        from .falkordb_store import FalkorDBStore

        store = FalkorDBStore.from_server(url)
    elif "://" in url:
        raise StoreError(f"unknown database URL {url!r}: use a file path, bolt://, neo4j://, neo4j+s:// or redis://")
    else:
        from .falkordb_store import FalkorDBStore

        store = FalkorDBStore.embedded(url)
    store.ensure_schema()
    return store
