"""Each gap query on a small graph where the gap exists and on one where it does not, on both stores."""
from __future__ import annotations

from typing import Any

import pytest

from govgraph.queries.library import get_query, list_queries, run_query  # noqa: E402
from .graphs import GraphBuilder

A = "Testshire County Council"
B = "Otherborough Council"


def gap(store, name: str, **params: Any) -> list[dict[str, Any]]:
    q = get_query(name)
    assert q.kind == "gap"
    result = run_query(store, name, params)
    assert tuple(result.columns) == q.columns, f"{name}: header columns differ from what it returns"
    rows = result.records()
    for row in rows:
        assert row["quote"], f"{name}: a row without its quote: {row}"
        assert row["document"], f"{name}: a row without its document: {row}"
        assert row["item"] is not None
    return rows


def test_every_gap_query_returns_its_evidence():
    gaps = [q for q in list_queries() if q.kind == "gap"]
    assert len(gaps) >= 10
    for q in gaps:
        assert {"quote", "document", "item"} <= set(q.columns), q.name
        # the ids the network picture places the finding by (graph/gaps_overlay.py)
        assert {"node_id", "related_id"} <= set(q.columns), q.name
        assert q.title and q.question, q.name
        assert "authority" in q.params, q.name


# --- 1. recommendations no one owns -----------------------------------------------

def _inspection_with_recs(g: GraphBuilder) -> tuple[str, str, str]:
    auth = g.authority_node()
    insp = g.inspection("Ofsted ILACS inspection 2023", 2023, month=7)
    g.edge("INSPECTED", insp, auth)
    r1 = g.recommendation("Timeliness of strategy meetings", themes=["strategy meetings"],
                          quote="Timeliness of strategy meetings.")
    r2 = g.recommendation("Quality of supervision", themes=["supervision"], quote="Quality of supervision.")
    g.edge("MADE", insp, r1)
    g.edge("MADE", insp, r2)
    return insp, r1, r2


def test_unowned_recommendations_found(store):
    g = GraphBuilder(A)
    insp, r1, r2 = _inspection_with_recs(g)
    plan = g.plan("Improvement Plan")
    g.edge("ADDRESSES", plan, insp, quote="The Improvement Plan responds to the inspection.")
    dcs = g.role("Director of Children's Services")
    g.edge("RESPONSIBLE_FOR", dcs, r2, quote="The Director would lead on supervision.")
    # a negated responsibility does not make anyone responsible
    g.edge("RESPONSIBLE_FOR", g.role("Cabinet Member"), r1, negated=True,
           quote="The Cabinet Member was not responsible for strategy meetings.")
    g.write(store)
    rows = gap(store, "unowned-recommendations")
    assert [r["recommendation"] for r in rows] == ["Timeliness of strategy meetings"]
    assert rows[0]["quote"] == "Timeliness of strategy meetings."
    assert rows[0]["made_by"] == "Ofsted ILACS inspection 2023"
    assert rows[0]["plans_for_source"] == ["Improvement Plan"]
    assert rows[0]["authority"] == A
    assert rows[0]["document"] == g.source and rows[0]["item"] == "5"
    assert (rows[0]["node_id"], rows[0]["related_id"]) == (r1, insp)  # the recommendation; who MADE it
    assert gap(store, "unowned-recommendations", authority="testshire")
    assert gap(store, "unowned-recommendations", authority=B) == []


def test_unowned_recommendations_none_when_owned_or_planned(store):
    g = GraphBuilder(A)
    insp, r1, r2 = _inspection_with_recs(g)
    g.edge("RESPONSIBLE_FOR", g.role("Director of Children's Services"), r1)
    g.edge("ADDRESSES", g.plan("Supervision Action Plan"), r2)
    g.write(store)
    assert gap(store, "unowned-recommendations") == []


# --- 2. bodies no one scrutinises and that report to no one ------------------------

