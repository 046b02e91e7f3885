"""Edge rule families (attendance lines, roles within organisations, reporting, scrutiny, plans):
for each, a sentence of our own that must fire and one that must not."""
from __future__ import annotations

from tests.test_extract_rules import run

TITLE = "Westshire Fostering Panel - Monday, 3 March 2020\n\n"


def test_attendance_heading_over_lines_gives_membership_and_chair():
    body = ("Northvale Carers Board minutes – 2 May 2022\n\nAttendance\n\n"
            "  • Alice Marlow, Head of Fostering, Exampleshire County Council, Chair of board\n"
            "  • Ben Tarrant, Designated Nurse, NHS Northvale\n\nApologies\n\n  • Carl Otley, Finance Lead\n")
    _, _, edges = run(body)
    assert ("MEMBER_OF", "Alice Marlow", "Northvale Carers Board", False) in edges
    assert ("MEMBER_OF", "Ben Tarrant", "Northvale Carers Board", False) in edges
    assert ("CHAIRS", "Alice Marlow", "Northvale Carers Board", False) in edges
    assert not any(e[0] == "MEMBER_OF" and e[1] == "Carl Otley" for e in edges)


def test_names_in_a_paragraph_are_not_an_attendance_list():
    _, _, edges = run(TITLE + "Alice Marlow and Ben Tarrant discussed attendance at schools.\n")
    assert not any(e[0] == "MEMBER_OF" for e in edges)


def test_role_beside_its_organisation_is_part_of():
    _, _, edges = run(TITLE + "Councillor Ben Tarrant, Director of Nursing, NHS England, presented the report.\n")
    assert ("PART_OF", "Director of Nursing", "NHS England", False) in edges


def test_role_and_organisation_in_a_list_are_not_part_of():
    _, _, edges = run(TITLE + "The Director of Nursing, NHS England and the Police were consulted.\n")
    assert not any(e[0] == "PART_OF" for e in edges)


def test_unit_named_after_its_parent_is_part_of():
    _, _, edges = run(TITLE + "The Leaving Care Service Management Team met the Leaving Care Service.\n")
    assert ("PART_OF", "Leaving Care Service Management Team", "Leaving Care Service", False) in edges


def test_informing_the_panel_reports_to_it():
    _, _, edges = run(TITLE + "The Director of Children's Services informed the Panel that caseloads had fallen.\n")
    assert ("REPORTS_TO", "Director of Children's Services", "Westshire Fostering Panel", False) in edges


def test_being_informed_is_not_reporting():
    _, _, edges = run(TITLE + "The Director of Children's Services was informed by the Panel that caseloads had fallen.\n")
    assert not any(e[0] == "REPORTS_TO" and e[1] == "Director of Children's Services" for e in edges)


def test_presenting_a_report_about_a_response_goes_to_the_meeting_not_ofsted():
    _, _, edges = run(TITLE + "The Director of Children's Services presented the report on the response to the Ofsted inspection.\n")
    assert ("REPORTS_TO", "Director of Children's Services", "Westshire Fostering Panel", False) in edges
    assert not any(e[0] == "REPORTS_TO" and e[2] == "Ofsted" for e in edges)


def test_agenda_to_meet_officers_to_receive_a_report():
    _, _, edges = run(TITLE + "The Panel to meet Councillor Ann Rowe, Cabinet Member for Children, to receive a report on adoption.\n")
    assert ("REPORTS_TO", "Ann Rowe", "Westshire Fostering Panel", False) in edges
    _, _, edges = run(TITLE + "The Panel agreed to meet Councillor Ann Rowe in June.\n")
    assert not any(e[0] == "REPORTS_TO" for e in edges)


def test_plan_near_an_inspection_addresses_it():
    _, _, edges = run(TITLE + "Ofsted inspected children's services in May 2019.\nThe Improvement Plan sets out the actions the Council will take.\n")
    assert any(e[0] == "ADDRESSES" and e[1] == "Improvement Plan" for e in edges)
    _, _, edges = run(TITLE + "The Improvement Plan sets out the budget for libraries.\n")
    assert not any(e[0] == "ADDRESSES" for e in edges)


def test_monitoring_visit_is_not_scrutiny():
    _, _, edges = run(TITLE + "The Director described the monitoring visit to the Panel.\n")
    assert not any(e[0] == "SCRUTINISES" for e in edges)


def test_considering_a_draft_plan_scrutinises_the_plan():
    _, _, edges = run(TITLE + "The Panel would consider the draft Action Plan before it was submitted to Ofsted.\n")
    assert ("SCRUTINISES", "Westshire Fostering Panel", "Action Plan", False) in edges
    assert not any(e[0] == "SCRUTINISES" and e[2] == "Ofsted" for e in edges)


def test_meeting_prefix_is_dropped_from_the_body():
    doc, names, _ = run("Additional Meeting, Westshire Fostering Panel - Monday, 3 March 2020\n\nThe Panel met.\n")
    assert doc.document.body == "Westshire Fostering Panel"
