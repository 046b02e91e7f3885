"""The gaps report on the five sample minutes, and every named query on both engines.

The expectations follow the data contract (../shared/DESIGN.md and
docs/data-model.md): what the extractor is specified to write for these
minutes. The queries themselves are general rules; nothing here is matched
against the text of the files except the findings we expect to see.
"""
from __future__ import annotations

import json
import math
from typing import Any

import pytest
from typer.testing import CliRunner

from govgraph.cli import app
from govgraph.loaders.pipeline import load_inputs
from govgraph.queries.library import list_queries, run_query
from govgraph.queries.report import build_report

from .graphs import GraphBuilder, mixed_graph

from .conftest import SAMPLES
SEEDS = sorted(str(p) for p in SAMPLES.glob("seed_*.txt"))

WORCS = "Worcestershire County Council"
LBBD = "London Borough of Barking and Dagenham"


def load_seeds(store) -> None:
    assert len(SEEDS) == 5
    report = load_inputs(store, SEEDS)
    assert not report.errors, report.errors


def section(report, name: str) -> list[dict[str, Any]]:
    return next(s for s in report.sections if s.name == name).rows


def norm(text: str | None) -> str:
    return " ".join((text or "").replace("’", "'").lower().split())


@pytest.fixture
def seeded(store):
    load_seeds(store)
    return store


def test_seed_gaps_dormant_sub_committee(seeded):
    rows = section(build_report(seeded, authority="Worcestershire"), "dormant-bodies")
    dormant = [r for r in rows if r["not_met_since"] == "2015-06"]
    assert dormant, f"no body stated not to have met since June 2015; got {rows}"
    row = dormant[0]
    assert "not met since june 2015" in norm(row["quote"])
    assert row["document"].endswith("seed_000_worcestershire.txt")
    assert any("health and well-being board" in norm(p) for p in row["part_of"]), \
        f"the dormant sub-committee should be PART_OF the Health and Well-Being Board: {row}"


def test_seed_gaps_corporate_parenting_board_barred(seeded):
    rows = section(build_report(seeded, authority="Worcestershire"), "scrutiny-barred")
    cpb = [r for r in rows if norm(r["scrutineer"]) == "corporate parenting board"]
    assert cpb, f"the Corporate Parenting Board's barred scrutiny is missing: {rows}"
    assert "not allowed to undertake scrutiny" in norm(cpb[0]["quote"])
    assert cpb[0]["document"].endswith("seed_000_worcestershire.txt")


def test_seed_gaps_scrutiny_criticised_by_inspection(seeded):
    rows = section(build_report(seeded, authority="Worcestershire"), "criticised-oversight")
    hits = [r for r in rows if r["critic_label"] == "Inspection" and "sufficient challenge" in norm(r["quote"])]
    assert hits, f"the inspection's criticism of the Scrutiny Panel is missing: {rows}"
    assert hits[0]["scrutinises"] is True
    assert "scrutiny" in norm(hits[0]["criticised"])


def test_seed_gaps_eight_ilacs_recommendations_unowned(seeded):
    rows = section(build_report(seeded, authority="Barking"), "unowned-recommendations")
    from_2023 = [r for r in rows if r["made_by"] and "2023" in r["made_by"]]
    assert len(from_2023) == 8, f"expected the 8 ILACS recommendations of July 2023, got {from_2023 or rows}"
    assert all(r["authority"] == LBBD and r["quote"] and r["document"] for r in from_2023)
    assert any("management oversight" in norm(r["recommendation"]) for r in from_2023)


def test_seed_gaps_management_oversight_recurs(seeded):
    rows = section(build_report(seeded, authority="Barking"), "recurring-findings")
    mo = [r for r in rows if r["theme"] == "management oversight"]
    assert mo, f"'management oversight' should recur across inspections: {rows}"
    assert mo[0]["inspections"] >= 3
    assert {r["when"][:4] for r in mo} >= {"2014", "2019", "2023"}
    assert all(r["quote"] and r["document"] for r in mo)


