"""`govgraph extract` prints exactly the JSON of the data contract."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from govgraph.cli import app
from govgraph.graph.model import GraphDocument, document_id

from .conftest import SAMPLES

runner = CliRunner()


def test_extract_prints_the_contract_json_with_verbatim_evidence():
    path = SAMPLES / "seed_000_worcestershire.txt"
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"document", "nodes", "edges"}
    GraphDocument.model_validate(data)  # the pydantic contract accepts it
    text = path.read_text(encoding="utf-8")
    assert data["document"]["id"] == document_id(text)
    assert data["document"]["authority"] == "Worcestershire County Council"
    for part in data["nodes"] + data["edges"]:
        assert part["evidence"], part
        for ev in part["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["quote"]
    for node in data["nodes"]:
        assert {"id", "label", "name", "aliases", "properties", "evidence"} <= set(node)
    for edge in data["edges"]:
        assert {"type", "source", "target", "negated", "properties", "evidence"} <= set(edge)


def test_extract_out_writes_one_json_per_input(tmp_path):
    result = runner.invoke(app, ["extract", str(SAMPLES), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == sorted(p.stem for p in SAMPLES.glob("seed_*.txt"))


def test_extract_is_deterministic():
    path = str(SAMPLES / "seed_001_barking-dagenham.txt")
    assert runner.invoke(app, ["extract", path]).stdout == runner.invoke(app, ["extract", path]).stdout
