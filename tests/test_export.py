"""`govgraph export`: GraphML, JSON and CSV parse back with the right counts and attributes."""
from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from govgraph.cli import app
from govgraph.graph.export import GRAPHML_NS, export_graph
from govgraph.graph.store import open_store
from govgraph.queries.library import gap_queries, get_query
from .viz_graph import ALL_NODE_IDS, HOSTILE_NAME, HOSTILE_QUOTE, IDS, N_EDGES, load_small_graph

NS = {"g": GRAPHML_NS}


@pytest.fixture
def small(store):
    load_small_graph(store)
    return store


def _graphml(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in root.findall("g:key", NS)}
    graph = root.find("g:graph", NS)

    def attrs(el):
        return {keys[d.get("key")][1]: d.text for d in el.findall("g:data", NS)}

    nodes = {n.get("id"): attrs(n) for n in graph.findall("g:node", NS)}
    edges = [dict(attrs(e), _source=e.get("source"), _target=e.get("target")) for e in graph.findall("g:edge", NS)]
    return keys, graph, nodes, edges


def test_graphml(small, tmp_path):
    out = tmp_path / "g.graphml"
    summary = export_graph(small, "graphml", out)
    keys, graph, nodes, edges = _graphml(out)
    assert graph.get("edgedefault") == "directed"
    assert set(nodes) == ALL_NODE_IDS and len(edges) == N_EDGES == summary.edges
    names = {(f, n) for f, n, _ in keys.values()}
    assert {("node", "label"), ("node", "name"), ("node", "quote"), ("node", "gaps"), ("edge", "type"),
            ("edge", "negated"), ("edge", "quote"), ("edge", "document")} <= names
    assert next(t for f, n, t in keys.values() if (f, n) == ("edge", "negated")) == "boolean"
    assert next(t for f, n, t in keys.values() if (f, n) == ("node", "year")) == "long"
    cpb = nodes[IDS["cpb"]]
    assert cpb["label"] == "Body" and cpb["name"] == "Corporate Parenting Board" and cpb["kind"] == "board"
    assert cpb["quote"] == "the CPB had not met since March 2017"
    assert "Dormant bodies" in cpb["gaps"]
    assert nodes[IDS["evil"]]["name"] == HOSTILE_NAME and nodes[IDS["evil"]]["quote"] == HOSTILE_QUOTE
    negated = [e for e in edges if e["negated"] == "true"]
    assert len(negated) == 1 and negated[0]["type"] == "SCRUTINISES"
    assert (negated[0]["_source"], negated[0]["_target"]) == (IDS["cpb"], IDS["dcs"])
    assert negated[0]["document"] == "minutes/testshire <2023>.txt"


def test_json(small, tmp_path):
    out = tmp_path / "g.json"
    export_graph(small, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == ALL_NODE_IDS
    assert len(data["edges"]) == N_EDGES
    edge = next(e for e in data["edges"] if e["negated"])
    assert edge["type"] == "SCRUTINISES" and edge["evidence"][0]["quote"] == "the CPB was not allowed to undertake scrutiny"
    assert edge["evidence"][0]["source"] == "minutes/testshire <2023>.txt"
    # the gap queries, placed as in the picture: one entry each, with its nodes and arrows
    assert [g["name"] for g in data["gaps"]] == [q.name for q in gap_queries()]
    gaps = {g["name"]: g for g in data["gaps"]}
    assert gaps["unowned-recommendations"]["nodes"] == [IDS["rec2"]]
    assert gaps["unowned-recommendations"]["question"] == get_query("unowned-recommendations").question
    assert gaps["scrutiny-barred"]["edges"] == [edge["id"]]
    assert "Scrutiny barred or declined" in edge["gaps"]
    assert len(data["documents"]) == 2


def test_csv(small, tmp_path):
    folder = tmp_path / "csv"
    summary = export_graph(small, "csv", folder)
    assert sorted(p.name for p in summary.paths) == ["edges.csv", "nodes.csv"]
    with (folder / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with (folder / "edges.csv").open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert {n["id"] for n in nodes} == ALL_NODE_IDS and len(edges) == N_EDGES
    assert {"id", "label", "name", "authority", "kind", "gaps", "quote", "document"} <= set(nodes[0])
    assert {"source", "target", "type", "negated", "quote", "document"} <= set(edges[0])
    evil = next(n for n in nodes if n["id"] == IDS["evil"])
    assert evil["name"] == HOSTILE_NAME and evil["quote"] == HOSTILE_QUOTE
    assert sorted({e["negated"] for e in edges}) == ["false", "true"]
    rec = next(n for n in nodes if n["id"] == IDS["f1"])
    assert rec["themes"] == "management oversight"


def test_export_filters(small, tmp_path):
    out = tmp_path / "o.json"
    s = export_graph(small, "json", out, authority="otherborough")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == {IDS[k] for k in ("o", "ocab", "i20", "ofsted")}
    assert s.nodes == 4 and s.edges == 3
    s = export_graph(small, "json", out, rel_types=["SCRUTINISES"])
    assert (s.nodes, s.edges) == (4, 2)


def test_export_command(tmp_path):
    db = str(tmp_path / "cli.db")
    st = open_store(db)
    load_small_graph(st)
    st.close()
    runner = CliRunner()
    res = runner.invoke(app, ["--db", db, "export", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.stdout)["nodes"]) == len(ALL_NODE_IDS)
    res = runner.invoke(app, ["--db", db, "export", "-f", "graphml", "-o", str(tmp_path / "x.graphml")])
    assert res.exit_code == 0, res.output
    assert len(_graphml(tmp_path / "x.graphml")[2]) == len(ALL_NODE_IDS)
    res = runner.invoke(app, ["--db", db, "export", "-f", "csv", "-o", str(tmp_path / "c"), "--authority", "testshire"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "c" / "nodes.csv").exists() and (tmp_path / "c" / "edges.csv").exists()
    res = runner.invoke(app, ["--db", db, "export", "-f", "pdf"])
    assert res.exit_code != 0
