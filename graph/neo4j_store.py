"""Neo4j (5.x), through the official ``neo4j`` driver: bolt://, neo4j://, neo4j+s://.

Credentials come from the URL (``bolt://user:pass@host:7687``) or else from
``NEO4J_USERNAME``/``NEO4J_PASSWORD``, the user defaulting to ``neo4j``; the database from the ``database`` argument (``--database`` /
``NEO4J_DATABASE``), else the server's default database.

Ad-hoc queries are read-only twice over: the statement is first EXPLAINed and
refused unless Neo4j plans it as a read (``query_type == "r"``), and it then
runs in a READ transaction, which the server itself refuses to write from
(``Neo.ClientError.Statement.AccessMode``; checked on 5.26 over bolt://).
"""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import neo4j
from neo4j import exceptions as nex

from .model import ENTITY_LABELS, Label
from .store import Counters, GraphStore, QueryResult, ReadOnlyError, StoreError
from .writes import Statement

DEFAULT_USER = "neo4j"
SCHEMA_LABELS = ENTITY_LABELS + [Label.DOCUMENT.value, Label.ITEM.value]

READ_ONLY_MESSAGE = "refused: this query would change the graph, and ad-hoc queries are read-only"
_ACCESS_MODE_CODE = "Neo.ClientError.Statement.AccessMode"
_LEADING_MODIFIER = re.compile(r"^\s*(EXPLAIN|PROFILE)\b", re.IGNORECASE)

# The driver logs connection failures as warnings; with no logging set up
# Python would print them to stderr next to our one-line StoreError.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """``bolt://user:pass@host:7687/`` -> (``bolt://host:7687``, user, password); the URL keeps no secrets."""
    parts = urlsplit(url)
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else None
    host = parts.hostname or ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), parts.query, "")), user, password


def constraint_name(label: str) -> str:
    return f"govgraph_{label.lower()}_id"


