"""Store behaviour, the same on both stores (the ``store`` fixture runs each
test on the embedded FalkorDB and on a real Neo4j server): no mocks."""
from __future__ import annotations

from typing import Any

import pytest

from govgraph.graph.model import (
    DocumentInfo,
    Edge,
    Evidence,
    GraphDocument,
    ItemInfo,
    Label,
    Node,
    RelType,
)
from govgraph.graph.store import GraphStore, ReadOnlyError, StoreError
from govgraph.graph.writes import EVIDENCE_KEYS, EXTRACTOR_VERSION, Statement, document_statements

AUTH = "authority:testshire-county-council"
PANEL = "body:testshire-county-council:children-and-families-scrutiny-panel"
DCS = "role:testshire-county-council:director-of-childrens-services"
CPB = "body:testshire-county-council:corporate-parenting-board"


def ev(text: str, quote: str, item: str | None = None, page: int | None = None) -> Evidence:
    """Evidence for ``quote`` at its real offsets in ``text`` (so the model's span check holds)."""
    start = text.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote), item=item, page=page)


def make_doc(doc_id: str, source: str, text: str, nodes: list[Node], edges: list[Edge],
             items: tuple[str, ...] = ("1",)) -> GraphDocument:
    return GraphDocument(
        document=DocumentInfo(id=doc_id, source=source, authority="Testshire County Council",
                              date="2024-03-01", title="Minutes",
                              items=[ItemInfo(number=n, title=f"Item {n}") for n in items]),
        nodes=nodes, edges=edges,
    )


TEXT_A = ("5. Children's services. The Children and Families Scrutiny Panel of Testshire County Council "
          "received a report from the Director of Children's Services, who reports to the Panel. "
          "The Corporate Parenting Board (CPB) was not allowed to undertake scrutiny.")


def doc_a(doc_id: str = "doc-a", source: str = "minutes/a.txt") -> GraphDocument:
    t = TEXT_A
    return make_doc(doc_id, source, t, nodes=[
        Node(id=AUTH, label=Label.AUTHORITY, name="Testshire County Council",
             evidence=[ev(t, "Testshire County Council", item="5")]),
        Node(id=PANEL, label=Label.BODY, name="Children and Families Scrutiny Panel",
             properties={"kind": "scrutiny"},
             evidence=[ev(t, "Children and Families Scrutiny Panel", item="5", page=2),
                       ev(t, "the Panel")]),
        Node(id=DCS, label=Label.ROLE, name="Director of Children's Services",
             evidence=[ev(t, "Director of Children's Services", item="5")]),
        Node(id=CPB, label=Label.BODY, name="Corporate Parenting Board", aliases=["CPB"],
             properties={"kind": "board"},
             evidence=[ev(t, "Corporate Parenting Board (CPB)", item="5")]),
    ], edges=[
        Edge(type=RelType.REPORTS_TO, source=DCS, target=PANEL,
             evidence=[ev(t, "Director of Children's Services, who reports to the Panel", item="5")]),
        Edge(type=RelType.PART_OF, source=PANEL, target=AUTH,
             evidence=[ev(t, "Children and Families Scrutiny Panel of Testshire County Council", item="5")]),
        Edge(type=RelType.SCRUTINISES, source=CPB, target=DCS, negated=True,
             evidence=[ev(t, "was not allowed to undertake scrutiny", item="5")]),
    ], items=("5",))


# --- helpers ---------------------------------------------------------------

def snapshot(store: GraphStore) -> tuple[list[Any], list[Any]]:
    """Every node (labels, properties) and relationship (type, ends, properties), in a stable order."""
    nodes = store.query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props").rows
    rels = store.query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props"
    ).rows
    return sorted(nodes, key=repr), sorted(rels, key=repr)


def counts(store: GraphStore) -> tuple[int, int]:
    n = store.query("MATCH (n) RETURN count(n) AS c").rows[0][0]
    r = store.query("MATCH ()-[r]->() RETURN count(r) AS c").rows[0][0]
    return n, r


def node(store: GraphStore, node_id: str) -> dict[str, Any] | None:
    rows = store.query("MATCH (n {id: $id}) RETURN properties(n) AS p", {"id": node_id}).rows
    assert len(rows) <= 1
    return rows[0][0] if rows else None


