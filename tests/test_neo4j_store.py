"""Neo4j-only behaviour, against a real server (GOVGRAPH_TEST_NEO4J; `make test` starts one)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from urllib.parse import urlsplit

import neo4j
import pytest

from govgraph.graph.model import ENTITY_LABELS
from govgraph.graph.neo4j_store import Neo4jStore, constraint_name, split_credentials, to_python
from govgraph.graph.store import GraphStore, ReadOnlyError, StoreError, open_store

try:  # tests/ as a package or as a plain directory (pytest's default "prepend" import mode)
    from .conftest import _neo4j_url
    from .test_store import DCS, PANEL, doc_a, snapshot
except ImportError:
    from conftest import _neo4j_url
    from test_store import DCS, PANEL, doc_a, snapshot

pytestmark = pytest.mark.neo4j


@pytest.fixture
def url() -> str:
    return _neo4j_url()


def unused_loopback_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def real_password(url: str) -> str:
    return split_credentials(url)[2] or os.environ.get("NEO4J_PASSWORD", "")


def with_password(url: str, password: str) -> str:
    address, user, _ = split_credentials(url)
    parts = urlsplit(address)
    return f"{parts.scheme}://{user or 'neo4j'}:{password}@{parts.netloc}"


def assert_one_line(exc: BaseException, *must_contain: str) -> None:
    text = str(exc)
    assert "\n" not in text and "Traceback" not in text, text
    for piece in must_contain:
        assert piece in text, f"{piece!r} not in {text!r}"


# --- schema ------------------------------------------------------------------

def test_constraints_on_id_for_every_label(neo4j_store: GraphStore) -> None:
    rows = neo4j_store.query(
        "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties "
        "RETURN name, type, entityType, labelsOrTypes, properties"
    ).records()
    unique_id = {r["labelsOrTypes"][0] for r in rows
                 if r["type"] == "UNIQUENESS" and r["entityType"] == "NODE" and r["properties"] == ["id"]}
    assert unique_id >= set(ENTITY_LABELS) | {"Document", "Item"}
    assert {constraint_name(label) for label in ENTITY_LABELS} <= {r["name"] for r in rows}


def test_ensure_schema_is_idempotent(neo4j_store: GraphStore) -> None:
    count = "SHOW CONSTRAINTS YIELD name RETURN count(*) AS c"
    before = neo4j_store.query(count).rows
    neo4j_store.ensure_schema()
    neo4j_store.ensure_schema()
    assert neo4j_store.query(count).rows == before


def test_uniqueness_is_enforced_and_a_violation_writes_nothing(neo4j_store: GraphStore) -> None:
    neo4j_store.write_document(doc_a())
    before = snapshot(neo4j_store)
    with pytest.raises(StoreError) as info:
        neo4j_store.execute("CREATE (:Person {id: 'p:new'}) CREATE (:Body {id: $id})", {"id": PANEL})
    assert_one_line(info.value)
    assert snapshot(neo4j_store) == before


# --- counters ----------------------------------------------------------------

def test_driver_counters(neo4j_store: GraphStore) -> None:
    first = neo4j_store.write_document(doc_a())
    assert (first.counters.nodes_created, first.counters.relationships_created) == (6, 4)
    assert first.counters.nodes_deleted == first.counters.relationships_deleted == 0
    assert first.counters.properties_set > 0

    again = neo4j_store.write_document(doc_a())
    assert again.skipped and vars(again.counters) == dict.fromkeys(vars(again.counters), 0)

    # A forced re-write retracts the document and writes it again: what it
    # deletes it creates, so the graph ends where it started.
    forced = neo4j_store.write_document(doc_a(), force=True)
    c = forced.counters
    assert (c.nodes_created, c.nodes_deleted) == (6, 6)
    assert (c.relationships_created, c.relationships_deleted) == (4, 4)

    # A MERGE that finds everything in place creates nothing.
    _, counters = neo4j_store.execute("MERGE (n:Body {id: $id}) RETURN n.id", {"id": PANEL})
    assert counters.nodes_created == 0 and counters.properties_set == 0


# --- read-only -----------------------------------------------------------------

@pytest.mark.parametrize("cypher", [
    "CREATE INDEX extra IF NOT EXISTS FOR (n:Person) ON (n.name)",
    "DROP CONSTRAINT govgraph_body_id",
    "CALL db.createLabel('Intruder')",
    "PROFILE MATCH (n:Body) SET n.name = 'profiled'",
    "EXPLAIN MATCH (n:Body) DETACH DELETE n",
    "MATCH (n:Body) CALL { WITH n SET n.x = 1 } RETURN count(*)",
    "FOREACH (i IN [1] | CREATE (:Person {id: 'f'}))",
])
def test_more_writes_are_refused(neo4j_store: GraphStore, cypher: str) -> None:
    neo4j_store.write_document(doc_a())
    before = snapshot(neo4j_store)
    schema = "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS c"
    constraints = neo4j_store.query(schema).rows
    with pytest.raises(ReadOnlyError):
        neo4j_store.query(cypher)
    assert snapshot(neo4j_store) == before
    assert neo4j_store.query(schema).rows == constraints
    assert neo4j_store.query("CALL db.labels() YIELD label RETURN collect(label) AS l").rows[0][0].count("Intruder") == 0


def test_server_refuses_writes_in_a_read_transaction(neo4j_store: Neo4jStore) -> None:
    """What Neo4j 5.26 itself does with READ access mode over bolt:// on a single
    server: it refuses the write (the store's second line of defence, below its
    EXPLAIN check)."""
    driver = neo4j_store._driver
    with driver.session(database=neo4j_store.database, default_access_mode=neo4j.READ_ACCESS) as session:
        with pytest.raises(neo4j.exceptions.ClientError) as info:
            session.execute_read(lambda tx: tx.run("CREATE (:Person {id: 'sneaky'})").consume())
        assert info.value.code == "Neo.ClientError.Statement.AccessMode"
        with pytest.raises(neo4j.exceptions.ClientError):
            session.run("MERGE (:Person {id: 'sneaky'})").consume()  # auto-commit, READ mode
    assert neo4j_store.query("MATCH (n {id: 'sneaky'}) RETURN count(n)").rows == [[0]]


# --- values ------------------------------------------------------------------

def test_driver_values_become_plain_python(neo4j_store: GraphStore) -> None:
    neo4j_store.write_document(doc_a())
    row = neo4j_store.query(
        "MATCH p = (a:Role {id: $dcs})-[r:REPORTS_TO]->(b:Body) "
        "RETURN a, r, p, date('2024-03-01') AS d, datetime('2024-03-01T10:00:00Z') AS dt, "
        "duration('P1D') AS dur, [a.name, {k: b.id}] AS mixed",
        {"dcs": DCS},
    ).records()[0]
    assert isinstance(row["a"], dict) and row["a"]["id"] == DCS and row["a"]["name"] == "Director of Children's Services"
    assert isinstance(row["r"], dict) and row["r"]["negated"] is False and row["r"]["evidence_doc"] == ["doc-a"]
    assert [x["id"] for x in row["p"][::2]] == [DCS, PANEL] and row["p"][1] == row["r"]
    assert row["d"] == "2024-03-01" and row["dt"].startswith("2024-03-01T10:00:00")
    assert row["dur"] == "P1D"  # ISO 8601
    assert row["mixed"] == ["Director of Children's Services", {"k": PANEL}]
    assert to_python(b"\x01\xff") == "01ff"


# --- connection errors: one clear line naming the URL ------------------------------

def test_server_down(url: str) -> None:
    port = unused_loopback_port()
    with pytest.raises(StoreError) as info:
        open_store(f"bolt://127.0.0.1:{port}")
    assert_one_line(info.value, f"bolt://127.0.0.1:{port}", "cannot reach")


def test_wrong_password(url: str) -> None:
    address, _, _ = split_credentials(url)
    with pytest.raises(StoreError) as info:
        open_store(with_password(url, "definitely-not-the-password"))
    assert_one_line(info.value, address, "credentials")
    assert "definitely-not-the-password" not in str(info.value)


def test_unknown_database(url: str) -> None:
    with pytest.raises(StoreError) as info:
        open_store(url, database="nosuchdatabase")
    assert_one_line(info.value, split_credentials(url)[0], "nosuchdatabase")


def test_credentials_from_the_environment(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    address, user, _ = split_credentials(url)
    password = real_password(url)
    monkeypatch.setenv("NEO4J_USERNAME", user or os.environ.get("NEO4J_USERNAME") or "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    with open_store(address) as store:
        assert store.url == address
        assert store.query("RETURN 1 AS one").rows == [[1]]
    # Credentials in the URL beat the environment; the store's url never shows them.
    monkeypatch.setenv("NEO4J_PASSWORD", "wrong")
    with open_store(with_password(url, password)) as store:
        assert store.url == address and password not in store.url
        assert store.query("RETURN 1 AS one").rows == [[1]]


def test_url_parsing() -> None:
    assert split_credentials("bolt://alice:s%40cret@db.example:7687/") == ("bolt://db.example:7687", "alice", "s@cret")
    assert split_credentials("neo4j+s://db.example") == ("neo4j+s://db.example", None, None)
    assert split_credentials("bolt://[::1]:7687") == ("bolt://[::1]:7687", None, None)


def _cli(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GOVGRAPH_DB"}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "govgraph.cli", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_cli_errors_are_one_line(url: str) -> None:
    port = unused_loopback_port()
    for db, expect in [(f"bolt://127.0.0.1:{port}", f"bolt://127.0.0.1:{port}"),
                       (with_password(url, "wrong-password"), split_credentials(url)[0])]:
        proc = _cli("--db", db, "query", "--cypher", "RETURN 1")
        assert proc.returncode != 0
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and expect in lines[0], proc.stderr
        assert "Traceback" not in proc.stderr + proc.stdout


def test_cli_query_is_read_only(neo4j_store: GraphStore, url: str) -> None:
    neo4j_store.write_document(doc_a())
    before = snapshot(neo4j_store)
    proc = _cli("--db", url, "query", "--cypher", "MATCH (n) DETACH DELETE n")
    assert proc.returncode != 0 and "read-only" in proc.stderr and "Traceback" not in proc.stderr
    assert snapshot(neo4j_store) == before
    proc = _cli("--db", url, "query", "--format", "json", "--cypher",
                "MATCH (n:Body {id: $id}) RETURN n.name AS name", "--param", f"id={PANEL}")
    assert proc.returncode == 0, proc.stderr
    assert '"name": "Children and Families Scrutiny Panel"' in proc.stdout
