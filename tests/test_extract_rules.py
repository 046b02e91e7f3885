"""One behaviour per test, on short sentences of our own (not corpus text)."""
from __future__ import annotations

from govgraph.loaders.header import iso_date, parse_header
from govgraph.loaders.ids import node_id, slug

from .extraction import run


def test_header_names_the_authority_and_date():
    doc, names, _ = run("The Panel met.\n")
    assert doc.document.authority == "Exampleshire County Council"
    assert doc.document.date == "2020-03-04"
    assert ("Authority", "Exampleshire County Council") in names


def test_text_without_header_finds_authority_in_text():
    doc, names, _ = run("Minutes of Westshire County Council. The Cabinet met.\n", header="")
    assert doc.document.authority == "Westshire County Council"


def test_text_without_any_authority_does_not_crash():
    doc, _, _ = run("Nothing to see here.\n", header="")
    assert doc.document.authority


def test_unknown_date_is_not_invented():
    assert parse_header("COUNCIL: X Council\nDATE: unknown\n---\n").date is None
    assert iso_date("16 May 2018") == "2018-05-16"


def test_abbreviation_defined_in_brackets_becomes_alias():
    _, names, _ = run("The Corporate Parenting Board (CPB) met. The CPB agreed.\n")
    assert "CPB" in names[("Body", "Corporate Parenting Board")].aliases


def test_person_name_drops_honorific():
    _, names, _ = run("Councillor Jane Smith, Cabinet Member for Children, presented the report to the Panel.\n")
    assert ("Person", "Jane Smith") in names


def test_person_beside_role_holds_it():
    _, _, edges = run("Councillor Jane Smith, Cabinet Member for Children, presented the report.\n")
    assert ("HOLDS", "Jane Smith", "Cabinet Member for Children", False) in edges


def test_presenting_to_a_body_is_reports_to():
    _, _, edges = run("The Director of Children's Services presented a report to the Corporate Parenting Board.\n")
    assert ("REPORTS_TO", "Director of Children's Services", "Corporate Parenting Board", False) in edges


def test_denied_scrutiny_is_negated_and_targets_the_authority():
    _, _, edges = run("The Corporate Parenting Board was not allowed to undertake scrutiny.\n")
    assert ("SCRUTINISES", "Corporate Parenting Board", "Exampleshire County Council", True) in edges


def test_invitation_to_join_is_not_membership():
    _, _, edges = run("The Leader would invite the Director of Education to join the Improvement Board.\n")
    assert not any(e[0] == "MEMBER_OF" for e in edges)


def test_sitting_on_a_board_is_membership():
    _, _, edges = run("The District Council Representatives sit on the Corporate Parenting Board.\n")
    assert ("MEMBER_OF", "District Council Representatives", "Corporate Parenting Board", False) in edges


def test_chair_of_a_named_body_chairs_it():
    _, _, edges = run("The Chairman of the Safeguarding Children Board attended.\n")
    assert ("CHAIRS", "Chairman of the Safeguarding Children Board", "Safeguarding Children Board", False) in edges


def test_inspection_with_year_inspectorate_and_authority():
    _, names, edges = run("The Council had last been inspected by Ofsted in 2010.\n")
    assert ("Inspection", "Ofsted inspection 2010") in names
    assert ("CONDUCTED_BY", "Ofsted inspection 2010", "Ofsted", False) in edges
    assert ("INSPECTED", "Ofsted inspection 2010", "Exampleshire County Council", False) in edges


def test_planned_inspection_creates_no_inspection():
    _, names, _ = run("The Authority would be inspected again within 2 years.\n")
    assert not any(label == "Inspection" for label, _ in names)


def test_judgement_is_normalised():
    _, names, _ = run("The Ofsted inspection in 2019 judged services to be Inadequate overall.\n")
    assert names[("Inspection", "Ofsted inspection 2019")].properties["judgement"] == "inadequate"


def test_recommendations_listed_as_bullets_are_made_by_the_inspection():
    body = ("In May 2022 Ofsted inspected the Council. Ofsted made three recommendations. These were:\n"
            "· Timeliness of assessments.\n· Quality of supervision.\n· Management oversight of plans.\n\nNext item.\n")
    _, names, edges = run(body)
    recs = [n for (label, _), n in names.items() if label == "Recommendation"]
    assert len(recs) == 3
    assert all(("MADE", "Ofsted inspection 2022", r.name, False) in edges for r in recs)
    assert not any(e[0] == "RESPONSIBLE_FOR" and e[2] in {r.name for r in recs} for e in edges)


def test_themes_match_across_wording():
    body = ("Ofsted made two recommendations in 2021. These were:\n· Management oversight.\n"
            "· The capacity and impact of supervision and management oversight.\n\nEnd.\n")
    _, names, _ = run(body)
    recs = [n for (label, _), n in names.items() if label == "Recommendation"]
    assert all("management oversight" in r.properties["themes"] for r in recs)


def test_body_that_has_not_met_records_since_when():
    _, names, edges = run("The Health and Wellbeing Board had set up a sub-committee for Children's Services, "
                          "which had not met since June 2015.\n")
    sub = names[("Body", "sub-committee for Children's Services")]
    assert sub.properties["not_met_since"] == "2015-06"
    assert ("PART_OF", "sub-committee for Children's Services", "Health and Wellbeing Board", False) in edges


def test_ids_are_scoped_by_authority_except_organisations():
    assert node_id("Role", "Chief Executive", "A Council") != node_id("Role", "Chief Executive", "B Council")
    assert node_id("Organisation", "Ofsted") == "organisation:ofsted"
    assert slug("Children’s Services") == "childrens-services"


def test_present_list_gives_membership_and_chair():
    body = ("Corporate Parenting Board - Monday, 1st June, 2020 2.00 pm\n\n"
            "Present: Mrs A B Jones (Chairman), Mr C Brown and Ms D Green\n\n1.\n\nApologies\n\nNone.\n")
    _, names, edges = run(body)
    assert ("MEMBER_OF", "C Brown", "Corporate Parenting Board", False) in edges
    assert ("CHAIRS", "A B Jones", "Corporate Parenting Board", False) in edges
    assert any(label == "Meeting" for label, _ in names)
