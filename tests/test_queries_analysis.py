"""The analyst queries (kind: analysis) on a small graph, on both stores."""
from __future__ import annotations


from govgraph.queries.library import get_query, list_queries, run_query

from .graphs import GraphBuilder, mixed_graph


def records(store, name, **params):
    q = get_query(name)
    result = run_query(store, name, params)
    assert tuple(result.columns) == q.columns
    return result.records()


def test_catalogue_headers_are_complete():
    names = [q.name for q in list_queries()]
    assert len(names) == len(set(names))
    for q in list_queries():
        assert q.kind in ("gap", "analysis"), q.name
        assert q.title and q.question and q.columns, q.name
        assert q.cypher.rstrip().splitlines()[-1].lstrip().startswith("ORDER BY"), f"{q.name} must ORDER BY"
        for p in q.params:
            assert f"${p}" in q.cypher, f"{q.name}: param {p} is declared but not used"


def test_accountability_map(store):
    mixed_graph().write(store)
    other = GraphBuilder("Elsewhere Council")
    other.edge("REPORTS_TO", other.body("Panel", kind="scrutiny"), other.authority_node())
    other.write(store)
    rows = records(store, "accountability-map", authority="mixshire")
    assert rows and all(r["authority"] == "Mixshire Council" for r in rows)
    assert {"REPORTS_TO", "SCRUTINISES", "RESPONSIBLE_FOR", "CHAIRS", "MEMBER_OF", "PART_OF"} <= {r["relation"] for r in rows}
    barred = [r for r in rows if r["negated"]]
    assert [(r["source"], r["relation"]) for r in barred] == [("Corporate Parenting Board", "SCRUTINISES")]
    assert all(r["quote"] and r["document"] for r in rows)
    assert len(records(store, "accountability-map")) == len(rows) + 1


def test_role_responsibilities(store):
    mixed_graph().write(store)
    rows = records(store, "role-responsibilities", role="chief executive")
    assert {r["target"] for r in rows} == {"Service Improvement Board", "Improvement Plan", "Front Door",
                                           "Edge of Care", "Fostering"}
    assert all(r["holder"] == "Chief Executive" for r in rows)
    assert records(store, "role-responsibilities", role="nobody by this name") == []


def test_who_scrutinises(store):
    mixed_graph().write(store)
    rows = records(store, "who-scrutinises", body="scrutiny panel")
    got = {(r["relation"], r["direction"], r["other"]) for r in rows}
    # what the panel itself scrutinises is not an answer to "who scrutinises the panel"
    assert got == {("CRITICISED", "in", "Ofsted inspection 2020")}
    rows = records(store, "who-scrutinises", body="practice group a")
    got = {(r["relation"], r["direction"], r["other"]) for r in rows}
    assert got == {("REPORTS_TO", "out", "Practice Group B")}


def test_recommendation_history(store):
    mixed_graph().write(store)
    rows = records(store, "recommendation-history", authority="mixshire")
    assert len(rows) == 6
    assert [r["when"] for r in rows] == ["2012", "2012", "2016", "2016", "2020", "2020"]
    assert all(r["recurs_in"] == 2 for r in rows)  # the same theme in the two other inspections
    rows = records(store, "recommendation-history", inspection="2016")
    assert {r["inspection"] for r in rows} == {"Ofsted inspection 2016"}
    assert {r["label"] for r in rows} == {"Finding", "Recommendation"}
    assert all(r["responsible"] == [] and r["plans"] == [] for r in rows)
