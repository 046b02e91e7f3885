"""FalkorDB: embedded (falkordblite, no server to run) or a FalkorDB server."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .model import ENTITY_LABELS, Label
from .store import GRAPH_NAME, Counters, GraphStore, QueryResult, ReadOnlyError, StoreError

# Every write is fsynced to an append-only file: falkordblite's default
# (RDB snapshots only) loses everything since the last snapshot if the
# process is killed.
EMBEDDED_SERVER_CONFIG = {"appendonly": "yes", "appendfsync": "always"}

_READ_ONLY_MARKERS = ("read-only", "read only", "ro_query")


class FalkorDBStore(GraphStore):
    dialect = "falkordb"

    def __init__(self, db: Any, url: str, graph_name: str = GRAPH_NAME):
        self._db = db
        self._graph = db.select_graph(graph_name)
        self.url = url

    @classmethod
    def embedded(cls, path: str | os.PathLike[str]) -> "FalkorDBStore":
        """Open (or create) an embedded store in one file, plus ``<file>.aof/`` beside it."""
        path = Path(path).expanduser().resolve()
        if path.is_dir():
            raise StoreError(f"{path} is a directory: give --db a file path such as {path / 'govgraph.db'}")
        path.parent.mkdir(parents=True, exist_ok=True)
        from redislite.falkordb_client import FalkorDB

        config = dict(EMBEDDED_SERVER_CONFIG, appenddirname=f"{path.name}.aof")
        try:
            db = FalkorDB(str(path), serverconfig=config)
        except Exception as exc:  # redislite raises bare exceptions when the server cannot start
            raise StoreError(f"cannot open embedded store {path}: {exc}") from exc
        return cls(db, str(path))

    @classmethod
    def from_server(cls, url: str) -> "FalkorDBStore":
        import falkordb

        try:
            db = falkordb.FalkorDB.from_url(url.replace("falkor", "redis", 1))
            db.connection.ping()
        except Exception as exc:
            raise StoreError(f"cannot reach FalkorDB at {url}: {exc}") from exc
        return cls(db, url)

    def _write(self, cypher: str, params: dict[str, Any] | None = None) -> tuple[QueryResult, Counters]:
        res = self._run(self._graph.query, cypher, params)
        counters = Counters(
            nodes_created=int(res.nodes_created),
            nodes_deleted=int(res.nodes_deleted),
            relationships_created=int(res.relationships_created),
            relationships_deleted=int(res.relationships_deleted),
            properties_set=int(res.properties_set),
        )
        return _result(res), counters

    def _read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        # GRAPH.RO_QUERY is enforced by the engine: a write is refused before it runs.
        try:
            return _result(self._run(self._graph.ro_query, cypher, params))
        except StoreError as exc:
            if any(m in str(exc).lower() for m in _READ_ONLY_MARKERS):
                raise ReadOnlyError("refused: this query would change the graph, and ad-hoc queries are read-only") from exc
            raise

    def _run(self, fn: Any, cypher: str, params: dict[str, Any] | None) -> Any:
        try:
            return fn(cypher, params or None)
        except Exception as exc:
            if "empty key" in str(exc).lower():
                # A graph that has never been written to does not exist yet in FalkorDB.
                raise StoreError("the graph is empty: load some minutes first") from exc
            raise StoreError(f"FalkorDB: {exc}") from exc

    def ensure_schema(self) -> None:
        existing = self._existing_indexes()
        for label in ENTITY_LABELS + [Label.DOCUMENT.value, Label.ITEM.value]:
            if (label, "id") in existing:
                continue
            try:
                self._graph.query(f"CREATE INDEX FOR (n:{label}) ON (n.id)")
            except Exception as exc:  # another process created it first
                if "already" not in str(exc).lower():
                    raise StoreError(f"FalkorDB: cannot create index on {label}.id: {exc}") from exc

    def _existing_indexes(self) -> set[tuple[str, str]]:
        try:
            rows = self._graph.ro_query("CALL db.indexes() YIELD label, properties RETURN label, properties").result_set
        except Exception:
            return set()
        return {(label, prop) for label, props in rows for prop in props}

    def close(self) -> None:
        client = getattr(self._db, "client", None)
        if client is None or not hasattr(client, "_cleanup"):
            return  # a FalkorDB server: nothing of ours to stop
        _stop_embedded_server(client)


def _alive(pid: int) -> bool:
    """Running and not yet a zombie (in containers init may be slow to reap it)."""
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _stop_embedded_server(client: Any) -> None:
    """Stop the private server when we are its last client.

    A graceful SHUTDOWN takes ~4 s with the FalkorDB module loaded. Every
    write was already fsynced to the append-only file before it was
    acknowledged (appendfsync always), so SIGKILL loses nothing and takes
    milliseconds; then tidy up what redislite's own cleanup would.
    """
    import shutil
    import signal
    import time

    pid = client.pid
    try:
        last = client._connection_count() <= 1
    except Exception:
        last = True
    if not pid or not last:
        client.connection_pool.disconnect()
        return
    client.connection_pool.disconnect()
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.01)
    for attr in ("redis_dir",):
        folder = getattr(client, attr, None)
        if folder and os.path.isdir(folder):
            shutil.rmtree(folder, ignore_errors=True)
    registry = getattr(client, "settingregistryfile", None)
    if getattr(client, "cleanupregistry", False) and registry and os.path.exists(registry):
        os.remove(registry)
    client.running = False
    client.redis_dir = None
    client.pidfile = None


def _result(res: Any) -> QueryResult:
    columns = [h[1] if isinstance(h, (list, tuple)) else str(h) for h in (res.header or [])]
    return QueryResult(columns=columns, rows=[list(r) for r in (res.result_set or [])])
