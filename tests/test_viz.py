"""`govgraph viz`: filters, gap highlights (from the gap queries), offline-ness and escaping of the HTML page."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from govgraph.cli import app
from govgraph.graph.gaps_overlay import categories_from_sections, find_gaps
from govgraph.graph.store import StoreError, open_store
from govgraph.graph.view import GEdge, GNode, GraphData, VizError, read_graph, select
from govgraph.graph.visualise import _vis_assets, render_html, safe_json
from govgraph.queries.library import gap_queries
from govgraph.queries.report import GapSection, build_report, to_json
from .viz_graph import (
    ALL_NODE_IDS, HOSTILE_NAME, HOSTILE_QUOTE, IDS, N_EDGES, TESTSHIRE_NODE_IDS, load_small_graph,
)


def ids(*keys: str) -> set[str]:
    return {IDS[k] for k in keys}


# --- what a page may reference ------------------------------------------------
_EXTERNAL = [
    # an attribute whose value a browser fetches, pointing at a scheme or another host
    re.compile(r"""\b(?:src|href|action|poster|srcset|data|background|formaction)\s*=\s*["']?\s*((?:[a-z][a-z0-9+.-]*:)?//[^"'\s>]*)""", re.I),
    re.compile(r"""url\(\s*["']?\s*((?:https?:|ftp:)?//[^"')\s]*)""", re.I),
    re.compile(r"""@import\s+(?:url\()?\s*["']?([^"');\s]+)""", re.I),
    # elements that load something by themselves, whatever the URL
    re.compile(r"""(<script\b[^>]*\bsrc\s*=[^>]*>)""", re.I),
    re.compile(r"""(<link\b[^>]*>)""", re.I),
    re.compile(r"""(<(?:img|iframe|embed|object|audio|video|source|frame)\b[^>]*>)""", re.I),
]


def external_references(html: str) -> list[str]:
    """Everything in ``html`` that would make a browser fetch a resource outside the file."""
    found: list[str] = []
    for pattern in _EXTERNAL:
        found += [m.group(1) for m in pattern.finditer(html)]
    return found


def page_data(html: str) -> dict:
    m = re.search(r'<script id="govgraph-data" type="application/json">(.*?)</script>', html, re.S)
    assert m, "the page carries its data in a JSON script element"
    return json.loads(m.group(1))


@pytest.fixture
def small(store):
    load_small_graph(store)
    return store


# --- reading and filtering ----------------------------------------------------
def test_read_graph_skips_provenance_and_unpacks_evidence(small):
    g = read_graph(small)
    assert set(g.nodes) == ALL_NODE_IDS
    assert len(g.edges) == N_EDGES
    assert not any(n.label in ("Document", "Item") for n in g.nodes.values())
    cpb = g.nodes[IDS["cpb"]]
    assert cpb.evidence[0]["quote"] == "the CPB had not met since March 2017"
    assert cpb.evidence[0]["source"] == "minutes/testshire <2023>.txt"
    assert not any(k.startswith("evidence_") for k in cpb.properties)
    negated = [e for e in g.edges if e.negated]
    assert [(e.type, e.source, e.target) for e in negated] == [("SCRUTINISES", IDS["cpb"], IDS["dcs"])]


@pytest.mark.parametrize("authority, expected", [
    ("Otherborough Council", ids("o", "ocab", "i20", "ofsted")),
    ("otherborough", ids("o", "ocab", "i20", "ofsted")),  # part of the name, any case
    ("TESTSHIRE COUNTY COUNCIL", TESTSHIRE_NODE_IDS),
])
def test_authority_filter(small, authority, expected):
    sub = select(read_graph(small), authority=authority)
    assert set(sub.nodes) == expected
    assert all(e.source in sub.nodes and e.target in sub.nodes for e in sub.edges)


def test_unknown_authority_is_an_error(small):
    with pytest.raises(VizError, match="no authority named"):
        select(read_graph(small), authority="Nowhere")


@pytest.mark.parametrize("focus, depth, expected", [
    ("corporate parenting board", 1, ids("cpb", "dcs")),
    ("Corporate Parenting Board", 2, ids("cpb", "dcs", "jane", "plan")),
    ("CPB-not-a-name", None, None),
    ("ORGANISATION:OFSTED", 1, ids("ofsted", "i19", "i23", "i20")),  # by id, any case
    ("Improvement plan", 0, ids("plan")),
])
def test_focus_and_depth(small, focus, depth, expected):
    g = read_graph(small)
    if expected is None:
        with pytest.raises(VizError, match="no node named"):
            select(g, focus=focus)
        return
    assert set(select(g, focus=focus, depth=depth).nodes) == expected