def test_unaccountable_bodies_found(store):
    g = GraphBuilder(A)
    g.body("Full Council", kind="council")
    hwb = g.body("Health and Wellbeing Board")
    sub = g.body("Children's Sub-Committee", kind="other", quote="a sub-committee for Children's Services")
    g.edge("PART_OF", sub, hwb)
    panel = g.body("Scrutiny Panel", kind="scrutiny")
    g.edge("SCRUTINISES", panel, hwb)
    g.edge("REPORTS_TO", panel, g.body("Cabinet", kind="executive"))
    team = g.body("Family Front Door", kind="service")
    # barred scrutiny is not scrutiny
    g.edge("SCRUTINISES", g.body("Corporate Parenting Board"), team, negated=True)
    g.write(store)
    rows = gap(store, "unaccountable-bodies")
    names = [r["body"] for r in rows]
    assert "Children's Sub-Committee" in names and "Family Front Door" in names
    assert "Full Council" not in names and "Scrutiny Panel" not in names and "Health and Wellbeing Board" not in names
    sub_row = next(r for r in rows if r["body"] == "Children's Sub-Committee")
    assert sub_row["part_of"] == ["Health and Wellbeing Board"]
    assert sub_row["quote"] == "a sub-committee for Children's Services"


def test_unaccountable_bodies_none(store):
    g = GraphBuilder(A)
    council = g.body("Full Council", kind="council")
    cabinet = g.body("Cabinet", kind="executive")
    panel = g.body("Scrutiny Panel", kind="scrutiny")
    g.edge("REPORTS_TO", cabinet, council)
    g.edge("REPORTS_TO", panel, council)
    g.edge("SCRUTINISES", panel, cabinet)
    g.write(store)
    assert gap(store, "unaccountable-bodies") == []


# --- 3. dormant bodies -------------------------------------------------------------

def test_dormant_bodies_found(store):
    g = GraphBuilder(A)
    sub = g.body("Children's Sub-Committee", kind="other", quote="a sub-committee for Children's Services")
    g.node("Body", "Children's Sub-Committee", quote="which had not met since June 2015",
           not_met_since="2015-06", not_met_quote="which had not met since June 2015")
    board = g.body("Safeguarding Board")
    g.meeting(board, "2019-03-01")
    g.meeting(board, "2020-01-15")
    fresh = g.body("Scrutiny Panel", kind="scrutiny")
    g.meeting(fresh, "2024-02-01")
    g.write(store)
    rows = gap(store, "dormant-bodies")
    assert [r["body"] for r in rows] == ["Children's Sub-Committee"]
    assert rows[0]["not_met_since"] == "2015-06"
    assert rows[0]["quote"] == "which had not met since June 2015"
    rows = gap(store, "dormant-bodies", since="2023-01-01")
    assert [r["body"] for r in rows] == ["Children's Sub-Committee", "Safeguarding Board"]
    assert rows[1]["last_meeting"] == "2020-01-15"
    assert sub


def test_dormant_bodies_none(store):
    g = GraphBuilder(A)
    board = g.body("Safeguarding Board")
    g.meeting(board, "2024-03-01")
    g.body("Cabinet", kind="executive")
    g.write(store)
    assert gap(store, "dormant-bodies") == []
    assert gap(store, "dormant-bodies", since="2023-01-01") == []


# --- 4. scrutiny barred, scrutiny criticised -------------------------------------

def test_scrutiny_barred_found(store):
    g = GraphBuilder(A)
    auth = g.authority_node()
    cpb = g.body("Corporate Parenting Board", aliases=["CPB"])
    q = "the Corporate Parenting Board was not allowed to undertake scrutiny"
    g.edge("SCRUTINISES", cpb, auth, negated=True, quote=q)
    g.edge("SCRUTINISES", g.body("Scrutiny Panel", kind="scrutiny"), auth)
    g.write(store)
    rows = gap(store, "scrutiny-barred")
    assert [(r["scrutineer"], r["target"], r["quote"]) for r in rows] == [("Corporate Parenting Board", A, q)]
    assert (rows[0]["node_id"], rows[0]["related_id"]) == (cpb, auth)  # the would-be scrutineer; its target
    assert gap(store, "scrutiny-barred", authority=B) == []


def test_scrutiny_barred_none(store):
    g = GraphBuilder(A)
    g.edge("SCRUTINISES", g.body("Corporate Parenting Board"), g.authority_node())
    g.write(store)
    assert gap(store, "scrutiny-barred") == []