def citations(props: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The parallel evidence lists zipped into one tuple per citation."""
    lists = [props[f"evidence_{k}"] for k in EVIDENCE_KEYS]
    assert len({len(x) for x in lists}) == 1, f"evidence lists differ in length: {lists}"
    return list(zip(*lists))


# --- writing ---------------------------------------------------------------

def test_nodes_and_relationships_come_back_as_property_maps(store: GraphStore) -> None:
    """What the CLI prints for a node or relationship is the same on both stores."""
    from govgraph.output import plain

    store.write_document(doc_a())
    row = store.query("MATCH (a:Body {id: $id})-[r:PART_OF]->(:Authority) RETURN a, r", {"id": PANEL}).rows[0]
    rel = store.query("MATCH (:Body)-[r:PART_OF]->(:Authority) RETURN properties(r)").rows[0][0]
    assert plain(row[0]) == node(store, PANEL)
    assert plain(row[1]) == rel
    assert plain(row[0])["name"] == "Children and Families Scrutiny Panel" and plain(row[1])["negated"] is False


def test_write_document(store: GraphStore) -> None:
    summary = store.write_document(doc_a())
    assert not summary.skipped and summary.replaced == []
    # 4 entities + Document + 1 Item; 3 facts + HAS_ITEM.
    assert summary.counters.nodes_created == 6
    assert summary.counters.relationships_created == 4
    assert counts(store) == (6, 4)

    labels = dict(store.query("MATCH (n) RETURN n.id AS id, labels(n)[0] AS label").rows)
    assert labels[AUTH] == "Authority" and labels[PANEL] == "Body" and labels[DCS] == "Role"
    assert labels["doc-a"] == "Document" and labels["doc-a#5"] == "Item"

    cpb = node(store, CPB)
    assert cpb["name"] == "Corporate Parenting Board"
    assert cpb["aliases"] == ["CPB"] and cpb["kind"] == "board"

    doc = node(store, "doc-a")
    assert doc["source"] == "minutes/a.txt" and doc["extractor"] == EXTRACTOR_VERSION
    assert store.query("MATCH (:Document {id: 'doc-a'})-[:HAS_ITEM]->(i:Item) RETURN i.number").rows == [["5"]]

    rows = store.query(
        "MATCH (a)-[r:SCRUTINISES]->(b) RETURN a.id, b.id, r.negated, r.evidence_quote"
    ).rows
    assert rows == [[CPB, DCS, True, ["was not allowed to undertake scrutiny"]]]
    assert store.query("MATCH ()-[r:REPORTS_TO]->() RETURN r.negated").rows == [[False]]


def test_evidence_is_stored_as_parallel_lists(store: GraphStore) -> None:
    doc = doc_a()
    store.write_document(doc)
    panel = node(store, PANEL)
    first, second = doc.nodes[1].evidence
    assert citations(panel) == [
        ("doc-a", "5", first.quote, first.start, first.end, 2),
        ("doc-a", "", second.quote, second.start, second.end, -1),  # no item: "", no page: -1
    ]
    # Every quote is a verbatim substring of the text at its offsets.
    for _, _, quote, start, end, _ in citations(panel):
        assert TEXT_A[start:end] == quote
    rel = store.query("MATCH (:Role)-[r:REPORTS_TO]->(:Body) RETURN properties(r)").rows[0][0]
    quote = "Director of Children's Services, who reports to the Panel"
    assert citations(rel) == [("doc-a", "5", quote, TEXT_A.index(quote), TEXT_A.index(quote) + len(quote), -1)]
    # The documented way to get from a fact to its sources.
    assert store.query(
        "MATCH (n {id: $id}) UNWIND n.evidence_doc AS d MATCH (doc:Document {id: d}) RETURN DISTINCT doc.source",
        {"id": PANEL},
    ).rows == [["minutes/a.txt"]]


def test_reloading_the_same_document_changes_nothing(store: GraphStore) -> None:
    store.write_document(doc_a())
    before = snapshot(store)
    summary = store.write_document(doc_a())
    assert summary.skipped
    assert summary.counters.nodes_created == 0 and summary.counters.relationships_created == 0
    assert summary.counters.properties_set == 0
    assert snapshot(store) == before


def test_forced_rewrite_is_net_zero(store: GraphStore) -> None:
    store.write_document(doc_a())
    before = snapshot(store)
    summary = store.write_document(doc_a(), force=True)
    assert not summary.skipped and summary.replaced == []
    c = summary.counters
    assert c.nodes_created == c.nodes_deleted
    assert c.relationships_created == c.relationships_deleted
    assert snapshot(store) == before
    assert counts(store) == (6, 4)


def test_new_version_of_a_source_replaces_the_old_one(store: GraphStore) -> None:
    store.write_document(doc_a())  # minutes/a.txt, version 1
    # Another document that shares the authority and the panel.
    t = "Testshire County Council: the Children and Families Scrutiny Panel met the Chief Executive."
    chief = "role:testshire-county-council:chief-executive"
    other = make_doc("doc-b", "minutes/b.txt", t, nodes=[
        Node(id=AUTH, label=Label.AUTHORITY, name="Testshire County Council",
             evidence=[ev(t, "Testshire County Council")]),
        Node(id=PANEL, label=Label.BODY, name="Children and Families Scrutiny Panel",
             evidence=[ev(t, "Children and Families Scrutiny Panel")]),
        Node(id=chief, label=Label.ROLE, name="Chief Executive", evidence=[ev(t, "Chief Executive")]),
    ], edges=[
        Edge(type=RelType.PART_OF, source=PANEL, target=AUTH,
             evidence=[ev(t, "Testshire County Council: the Children and Families Scrutiny Panel")]),
        Edge(type=RelType.REPORTS_TO, source=chief, target=PANEL,
             evidence=[ev(t, "Scrutiny Panel met the Chief Executive")]),
    ])
    store.write_document(other)

    # Version 2 of minutes/a.txt: different text, so a different id; the CPB
    # and the director are no longer mentioned.
    t2 = "Revised minutes. The Children and Families Scrutiny Panel of Testshire County Council met."
    v2 = make_doc("doc-a2", "minutes/a.txt", t2, nodes=[
        Node(id=AUTH, label=Label.AUTHORITY, name="Testshire County Council",
             evidence=[ev(t2, "Testshire County Council")]),
        Node(id=PANEL, label=Label.BODY, name="Children and Families Scrutiny Panel",
             evidence=[ev(t2, "Children and Families Scrutiny Panel")]),
    ], edges=[
        Edge(type=RelType.PART_OF, source=PANEL, target=AUTH,
             evidence=[ev(t2, "Children and Families Scrutiny Panel of Testshire County Council")]),
    ], items=("1", "2"))
    summary = store.write_document(v2)
    assert summary.replaced == ["doc-a"]

    # The old version's own facts are gone ...
    assert node(store, "doc-a") is None and node(store, "doc-a#5") is None
    assert node(store, CPB) is None and node(store, DCS) is None
    assert store.query("MATCH ()-[r:SCRUTINISES]->() RETURN count(r)").rows == [[0]]
    assert store.query("MATCH (:Role {id: $id})-[r]->() RETURN count(r)", {"id": DCS}).rows == [[0]]
    everything = repr(snapshot(store))
    assert "doc-a'" not in everything and "doc-a#5" not in everything
    # ... shared nodes keep the other documents' evidence, and gain the new version's.
    for shared in (AUTH, PANEL):
        assert sorted(set(node(store, shared)["evidence_doc"])) == ["doc-a2", "doc-b"]
    assert node(store, PANEL)["kind"] == "scrutiny"  # properties are not retracted
    part_of = store.query("MATCH (:Body)-[r:PART_OF]->(:Authority) RETURN r.evidence_doc").rows
    assert len(part_of) == 1 and sorted(part_of[0][0]) == ["doc-a2", "doc-b"]
    # The other document's own facts are untouched.
    assert node(store, chief)["evidence_doc"] == ["doc-b"]
    assert store.query("MATCH (:Role {id: $id})-[r:REPORTS_TO]->(:Body) RETURN r.evidence_doc",
                       {"id": chief}).rows == [[["doc-b"]]]
    assert sorted(r[0] for r in store.query("MATCH (d:Document) RETURN d.id").rows) == ["doc-a2", "doc-b"]
    assert sorted(r[0] for r in store.query("MATCH (:Document {id: 'doc-a2'})-[:HAS_ITEM]->(i) RETURN i.id").rows) \
        == ["doc-a2#1", "doc-a2#2"]
    # Loading version 2 again is a no-op.
    before = snapshot(store)
    assert store.write_document(v2).skipped
    assert snapshot(store) == before


def test_a_failing_write_leaves_nothing_behind(store: GraphStore) -> None:
    store.write_document(doc_a())
    before = snapshot(store)
    # The real document statement for a replacement (retract + merge every
    # label and relationship type), made to fail at its very end.
    t = "Testshire County Council met the Chief Executive."
    chief = "role:testshire-county-council:chief-executive"
    v2 = make_doc("doc-a2", "minutes/a.txt", t, nodes=[
        Node(id=AUTH, label=Label.AUTHORITY, name="Testshire County Council",
             evidence=[ev(t, "Testshire County Council")]),
        Node(id=chief, label=Label.ROLE, name="Chief Executive", evidence=[ev(t, "Chief Executive")]),
    ], edges=[
        Edge(type=RelType.PART_OF, source=chief, target=AUTH,
             evidence=[ev(t, "Testshire County Council met the Chief Executive")]),
    ])
    statements = document_statements(v2, ["doc-a"])
    boom = Statement("UNWIND [0] AS zero CREATE (:Boom {v: 1 / zero})", {})  # fails at run time
    with pytest.raises(StoreError):
        store.write_statements(statements + [boom])
    assert snapshot(store) == before
    assert node(store, chief) is None and node(store, "doc-a2") is None
    # The same statements without the failure do what they say.
    store.write_statements(statements)
    assert node(store, chief) is not None and node(store, "doc-a") is None


@pytest.mark.parametrize("cypher", [
    "CREATE (n:Person {id: 'x', name: 'Intruder'})",
    "MERGE (n:Person {id: 'x'}) RETURN n",
    "MATCH (n:Body) SET n.name = 'changed'",
    "MATCH (n:Body) REMOVE n.kind",
    "MATCH (n:Body) DETACH DELETE n",
    "MATCH ()-[r:REPORTS_TO]->() DELETE r",
    "MATCH (a:Role), (b:Authority) CREATE (a)-[:PART_OF]->(b)",
    "MATCH (n:Role) WITH n LIMIT 1 CREATE (m:Person {id: 'y'}) RETURN count(m)",
])
def test_ad_hoc_queries_are_read_only(store: GraphStore, cypher: str) -> None:
    store.write_document(doc_a())
    before = snapshot(store)
    with pytest.raises(ReadOnlyError):
        store.query(cypher)
    assert snapshot(store) == before
    # Reads still work after a refused write.
    assert store.query("MATCH (n:Body) RETURN count(n) AS c").records() == [{"c": 2}]


SPECIAL = ('He said "no" & she said \'yes\'; C:\\path\\to\\file\\n is not a newline,\n'
           'this is.\tTab. <script>alert("x")</script> </b> {braces} $param `tick` '
           'Café – naïve – “smart quotes” – Ærø – 日本語 – 🙂 𝔘')


def test_special_characters_round_trip(store: GraphStore) -> None:
    t = "Preamble. " + SPECIAL + " Postscript."
    person = "person:testshire-county-council:o-brien"
    doc = make_doc("doc-special", "minutes/spe'cial \"dir\"/ünï.txt", t, nodes=[
        Node(id=person, label=Label.PERSON, name="Seán O'Brien-\"Smith\" \\ <b>",
             aliases=["O'Brien", 'Back\\slash', "new\nline"],
             properties={"note": SPECIAL}, evidence=[ev(t, SPECIAL, item="1")]),
        Node(id=AUTH, label=Label.AUTHORITY, name="Testshire County Council",
             evidence=[ev(t, "Preamble")]),
    ], edges=[
        Edge(type=RelType.MEMBER_OF, source=person, target=AUTH,
             properties={"role": "<script>"}, evidence=[ev(t, SPECIAL)]),
    ])
    store.write_document(doc)
    p = node(store, person)
    assert p["name"] == "Seán O'Brien-\"Smith\" \\ <b>"
    assert p["aliases"] == ["O'Brien", 'Back\\slash', "new\nline"]
    assert p["note"] == SPECIAL
    assert p["evidence_quote"] == [SPECIAL]
    assert t[p["evidence_start"][0]:p["evidence_end"][0]] == SPECIAL
    rel = store.query("MATCH (:Person)-[r:MEMBER_OF]->() RETURN r.role, r.evidence_quote").rows
    assert rel == [["<script>", [SPECIAL]]]
    assert node(store, "doc-special")["source"] == "minutes/spe'cial \"dir\"/ünï.txt"
    # Special characters as query parameters, too.
    assert store.query("MATCH (n) WHERE n.note = $s RETURN n.id", {"s": SPECIAL}).rows == [[person]]
    # Reloading is still recognised as the same document.
    assert store.write_document(doc).skipped