def test_focus_matches_every_node_of_that_name_unless_authority_narrows(small):
    g = read_graph(small)
    both = select(g, focus="cabinet", depth=0)
    assert set(both.nodes) == ids("cab", "ocab")
    one = select(g, authority="Otherborough", focus="cabinet", depth=1)
    assert set(one.nodes) == ids("ocab", "o")


def test_rel_type_filter(small):
    g = read_graph(small)
    sub = select(g, rel_types=["SCRUTINISES"])
    assert set(sub.nodes) == ids("osp", "cab", "cpb", "dcs")
    assert {e.type for e in sub.edges} == {"SCRUTINISES"} and len(sub.edges) == 2
    sub = select(g, rel_types=["scrutinises", "HOLDS"], focus="Jane Smith", depth=5)
    assert set(sub.nodes) == ids("jane", "dcs", "cpb")
    # the focus node stays even when none of its relationships are of that type
    assert set(select(g, rel_types=["CHAIRS"], focus="Ofsted", depth=2).nodes) == ids("ofsted")


# --- gaps: the gap queries' rows, placed by id -----------------------------------
EXPECTED_GAP_NODES = {
    "unowned-recommendations": ids("rec2"),
    "unaccountable-bodies": ids("cpb", "osp", "ocab"),
    "dormant-bodies": ids("cpb"),
    "scrutiny-barred": ids("cpb"),
    "criticised-oversight": ids("osp"),
    "recurring-findings": ids("f1", "f2"),
}


def edge_key(rtype: str, source: str, target: str, negated: bool = False) -> str:
    return f"{rtype}|{IDS[source]}|{IDS[target]}|{'not' if negated else 'is'}"


def test_gaps_are_the_gap_queries(small):
    cats = find_gaps(read_graph(small), small)
    assert list(cats) == [q.name for q in gap_queries()]  # one category per gap query, in order
    for q in gap_queries():
        assert (cats[q.name].title, cats[q.name].question) == (q.title, q.question)
    assert {name: c.nodes for name, c in cats.items() if c.nodes} == EXPECTED_GAP_NODES
    # the relationships between a row's node and the node at its other end
    assert cats["scrutiny-barred"].edges == {edge_key("SCRUTINISES", "cpb", "dcs", negated=True)}
    assert cats["criticised-oversight"].edges == {edge_key("CRITICISED", "i23", "osp")}
    assert cats["recurring-findings"].edges == {edge_key("MADE", "i19", "f1"), edge_key("MADE", "i23", "f2")}
    assert cats["unowned-recommendations"].edges == {edge_key("MADE", "i23", "rec2")}
    assert cats["unaccountable-bodies"].edges == cats["dormant-bodies"].edges == set()


def test_gap_edges_are_every_edge_between_the_two_ends():
    """Any type, either direction; rows about nodes not in the graph are skipped."""
    g = GraphData(nodes={i: GNode(i, "Body", i) for i in ("a", "b", "c")}, edges=[
        GEdge("a", "b", "SCRUTINISES", negated=True), GEdge("b", "a", "REPORTS_TO"), GEdge("a", "c", "CHAIRS")])
    section = GapSection("barred", "Barred", "Which?", ["x", "node_id", "related_id"], {}, rows=[
        {"x": 1, "node_id": "a", "related_id": "b"}, {"x": 2, "node_id": "zz", "related_id": "c"},
        {"x": 3, "node_id": "c", "related_id": None}])
    cat = categories_from_sections([section], g)["barred"]
    assert cat.nodes == {"a", "c"}
    assert cat.edges == {"SCRUTINISES|a|b|not", "REPORTS_TO|b|a|is"}


def test_a_failing_gap_query_is_an_error_not_a_fallback(small, tmp_path, monkeypatch):
    from govgraph.queries import report

    def broken(store, name, params=None):
        raise StoreError(f"{name}: broken on purpose")
    monkeypatch.setattr(report, "run_query", broken)
    with pytest.raises(StoreError, match="broken on purpose"):
        render_html(small, tmp_path / "g.html")
    assert not (tmp_path / "g.html").exists()


def test_picture_and_report_agree(small, tmp_path):
    """The nodes the page marks are exactly the node_ids `govgraph gaps --format json` lists."""
    out = tmp_path / "g.html"
    render_html(small, out)
    data = page_data(out.read_text(encoding="utf-8"))
    report = json.loads(to_json(build_report(small)))
    reported = {r["node_id"] for q in report["queries"] for r in q["rows"]}
    assert {n["id"] for n in data["nodes"] if n["gap"]} == reported
    for q in report["queries"]:
        assert set(data["gaps"].get(q["name"], {"nodes": []})["nodes"]) == {r["node_id"] for r in q["rows"]}