def test_criticised_oversight_found(store):
    g = GraphBuilder(A)
    auth = g.authority_node()
    insp = g.inspection("Ofsted inspection 2016", 2016, kind="sif", judgement="inadequate")
    g.edge("INSPECTED", insp, auth)
    panel = g.body("Scrutiny Panel", kind="scrutiny")
    g.edge("SCRUTINISES", panel, g.role("Director of Children's Services"))
    q = "the Scrutiny Panel had 'not offered sufficient challenge'"
    g.edge("CRITICISED", insp, panel, quote=q)
    g.edge("CRITICISED", insp, g.body("Front Door", kind="service"), negated=True)
    g.write(store)
    rows = gap(store, "criticised-oversight")
    assert [(r["criticised"], r["critic"], r["scrutinises"], r["quote"]) for r in rows] == [
        ("Scrutiny Panel", "Ofsted inspection 2016", True, q)]
    assert (rows[0]["node_id"], rows[0]["related_id"]) == (panel, insp)  # the criticised; the critic


def test_criticised_oversight_none(store):
    g = GraphBuilder(A)
    insp = g.inspection("Ofsted inspection 2016", 2016)
    g.edge("INSPECTED", insp, g.authority_node())
    g.write(store)
    assert gap(store, "criticised-oversight") == []


# --- 5. recurring findings -------------------------------------------------------

def _inspections(g: GraphBuilder, years: list[int]) -> list[str]:
    auth = g.authority_node()
    out = []
    for y in years:
        i = g.inspection(f"Ofsted inspection {y}", y)
        g.edge("INSPECTED", i, auth)
        out.append(i)
    return out


def test_recurring_findings_found_across_wording(store):
    g = GraphBuilder(A)
    i14, i19, i23 = _inspections(g, [2014, 2019, 2023])
    r23 = g.recommendation("The capacity, quality, consistency and impact of supervision and management oversight",
                           themes=["supervision", "management oversight"])
    g.edge("MADE", i23, r23)
    f19 = g.finding("Management oversight was not sufficiently robust", themes=["Management oversight "])
    g.edge("MADE", i19, f19)
    f14 = g.finding("Strategy meetings were late", themes=["strategy meetings"])
    g.edge("MADE", i14, f14)
    # a second finding on the same theme in the same inspection does not make it recur
    g.edge("MADE", i14, g.finding("Supervision was irregular", themes=["supervision"]))
    g.edge("MADE", i14, g.finding("Supervision lacked reflection", themes=["supervision"]))
    g.write(store)
    rows = gap(store, "recurring-findings")
    themes = {(r["theme"], r["inspections"]) for r in rows}
    assert themes == {("management oversight", 2), ("supervision", 2)}
    mo = [r for r in rows if r["theme"] == "management oversight"]
    assert [r["when"] for r in mo] == ["2019", "2023"]
    assert mo[0]["finding"] == "Management oversight was not sufficiently robust"
    assert [(r["node_id"], r["related_id"]) for r in mo] == [(f19, i19), (r23, i23)]  # the finding; who MADE it
    assert len(gap(store, "recurring-findings", min_inspections=3)) == 0


def test_recurring_findings_none(store):
    g = GraphBuilder(A)
    i19, i23 = _inspections(g, [2019, 2023])
    g.edge("MADE", i19, g.finding("Strategy meetings were late", themes=["strategy meetings"]))
    g.edge("MADE", i23, g.recommendation("Quality of supervision", themes=["supervision"]))
    g.write(store)
    # the same theme in another authority is not a recurrence
    h = GraphBuilder(B)
    (j,) = _inspections(h, [2021])
    h.edge("MADE", j, h.finding("Supervision was weak", themes=["supervision"]))
    h.write(store)
    assert gap(store, "recurring-findings") == []


# --- 6. conflicts of role --------------------------------------------------------

def test_role_conflicts_found(store):
    g = GraphBuilder(A)
    ce = g.role("Chief Executive")
    sib = g.body("Service Improvement Board", kind="improvement_board")
    plan = g.plan("Improvement Plan")
    g.edge("CHAIRS", ce, sib, quote="as Chair of the Service Improvement Board, the Chief Executive")
    g.edge("SCRUTINISES", sib, plan)
    g.edge("RESPONSIBLE_FOR", ce, plan, quote="The Chief Executive owns the Improvement Plan.")
    cm = g.role("Cabinet Member for Children")
    panel = g.body("Scrutiny Panel", kind="scrutiny")
    g.edge("MEMBER_OF", cm, panel)
    g.edge("SCRUTINISES", panel, cm)
    g.write(store)
    rows = gap(store, "role-conflicts")
    got = [(r["holder"], r["sits_as"], r["body"], r["scrutinises"], r["link"]) for r in rows]
    assert got == [
        ("Cabinet Member for Children", "MEMBER_OF", "Scrutiny Panel", "Cabinet Member for Children", "is itself scrutinised"),
        ("Chief Executive", "CHAIRS", "Service Improvement Board", "Improvement Plan", "RESPONSIBLE_FOR"),
    ]
    assert rows[1]["quote"] == "as Chair of the Service Improvement Board, the Chief Executive"
    assert rows[1]["link_quote"] == "The Chief Executive owns the Improvement Plan."


