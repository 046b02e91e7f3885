"""Loading minutes from the command line: batches, bad files, encodings, reloads."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govgraph.cli import app
from govgraph.graph.schema import graph_stats
from govgraph.graph.store import open_store

from .conftest import SAMPLES

runner = CliRunner()

MINUTES = """COUNCIL: Exampleshire County Council
DATE: 2024-03-05
---
Children and Young People Scrutiny Panel

1. Ofsted Inspection
The Director of Children's Services presented the report to the Panel.
The Corporate Parenting Board was not allowed to undertake scrutiny.
"""


@pytest.fixture(params=["falkordb", "neo4j"])
def db_url(request, tmp_path) -> str:
    """A --db URL for each store, empty at the start of the test."""
    if request.param == "falkordb":
        return str(tmp_path / "cli.db")
    store = request.getfixturevalue("neo4j_store")  # cleared, or skipped/failed as conftest says
    return store.url


def gg(db_url: str, *args: str):
    return runner.invoke(app, ["--db", db_url, *args], catch_exceptions=False)


def stats(db_url: str) -> dict:
    with open_store(db_url) as store:
        return graph_stats(store)


def snapshot(db_url: str) -> tuple[list, list]:
    """Every node and relationship with all properties, in a stable order."""
    with open_store(db_url) as store:
        nodes = store.query("MATCH (n) RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS p ORDER BY id").rows
        rels = store.query(
            "MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r) ORDER BY a.id, type(r), b.id").rows
    norm = lambda rows: [json.dumps(r, sort_keys=True, default=str) for r in rows]  # noqa: E731
    return norm(nodes), norm(rels)


def test_loading_the_samples_twice_leaves_the_graph_exactly_as_it_was(db_url):
    first = gg(db_url, "load", str(SAMPLES))
    assert first.exit_code == 0, first.output
    before = snapshot(db_url)
    assert before[0], "the samples produced no nodes"
    second = gg(db_url, "load", str(SAMPLES), "--format", "json")
    assert second.exit_code == 0, second.output
    summary = json.loads(second.stdout)
    assert summary["unchanged"] == 5
    assert summary["nodes_created"] == 0 and summary["relationships_created"] == 0
    assert snapshot(db_url) == before


def test_a_changed_document_replaces_its_earlier_facts(db_url, tmp_path):
    doc = tmp_path / "minutes.txt"
    doc.write_text(MINUTES, encoding="utf-8")
    assert gg(db_url, "load", str(doc)).exit_code == 0
    doc.write_text(MINUTES.replace("The Corporate Parenting Board was not allowed to undertake scrutiny.\n", ""),
                   encoding="utf-8")
    result = gg(db_url, "load", str(doc), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["replaced"] == 1
    with open_store(db_url) as store:
        docs = store.query("MATCH (d:Document) RETURN d.source").rows
        quotes = store.query("MATCH (n) UNWIND n.evidence_quote AS q RETURN q").rows
        rel_quotes = store.query("MATCH ()-[r]->() UNWIND r.evidence_quote AS q RETURN q").rows
    assert docs == [[str(doc)]]
    assert not any("not allowed" in q for (q,) in quotes + rel_quotes)


def test_a_bad_file_gets_one_line_and_the_rest_of_the_batch_loads(db_url, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_empty.txt").write_text("")
    (folder / "b_binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "c_good.txt").write_text(MINUTES, encoding="utf-8")
    result = gg(db_url, "load", str(folder), "--format", "json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["loaded"] == 1
    errors = {Path(e["source"]).name: e["error"] for e in summary["errors"]}
    assert set(errors) == {"a_empty.txt", "b_binary.txt"}
    assert "empty" in errors["a_empty.txt"] and "binary" in errors["b_binary.txt"]
    for message in errors.values():
        assert "\n" not in message and "Traceback" not in message
    assert "Traceback" not in result.output
    assert stats(db_url)["documents"] == 1


def test_windows_1252_minutes_load_with_their_characters_intact(db_url, tmp_path):
    text = MINUTES.replace("Director of Children's Services", "Director of Children\u2019s Services") + \
        "The budget was \u00a311 million \u2013 agreed.\n"
    doc = tmp_path / "cp1252.txt"
    doc.write_bytes(text.encode("cp1252"))
    result = gg(db_url, "load", str(doc))
    assert result.exit_code == 0, result.output
    with open_store(db_url) as store:
        rows = store.query("MATCH (n) UNWIND n.evidence_quote AS q RETURN q").rows
    assert any("\u2019" in q for (q,) in rows), rows


def test_ad_hoc_cypher_that_writes_is_refused_and_changes_nothing(db_url):
    assert gg(db_url, "load", str(SAMPLES)).exit_code == 0
    before = snapshot(db_url)
    for cypher in ("CREATE (n:Body {id: 'x', name: 'x'}) RETURN n",
                   "MATCH (n) DETACH DELETE n",
                   "MATCH (n:Authority) SET n.name = 'hacked' RETURN n.name",
                   "MERGE (n:Person {id: 'p'}) RETURN n"):
        result = gg(db_url, "query", "--cypher", cypher)
        assert result.exit_code != 0
        assert "read-only" in result.output
        assert "Traceback" not in result.output
    assert snapshot(db_url) == before


def test_ad_hoc_cypher_reads_as_json_and_csv(db_url):
    assert gg(db_url, "load", str(SAMPLES)).exit_code == 0
    result = gg(db_url, "query", "-c", "MATCH (d:Document) RETURN d.source AS source ORDER BY source", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [Path(r["source"]).name for r in rows] == sorted(p.name for p in SAMPLES.glob("seed_*.txt"))
    csv_out = gg(db_url, "query", "-c", "MATCH (d:Document) RETURN count(d) AS n", "-f", "csv")
    assert csv_out.stdout.splitlines() == ["n", "5"]


def test_stats_counts_documents_and_labels(db_url):
    assert gg(db_url, "load", str(SAMPLES)).exit_code == 0
    data = json.loads(gg(db_url, "stats", "--format", "json").stdout)
    assert data["documents"] == 5
    assert data["labels"]["Authority"] >= 3
    assert data["nodes"] == sum(data["labels"].values())


def test_missing_input_is_named_in_one_line(tmp_path):
    result = runner.invoke(app, ["--db", str(tmp_path / "x.db"), "load", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt: no such file or folder" in result.output


def test_the_embedded_store_survives_the_process_and_reopens(tmp_path):
    db = str(tmp_path / "persist.db")
    assert gg(db, "load", str(SAMPLES)).exit_code == 0
    n = stats(db)["nodes"]
    # a fresh process opens the same file
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "govgraph.cli", "--db", db, "stats", "--format", "json"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["nodes"] == n