def test_picture_and_gaps_command_agree(db, tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["--db", db, "gaps", "--format", "json", "--authority", "testshire"])
    assert res.exit_code == 0, res.output
    reported = {r["node_id"] for q in json.loads(res.stdout)["queries"] for r in q["rows"]}
    res = runner.invoke(app, ["--db", db, "viz", "-o", str(tmp_path / "t.html"), "--authority", "testshire"])
    assert res.exit_code == 0, res.output
    data = page_data((tmp_path / "t.html").read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"] if n["gap"]} == reported == set().union(
        *EXPECTED_GAP_NODES.values()) - ids("ocab")


# --- the page -----------------------------------------------------------------
def test_page_draws_the_filtered_graph_with_gaps_highlighted(small, tmp_path):
    out = tmp_path / "g.html"
    summary = render_html(small, out, authority="testshire")
    data = page_data(out.read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == TESTSHIRE_NODE_IDS
    assert summary.nodes == len(TESTSHIRE_NODE_IDS) and summary.edges == len(data["edges"]) == 15
    gap_ids = {n["id"] for n in data["nodes"] if n["gap"]}
    assert gap_ids == set().union(*EXPECTED_GAP_NODES.values()) - ids("ocab")
    for n in data["nodes"]:
        assert (n["borderWidth"] >= 5) == n["gap"]
    gap_edges = {e["id"] for e in data["edges"] if e["gap"]}
    assert edge_key("SCRUTINISES", "cpb", "dcs", negated=True) in gap_edges  # barred scrutiny
    assert edge_key("MADE", "i19", "f1") in gap_edges and edge_key("HOLDS", "jane", "dcs") not in gap_edges
    for e in data["edges"]:
        assert (e["width"] >= 5) == e["gap"]
    # what a legend entry selects when clicked: its nodes and arrows in this picture
    assert data["gaps"]["unaccountable-bodies"]["nodes"] == sorted(ids("cpb", "osp"))
    assert summary.gaps["unaccountable-bodies"] == 2 and summary.gaps["role-conflicts"] == 0
    negated = [e for e in data["edges"] if e["negated"]]
    assert len(negated) == 1 and negated[0]["dashes"] and negated[0]["color"]["color"] == "#e74c3c"
    # settles and stands still: capped stabilization, physics switched off by the page
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 500
    assert "physics: { enabled: false }" in out.read_text(encoding="utf-8")
    # tooltips: name, label, key properties, quotes with their source document
    cpb = next(n for n in data["nodes"] if n["id"] == IDS["cpb"])
    assert cpb["title"].startswith("Corporate Parenting Board\nBody\n")
    assert "not_met_since: 2017-03" in cpb["title"]
    assert "the CPB had not met since March 2017" in cpb["title"]
    assert "minutes/testshire <2023>.txt" in cpb["title"]
    assert "GAP: " in cpb["title"]


def test_legend_explains_colours_shapes_and_gaps(small, tmp_path):
    out = tmp_path / "g.html"
    render_html(small, out)
    html = out.read_text(encoding="utf-8")
    legend = html[html.index('<aside id="legend"'):html.index("</aside>")]
    for text in ("Gaps in oversight", "Authority", "Recommendation", "SCRUTINISES", "CRITICISED", "negated"):
        assert text in legend
    # one entry per gap query that has a node in the picture: its own title, question and count
    entries = re.findall(r'<li class="gap" data-gap="([^"]+)"', legend)
    assert entries == [q.name for q in gap_queries() if q.name in EXPECTED_GAP_NODES]
    for q in gap_queries():
        assert (q.title in legend) == (q.name in EXPECTED_GAP_NODES), q.name
    unowned = legend[legend.index('data-gap="unowned-recommendations"'):]
    unowned = unowned[:unowned.index("</li>")]
    assert "Which recommendations have no one responsible" in unowned and '<span class="n">1</span>' in unowned
    # a picture with no gap in it says so
    render_html(small, out, focus="Jane Smith", depth=0)
    html = out.read_text(encoding="utf-8")
    assert "None in this picture." in html[html.index('<aside id="legend"'):html.index("</aside>")]


def test_viz_command_reports_a_failing_gap_query(db, tmp_path, monkeypatch):
    from govgraph.queries import report

    def broken(store, name, params=None):
        raise StoreError(f"{name}: broken on purpose")
    monkeypatch.setattr(report, "run_query", broken)
    res = CliRunner().invoke(app, ["--db", db, "viz", "-o", str(tmp_path / "x.html")])
    assert res.exit_code == 1
    assert "broken on purpose" in res.output and len(res.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.html").exists()


def test_large_graph_options():
    from govgraph.graph.visualise import vis_options

    opts = vis_options(2000, 3000)
    assert opts["layout"]["improvedLayout"] is False
    assert opts["physics"]["solver"] == "barnesHut"
    assert opts["physics"]["stabilization"]["iterations"] <= 300
    assert opts["edges"]["smooth"] is False


def test_html_references_nothing_outside_the_file(small, tmp_path):
    out = tmp_path / "g.html"
    render_html(small, out)
    html = out.read_text(encoding="utf-8")
    assert external_references(html) == []
    assert "cdnjs" not in html and "jsdelivr" not in html and "bootstrap" not in html
    # and the browser is told to fetch nothing even if something tried
    assert "default-src 'none'" in html and "connect-src 'none'" in html


def test_scanner_catches_what_pyvis_would_emit():
    pyvis_head = ('<link rel="stylesheet" href="https://cdnjs.cloudflare.com/x.css" />'
                  '<script src="https://cdn.jsdelivr.net/npm/bootstrap.js"></script>'
                  '<style>.a{background:url(//evil.example/a.png)}</style><img src="http://x/y.png">')
    assert len(external_references(pyvis_head)) >= 4
    assert external_references('<div style="background:url(data:image/png;base64,AAAA)"></div>') == []


def test_text_from_minutes_is_escaped(small, tmp_path):
    out = tmp_path / "g.html"
    render_html(small, out)
    html = out.read_text(encoding="utf-8")
    vis_js, _ = _vis_assets()
    assert vis_js in html
    page = html.replace(vis_js, "")  # the library's own code mentions "<script>" in a string
    # nothing from the minutes can open or close an element
    assert "<script>alert(1)</script>" not in html
    assert "<img" not in html.lower()
    assert page.lower().count("<script") == 3  # data, vis-network, the page's own
    assert page.lower().count("</script") == 3
    assert 'onerror="' not in html  # only as JSON text: onerror=\"...
    # ... yet the page data carries the text exactly, to be shown as text
    data = page_data(html)
    evil = next(n for n in data["nodes"] if n["id"] == IDS["evil"])
    assert evil["label"].startswith("Evil <script>")
    assert HOSTILE_NAME in evil["title"] and HOSTILE_QUOTE in evil["title"]
    member = next(e for e in data["edges"] if e["from"] == IDS["evil"])
    assert HOSTILE_QUOTE in member["title"]
    # scripts that run carry the page's nonce; the CSP refuses any other
    nonce = re.search(r"'nonce-([^']+)'", html).group(1)
    assert html.count(f'<script nonce="{nonce}">') == 2
    assert "unsafe-inline" not in html.split("script-src", 1)[1].split(";", 1)[0]


def test_safe_json_cannot_close_a_script():
    text = safe_json({"q": "</script><script>alert(1)</script><!-- \u2028 & '"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["q"].startswith("</script>")


def test_empty_selection_renders(small, tmp_path):
    out = tmp_path / "g.html"
    summary = render_html(small, out, focus="Ofsted", depth=0, rel_types=["CHAIRS"])
    assert summary.nodes == 1 and summary.edges == 0
    assert external_references(out.read_text(encoding="utf-8")) == []


# --- the command ----------------------------------------------------------------
@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "cli.db")
    s = open_store(path)
    load_small_graph(s)
    s.close()
    return path


def test_viz_command(db, tmp_path):
    out = tmp_path / "out" / "net.html"
    runner = CliRunner()
    res = runner.invoke(app, ["--db", db, "viz", "-o", str(out), "--authority", "testshire",
                              "--focus", "Children's Scrutiny Panel", "--depth", "1",
                              "--rel", "SCRUTINISES,CRITICISED", "--rel", "member_of",
                              "--title", "<b>Panel</b>"])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert {n["id"] for n in page_data(html)["nodes"]} == ids("osp", "cab", "i23", "evil")
    assert "<b>Panel</b>" not in html and "&lt;b&gt;Panel&lt;/b&gt;" in html
    assert "4 nodes" in res.output


@pytest.mark.parametrize("args, message", [
    (["--rel", "FRIENDS_WITH"], "unknown relationship type"),
    (["--focus", "Nobody At All"], "no node named"),
    (["--authority", "Atlantis"], "no authority named"),
])
def test_viz_command_errors(db, tmp_path, args, message):
    res = CliRunner().invoke(app, ["--db", db, "viz", "-o", str(tmp_path / "x.html"), *args])
    assert res.exit_code == 1
    assert message in res.output
    assert not (tmp_path / "x.html").exists()


def test_viz_of_empty_store(tmp_path):
    res = CliRunner().invoke(app, ["--db", str(tmp_path / "empty.db"), "viz", "-o", str(tmp_path / "e.html")])
    assert res.exit_code == 0, res.output
    assert page_data((tmp_path / "e.html").read_text(encoding="utf-8"))["nodes"] == []