def test_role_conflicts_none(store):
    g = GraphBuilder(A)
    chair = g.role("Chairman of the Scrutiny Panel")
    panel = g.body("Scrutiny Panel", kind="scrutiny")
    dcs = g.role("Director of Children's Services")
    plan = g.plan("Improvement Plan")
    g.edge("CHAIRS", chair, panel)
    g.edge("SCRUTINISES", panel, dcs)
    g.edge("SCRUTINISES", panel, plan)
    g.edge("RESPONSIBLE_FOR", dcs, plan)
    g.edge("RESPONSIBLE_FOR", chair, plan, negated=True)
    g.write(store)
    assert gap(store, "role-conflicts") == []


# --- 7. reporting chains that end nowhere ----------------------------------------

def test_chains_to_nowhere_found(store):
    g = GraphBuilder(A)
    team = g.body("Edge of Care Team", kind="team")
    group = g.body("Practice Improvement Group", kind="other")
    ops = g.role("Head of Service")
    g.edge("REPORTS_TO", team, group, quote="The team reported to the Practice Improvement Group.")
    g.edge("REPORTS_TO", group, ops)
    # a denied link does not carry the chain to the top
    g.edge("REPORTS_TO", ops, g.body("Cabinet", kind="executive"), negated=True)
    ok = g.body("Safeguarding Board")
    g.edge("REPORTS_TO", ok, g.body("Children's Partnership", kind="partnership"))
    g.write(store)
    rows = gap(store, "chains-to-nowhere")
    assert [(r["body"], r["reports_to"], r["ends_at"]) for r in rows] == [
        ("Edge of Care Team", "Practice Improvement Group", ["Head of Service"]),
        ("Practice Improvement Group", "Head of Service", ["Head of Service"]),
    ]
    assert rows[0]["quote"] == "The team reported to the Practice Improvement Group."


def test_chains_to_nowhere_none(store):
    g = GraphBuilder(A)
    auth = g.authority_node()
    team = g.body("Edge of Care Team", kind="team")
    dcs = g.role("Director of Children's Services")
    g.edge("REPORTS_TO", team, dcs)
    g.edge("REPORTS_TO", dcs, g.body("Cabinet", kind="executive"))
    g.edge("REPORTS_TO", g.body("Audit Committee", kind="scrutiny"), auth)
    g.edge("REPORTS_TO", g.body("Improvement Board", kind="improvement_board"),
           g.organisation("Ofsted", kind="inspectorate"))
    g.write(store)
    assert gap(store, "chains-to-nowhere") == []


# --- 8. partners responsible but attached to nothing -----------------------------

def test_unattached_partners_found(store):
    g = GraphBuilder(A)
    plan = g.plan("Emotional Wellbeing Plan")
    camhs = g.organisation("CAMHS", kind="health")
    q = "CAMHS would lead the emotional wellbeing plan"
    g.edge("RESPONSIBLE_FOR", camhs, plan, quote=q)
    police = g.organisation("West Testshire Police", kind="police")
    g.edge("RESPONSIBLE_FOR", police, plan)
    g.edge("MEMBER_OF", police, g.body("Safeguarding Partnership", kind="partnership"))
    g.write(store)
    rows = gap(store, "unattached-partners")
    assert [(r["partner"], r["kind"], r["responsible_for"], r["authority"], r["quote"]) for r in rows] == [
        ("CAMHS", "health", "Emotional Wellbeing Plan", A, q)]


def test_unattached_partners_none(store):
    g = GraphBuilder(A)
    plan = g.plan("Emotional Wellbeing Plan")
    camhs = g.organisation("CAMHS", kind="health")
    g.edge("RESPONSIBLE_FOR", camhs, plan)
    g.edge("REPORTS_TO", camhs, g.body("Health and Wellbeing Board"))
    g.write(store)
    assert gap(store, "unattached-partners") == []