class Neo4jStore(GraphStore):
    dialect = "neo4j"

    def __init__(self, url: str, *, database: str | None = None, connect_timeout: float = 10.0):
        try:
            address, url_user, url_password = split_credentials(url)
        except ValueError as exc:  # e.g. a port that is not a number
            raise StoreError(f"bad Neo4j URL: {exc}") from None
        self.url = address
        self.database = database or None
        # Credentials in the URL are the more specific choice, so they beat the environment.
        self.user = url_user or os.environ.get("NEO4J_USERNAME") or DEFAULT_USER
        password = url_password if url_password is not None else os.environ.get("NEO4J_PASSWORD")
        try:
            self._driver = neo4j.GraphDatabase.driver(
                address,
                auth=(self.user, password or ""),
                connection_timeout=connect_timeout,
                connection_acquisition_timeout=connect_timeout * 2,
                max_transaction_retry_time=5.0,
                # Server notifications (e.g. "label does not exist") are for
                # query authors, not warnings on every CLI run.
                notifications_min_severity="OFF",
            )
        except (ValueError, nex.ConfigurationError) as exc:
            raise StoreError(f"bad Neo4j URL {self.url}: {exc}") from None
        try:
            with self._errors():
                self._driver.verify_connectivity()
                # The database (default or named) must exist: fail here with one line.
                with self._session(neo4j.READ_ACCESS) as session:
                    session.run("RETURN 1").consume()
        except StoreError:
            self._driver.close()
            raise

    # --- plumbing -------------------------------------------------------------
    def _where(self) -> str:
        return f"Neo4j at {self.url}" + (f" (database {self.database!r})" if self.database else "")

    def _session(self, mode: str) -> neo4j.Session:
        return self._driver.session(database=self.database, default_access_mode=mode)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Driver exceptions become one-line StoreErrors that name the server."""
        where = self._where()
        try:
            yield
        except StoreError:
            raise
        except nex.AuthError:
            raise StoreError(
                f"{where} refused the credentials for user {self.user!r}: "
                "set NEO4J_USERNAME/NEO4J_PASSWORD or put them in the URL (bolt://user:password@host:7687)"
            ) from None
        except nex.ServiceUnavailable as exc:
            raise StoreError(f"cannot reach {where}: {_reason(exc)} (is the server running?)") from None
        except nex.SessionExpired as exc:
            raise StoreError(f"lost the connection to {where}: {_first_line(exc)}") from None
        except nex.Neo4jError as exc:
            code = exc.code or ""
            if code == _ACCESS_MODE_CODE:
                raise ReadOnlyError(READ_ONLY_MESSAGE) from None
            if code == "Neo.ClientError.Database.DatabaseNotFound":
                raise StoreError(
                    f"{where}: no database {self.database!r} (create it, or choose another with --database / NEO4J_DATABASE)"
                ) from None
            if code.startswith("Neo.ClientError.Security."):
                raise StoreError(f"{where}: {_message(exc)}") from None
            raise StoreError(f"Neo4j: {_message(exc)}") from None
        except nex.DriverError as exc:
            raise StoreError(f"{where}: {_first_line(exc)}") from None
        except OSError as exc:
            raise StoreError(f"cannot reach {where}: {exc}") from None

    # --- the four primitives --------------------------------------------------
    def _write(self, cypher: str, params: dict[str, Any] | None = None) -> tuple[QueryResult, Counters]:
        def work(tx: neo4j.ManagedTransaction) -> tuple[QueryResult, Counters]:
            result = tx.run(cypher, params or {})
            keys = list(result.keys())
            rows = [[to_python(v) for v in record.values()] for record in result]
            return QueryResult(columns=keys, rows=rows), _counters(result.consume().counters)

        with self._errors(), self._session(neo4j.WRITE_ACCESS) as session:
            return session.execute_write(work)

    def write_statements(self, statements: list[Statement]) -> Counters:
        """One transaction for a document's statements; their fixed shapes keep Neo4j's plan cache warm."""

        def work(tx: neo4j.ManagedTransaction) -> Counters:
            total = Counters()
            for st in statements:
                total += _counters(tx.run(st.cypher, st.params).consume().counters)
            return total

        with self._errors(), self._session(neo4j.WRITE_ACCESS) as session:
            return session.execute_write(work)

    def _read(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        params = params or {}
        plan = _LEADING_MODIFIER.sub("", cypher, count=1)

        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            # 1. Ask the planner what the statement does, without running it.
            kind = tx.run("EXPLAIN " + plan, params).consume().query_type
            if kind != "r":
                raise ReadOnlyError(READ_ONLY_MESSAGE)
            # 2. Run it in a READ transaction, where the server refuses writes too.
            result = tx.run(cypher, params)
            keys = list(result.keys())
            rows = [[to_python(v) for v in record.values()] for record in result]
            return QueryResult(columns=keys, rows=rows)

        with self._errors(), self._session(neo4j.READ_ACCESS) as session:
            return session.execute_read(work)

    def ensure_schema(self) -> None:
        """A uniqueness constraint (with its index) on ``id`` for every label; idempotent."""
        with self._errors(), self._session(neo4j.WRITE_ACCESS) as session:
            for label in SCHEMA_LABELS:
                session.run(
                    f"CREATE CONSTRAINT {constraint_name(label)} IF NOT EXISTS "
                    f"FOR (n:`{label}`) REQUIRE n.id IS UNIQUE"
                ).consume()

    def close(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()


def to_python(value: Any) -> Any:
    """Driver values as plain Python, shaped as the FalkorDB store returns them to the CLI."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    iso = getattr(value, "iso_format", None)  # neo4j.time Date/DateTime/Time/Duration (Duration is a tuple)
    if callable(iso):
        return iso()
    if isinstance(value, (list, tuple)):
        return [to_python(v) for v in value]
    if isinstance(value, dict):
        return {k: to_python(v) for k, v in value.items()}
    if isinstance(value, (neo4j.graph.Node, neo4j.graph.Relationship)):
        return {k: to_python(v) for k, v in value.items()}
    if isinstance(value, neo4j.graph.Path):
        out: list[Any] = [to_python(value.start_node)]
        for rel in value.relationships:
            out += [to_python(rel), to_python(rel.end_node)]
        return out
    if isinstance(value, bytes | bytearray):
        return bytes(value).hex()
    return str(value)  # spatial points and anything newer


def _counters(c: Any) -> Counters:
    return Counters(
        nodes_created=c.nodes_created,
        nodes_deleted=c.nodes_deleted,
        relationships_created=c.relationships_created,
        relationships_deleted=c.relationships_deleted,
        properties_set=c.properties_set,
    )


def _message(exc: nex.Neo4jError) -> str:
    return _first_line(exc.message or str(exc))


def _reason(exc: object) -> str:
    """The useful part of the driver's multi-line connection error."""
    text = str(exc)
    found = re.search(r"reason \[?(?:Errno \d+\]\s*)?([^)\]]+)", text)
    if found:
        return found.group(1).strip().lower()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