def _canonical(rows: list[list[Any]]) -> list[list[Any]]:
    def fix(v: Any) -> Any:
        if isinstance(v, float) and math.isfinite(v) and v == int(v):
            return int(v)
        if isinstance(v, list):
            return [fix(x) for x in v]
        return v
    return [[fix(v) for v in row] for row in rows]


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_every_query_same_rows_on_both_engines(falkordb_store, neo4j_store, name):
    load_seeds(falkordb_store)
    load_seeds(neo4j_store)
    extra = mixed_graph()  # so that every query has rows to compare, whatever the extractor finds
    extra.write(falkordb_store)
    extra.write(neo4j_store)
    f = run_query(falkordb_store, name)
    n = run_query(neo4j_store, name)
    assert f.columns == n.columns
    assert f.rows, f"{name} found nothing to compare"
    assert _canonical(f.rows) == _canonical(n.rows)


def test_gaps_cli_json_and_markdown(tmp_path):
    db = tmp_path / "cli.db"
    runner = CliRunner()
    loaded = runner.invoke(app, ["--db", str(db), "load", *SEEDS])
    assert loaded.exit_code == 0, loaded.output

    # a graph where a gap surely exists, whatever the extractor does
    from govgraph.graph.store import open_store

    g = GraphBuilder("Testshire County Council")
    g.edge("SCRUTINISES", g.body("Corporate Parenting Board"), g.authority_node(), negated=True,
           quote="The Board | was *not* allowed\nto scrutinise [anything].")
    with open_store(str(db)) as store:
        g.write(store)

    res = runner.invoke(app, ["--db", str(db), "gaps", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    names = [q["name"] for q in data["queries"]]
    assert names[0] == "unowned-recommendations" and len(names) >= 10
    barred = next(q for q in data["queries"] if q["name"] == "scrutiny-barred")
    assert barred["count"] == len(barred["rows"]) >= 1
    row = next(r for r in barred["rows"] if r["authority"] == "Testshire County Council")
    assert row["quote"].startswith("The Board | was") and row["document"] == g.source and row["item"] == "5"
    # the ids are for machines: in json (and csv) ...
    assert row["node_id"] == "body:testshire-county-council:corporate-parenting-board"
    assert row["related_id"] == "authority:testshire-county-council"

    res = runner.invoke(app, ["--db", str(db), "gaps", "--authority", "testshire", "--format", "json"])
    data = json.loads(res.output)
    assert data["authority"] == "testshire"
    assert all(r["authority"] == "Testshire County Council"
               for q in data["queries"] if q["name"] == "scrutiny-barred" for r in q["rows"])

    out = tmp_path / "briefing.md"
    res = runner.invoke(app, ["--db", str(db), "gaps", "-a", "testshire", "--format", "markdown", "-o", str(out)])
    assert res.exit_code == 0, res.output
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Oversight gaps: testshire")
    assert "## 4. Scrutiny barred or declined (1)" in md
    # minutes text is escaped: one line, no live markup or table breaks
    assert "The Board \\| was \\*not\\* allowed to scrutinise \\[anything\\]." in md
    assert "Source: minutes/testshire-county-council-2023-09-01.txt, item 5" in md

    for fmt in ("table", "csv"):
        res = runner.invoke(app, ["--db", str(db), "gaps", "-a", "testshire", "--format", fmt])
        assert res.exit_code == 0, res.output
        assert "Corporate" in res.output and "Testshire" in res.output
        has_ids = "body:testshire-county-council:corporate-parenting-board" in res.output
        assert has_ids == (fmt == "csv")
    assert res.output.splitlines()[0].endswith(",node_id,related_id")
    # ... but never in the reports written for people
    assert "node_id" not in md and "node id" not in md and "related" not in md
    assert "body:testshire-county-council" not in md