# --- 9. judgements that did not improve -------------------------------------------

def test_judgements_not_improved_found(store):
    g = GraphBuilder(A)
    auth = g.authority_node()
    for name, year, month, judgement in [
        ("Ofsted SIF inspection 2014", 2014, None, "good"),
        ("Ofsted ILACS inspection 2019", 2019, None, "requires improvement"),
        ("Ofsted ILACS inspection 2023", 2023, 7, "requires improvement"),
    ]:
        i = g.inspection(name, year, month=month, judgement=judgement,
                         quote=f"The {year} judgement was that services {judgement}.")
        g.edge("INSPECTED", i, auth)
    mv = g.inspection("Ofsted monitoring visit 2021", 2021, kind="monitoring_visit")
    g.edge("INSPECTED", mv, auth)
    g.write(store)
    rows = gap(store, "judgements-not-improved")
    got = [(r["earlier"], r["later"], r["change"]) for r in rows]
    assert got == [("Ofsted SIF inspection 2014", "Ofsted ILACS inspection 2019", "declined"),
                   ("Ofsted ILACS inspection 2019", "Ofsted ILACS inspection 2023", "unchanged")]
    assert rows[1]["quote"] == "The 2023 judgement was that services requires improvement."
    assert rows[1]["later_when"] == "2023-07"


def test_judgements_not_improved_none(store):
    g = GraphBuilder(A)
    auth = g.authority_node()
    for year, judgement in [(2014, "inadequate"), (2018, "requires improvement"), (2022, "good")]:
        i = g.inspection(f"Ofsted inspection {year}", year, judgement=judgement)
        g.edge("INSPECTED", i, auth)
    g.write(store)
    h = GraphBuilder(B)
    i = h.inspection("Ofsted inspection 2020", 2020, judgement="good")
    h.edge("INSPECTED", i, h.authority_node())
    h.write(store)
    assert gap(store, "judgements-not-improved") == []


# --- 10. single points of failure ------------------------------------------------

def test_single_points_of_failure_found(store):
    g = GraphBuilder(A)
    dcs = g.role("Director of Children's Services")
    for b in ["Improvement Board", "Front Door", "Edge of Care"]:
        g.edge("RESPONSIBLE_FOR", dcs, g.body(b, kind="service"))
    g.edge("CHAIRS", dcs, g.body("Practice Panel"))
    g.edge("RESPONSIBLE_FOR", dcs, g.plan("Improvement Plan"))
    cm = g.role("Cabinet Member")
    g.edge("CHAIRS", cm, g.body("Corporate Parenting Board"))
    g.write(store)
    rows = gap(store, "single-points-of-failure")
    assert {r["holder"] for r in rows} == {"Director of Children's Services"}
    assert len(rows) == 5 and all(r["count"] == 5 for r in rows)
    assert gap(store, "single-points-of-failure", threshold=5) == []
    assert len(gap(store, "single-points-of-failure", threshold=0)) == 6


def test_single_points_of_failure_none(store):
    g = GraphBuilder(A)
    for i, role in enumerate(["Director", "Assistant Director", "Head of Service"]):
        r = g.role(role)
        g.edge("CHAIRS", r, g.body(f"Board {i}"))
        g.edge("RESPONSIBLE_FOR", r, g.plan(f"Plan {i}"))
        g.edge("RESPONSIBLE_FOR", r, g.body(f"Service {i}"), negated=True)
    g.write(store)
    assert gap(store, "single-points-of-failure") == []


@pytest.mark.parametrize("name", [q.name for q in list_queries() if q.kind == "gap"])
def test_gap_queries_run_on_an_empty_graph(store, name):
    GraphBuilder(A).write(store)  # only a Document: FalkorDB needs the graph to exist
    assert gap(store, name) == []


def test_mixed_graph_has_every_gap(store):
    from .graphs import mixed_graph

    mixed_graph().write(store)
    node_ids = {i for (i,) in store.query("MATCH (n) RETURN n.id").rows}
    for q in list_queries():
        if q.kind == "gap":
            params = {"since": "2023-01-01"} if "since" in q.params else {}
            rows = gap(store, q.name, **params)
            assert rows, q.name
            # every finding names a real node, and its other end (if any) is one too
            assert all(r["node_id"] in node_ids for r in rows), q.name
            assert all(r["related_id"] is None or r["related_id"] in node_ids for r in rows), q.name
