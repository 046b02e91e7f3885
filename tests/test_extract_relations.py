"""Edge rule families (attendance lines, roles within organisations, reporting, scrutiny, plans):
for each, a sentence of our own that must fire and one that must not."""
from __future__ import annotations

from .extraction import run

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


# ---- scrutiny of plans
def test_body_considering_a_named_plan_scrutinises_it():
    _, _, edges = run(TITLE + "The Cabinet considered the Local Area Action Plan.\n")
    assert ("SCRUTINISES", "Cabinet", "Local Area Action Plan", False) in edges
    _, _, edges = run(TITLE + "The Cabinet considered the budget and the Director of Finance presented the Action Plan.\n")
    assert not any(e[0] == "SCRUTINISES" and e[2] == "Action Plan" for e in edges)


def test_plan_approved_by_an_inspectorate_is_scrutinised_by_it():
    _, _, edges = run(TITLE + "The Written Statement of Action was a required response to the inspection and was approved by Ofsted in May.\n")
    assert ("SCRUTINISES", "Ofsted", "Written Statement of Action", False) in edges
    _, _, edges = run(TITLE + "The Written Statement of Action was discussed and the report on libraries was approved by the Cabinet.\n")
    assert not any(e[0] == "SCRUTINISES" and e[2] == "Written Statement of Action" for e in edges)


def test_subject_to_monitoring_by_several_agents():
    _, _, edges = run(TITLE + "The delivery of the Improvement Plan would be subject to quarterly monitoring by DfE/NHS England.\n")
    assert ("SCRUTINISES", "Department for Education", "Improvement Plan", False) in edges
    assert ("SCRUTINISES", "NHS England", "Improvement Plan", False) in edges


def test_plan_sent_to_the_inspectorate_is_scrutinised_by_it_unless_only_required():
    _, _, edges = run(TITLE + "The Council has submitted the Improvement Plan to Ofsted, which has accepted it.\n")
    assert ("SCRUTINISES", "Ofsted", "Improvement Plan", False) in edges
    _, _, edges = run(TITLE + "The Improvement Plan needed to be signed and submitted to Ofsted within 70 days.\n")
    assert not any(e[0] == "SCRUTINISES" and e[1] == "Ofsted" for e in edges)


def test_reviewing_progress_without_object_scrutinises_the_authority():
    _, _, edges = run(TITLE + "The Department for Education would review progress in six months.\n")
    assert ("SCRUTINISES", "Department for Education", "Exampleshire County Council", False) in edges
    _, _, edges = run(TITLE + "Progress would be reviewed in six months.\n")
    assert not any(e[0] == "SCRUTINISES" for e in edges)


def test_questioning_named_officers_scrutinises_them_not_the_authority():
    _, _, edges = run(TITLE + "The Corporate Parenting Board was able to question the Director of Children's Services.\n")
    assert ("SCRUTINISES", "Corporate Parenting Board", "Director of Children's Services", False) in edges
    _, _, edges = run(TITLE + "The Corporate Parenting Board was able to question officers.\n")
    assert not any(e[0] == "SCRUTINISES" for e in edges)


# ---- responsibility
def test_plan_led_by_an_officer_is_their_responsibility():
    _, _, edges = run(TITLE + "The findings were placed into an Action Plan being led by the Assistant Director of Education.\n")
    assert ("RESPONSIBLE_FOR", "Assistant Director of Education", "Action Plan", False) in edges
    _, _, edges = run(TITLE + "The inspection was led by Ofsted and the Action Plan was discussed.\n")
    assert not any(e[0] == "RESPONSIBLE_FOR" for e in edges)


def test_accountable_to_a_board_for_delivery_of_plans():
    _, _, edges = run(TITLE + "The SEND Partnership Board was accountable to the Health and Wellbeing Board for delivery of the "
                      "SEND Improvement Plan and the Recovery Plan.\n")
    assert ("RESPONSIBLE_FOR", "SEND Partnership Board", "Recovery Plan", False) in edges
    assert ("RESPONSIBLE_FOR", "SEND Partnership Board", "SEND Improvement Plan", False) in edges
    assert not any(e[0] == "RESPONSIBLE_FOR" and e[1] == "Health and Wellbeing Board" for e in edges)


def test_required_to_produce_or_working_on_a_plan():
    _, _, edges = run(TITLE + "The Council was required to provide Ofsted with an Action Plan.\n")
    assert ("RESPONSIBLE_FOR", "Exampleshire County Council", "Action Plan", False) in edges
    _, _, edges = run(TITLE + "Children and Families Services had begun work on an Improvement Plan.\n")
    assert ("RESPONSIBLE_FOR", "Children and Families Services", "Improvement Plan", False) in edges
    _, _, edges = run(TITLE + "The Cabinet had begun work on the budget; the Improvement Plan was noted.\n")
    assert not any(e[0] == "RESPONSIBLE_FOR" for e in edges)


def test_council_possessive_unit_is_part_of_the_authority():
    _, _, edges = run(TITLE + "The Exampleshire County Council’s Senior Leadership Team met.\n")
    assert ("PART_OF", "Senior Leadership Team", "Exampleshire County Council", False) in edges
    _, _, edges = run(TITLE + "The Exampleshire County Council and the Senior Leadership Team met.\n")
    assert not any(e[0] == "PART_OF" for e in edges)


def test_post_appointed_by_an_organisation_is_part_of_it():
    _, _, edges = run(TITLE + "The Panel welcomed Jane Rowe (Intervention Adviser appointed by the Department for Education) to the meeting.\n")
    assert ("PART_OF", "Intervention Adviser", "Department for Education", False) in edges
    _, _, edges = run(TITLE + "The Intervention Adviser met the Department for Education in May.\n")
    assert not any(e[0] == "PART_OF" for e in edges)


def test_head_of_a_named_unit_is_part_of_it_but_a_director_title_is_not():
    _, _, edges = run(TITLE + "The Acting Headteacher of Westshire Virtual School presented the report on Westshire Virtual School.\n")
    assert ("PART_OF", "Acting Headteacher of Westshire Virtual School", "Westshire Virtual School", False) in edges
    _, _, edges = run(TITLE + "The Director of Westshire Fostering Service presented the report on Westshire Fostering Service.\n")
    assert not any(e[0] == "PART_OF" and e[1].startswith("Director") for e in edges)


def test_body_having_a_team_in_place():
    _, _, edges = run(TITLE + "The Fostering Directorate now had in place a talented Management Team.\n")
    assert ("PART_OF", "Management Team", "Fostering Directorate", False) in edges
    _, _, edges = run(TITLE + "The Fostering Directorate met the Management Team.\n")
    assert not any(e[0] == "PART_OF" for e in edges)


# ---- reporting in passive and agenda forms
def test_presentation_delivered_by_an_officer_reports_to_the_meeting():
    _, _, edges = run(TITLE + "This was followed by a presentation delivered by Ann Rowe, Head of Fostering.\n")
    assert ("REPORTS_TO", "Ann Rowe", "Westshire Fostering Panel", False) in edges
    _, _, edges = run(TITLE + "A presentation should be delivered by Ann Rowe, Head of Fostering, next year.\n")
    assert not any(e[0] == "REPORTS_TO" for e in edges)


def test_who_introduced_the_item_reports_to_the_meeting():
    _, _, edges = run(TITLE + "The Chairman welcomed Ann Rowe, Independent Chair of the Westshire Safeguarding Board, "
                      "who introduced the annual safeguarding review item.\n")
    assert ("REPORTS_TO", "Ann Rowe", "Westshire Fostering Panel", False) in edges
    _, _, edges = run(TITLE + "The Chairman welcomed Ann Rowe, Independent Chair of the Westshire Safeguarding Board.\n")
    assert not any(e[0] == "REPORTS_TO" for e in edges)


def test_introduced_and_summarised_the_report():
    _, _, edges = run(TITLE + "Councillor Ann Rowe introduced and summarised the report which is attached to the agenda.\n")
    assert ("REPORTS_TO", "Ann Rowe", "Westshire Fostering Panel", False) in edges


def test_body_that_considered_the_items_receives_reports_when_no_title():
    body = "Agenda item\n\nThe Cabinet considered the Local Area Action Plan.\nThe Director of Education introduced the report.\n"
    _, _, edges = run(body)
    assert ("REPORTS_TO", "Director of Education", "Cabinet", False) in edges
    _, _, edges = run("Agenda item\n\nThe Director of Education introduced the report.\n")
    assert not any(e[0] == "REPORTS_TO" for e in edges)


def test_reported_that_and_a_following_she_report_to_the_meeting():
    _, _, edges = run(TITLE + "The Head of Fostering reported that recruitment had improved.\n")
    assert ("REPORTS_TO", "Head of Fostering", "Westshire Fostering Panel", False) in edges
    _, _, edges = run(TITLE + "Councillor Ann Rowe presented the report. She informed members that caseloads had fallen.\n")
    assert ("REPORTS_TO", "Ann Rowe", "Westshire Fostering Panel", False) in edges
    _, _, edges = run(TITLE + "It was reported that the Head of Fostering had left. She informed members that caseloads had fallen.\n")
    assert not any(e[0] == "REPORTS_TO" for e in edges)


# ---- relation rules added in the relationship-recall round
def test_title_written_before_the_name_is_held():
    _, _, edges = run(TITLE + "Decisions made since January:\n\n- Commissioner Mary Ney\n- Commissioner Julie Kenny\n")
    assert ("HOLDS", "Mary Ney", "Commissioner", False) in edges
    assert ("HOLDS", "Julie Kenny", "Commissioner", False) in edges
    _, _, edges = run(TITLE + "The report of the Lead Commissioner was noted.\nAlan Pryce welcomed everyone.\n")
    assert not any(e[0] == "HOLDS" for e in edges)


def test_name_and_another_post_are_two_people():
    _, _, edges = run(TITLE + "Councillor Ann Rowe and the Director of Children's Services presented the report.\n")
    assert not any(e[0] == "HOLDS" and e[1] == "Ann Rowe" for e in edges)
    _, _, edges = run(TITLE + "Councillor Ann Rowe, Deputy Leader and Cabinet Member for Children, presented the report.\n")
    assert ("HOLDS", "Ann Rowe", "Cabinet Member for Children", False) in edges


def test_post_named_in_another_case_is_held():
    body = (TITLE + "The Cabinet Member for Children and Families introduced the item.\n"
            "Councillor Ann Rowe, Cabinet member for Children and Families, answered questions.\n")
    _, _, edges = run(body)
    assert ("HOLDS", "Ann Rowe", "Cabinet Member for Children and Families", False) in edges
    _, _, edges = run(TITLE + "The Cabinet Member for Children and Families introduced the item.\n"
                      "Councillor Ann Rowe, cabinet members for other areas and officers answered questions.\n")
    assert not any(e[0] == "HOLDS" and e[1] == "Ann Rowe" for e in edges)


def test_holder_of_a_chairing_post_chairs_the_body():
    body = ("Northvale Carers Board minutes – 2 May 2022\n\nThe Board received the annual report.\n"
            "Contributors: Alice Marlow, Independent Chair of the Board\n")
    _, _, edges = run(body)
    assert ("CHAIRS", "Alice Marlow", "Northvale Carers Board", False) in edges
    _, _, edges = run("Northvale Carers Board minutes – 2 May 2022\n\nThe Board received the annual report.\n"
                      "Alice Marlow, Head of Fostering, presented it.\n")
    assert not any(e[0] == "CHAIRS" and e[1] == "Alice Marlow" for e in edges)


def test_members_of_a_body_in_apposition_and_in_a_list():
    _, _, edges = run(TITLE + "The Chairman welcomed Councillor Ann Rowe and Ben Tarrant, members of the Leaving Care Working Group.\n")
    assert ("MEMBER_OF", "Ann Rowe", "Leaving Care Working Group", False) in edges
    assert ("MEMBER_OF", "Ben Tarrant", "Leaving Care Working Group", False) in edges
    _, _, edges = run(TITLE + "It was noted that the members of the Leaving Care Working Group were the Head of Fostering, "
                      "Councillor Ann Rowe and Ben Tarrant.\n")
    assert ("MEMBER_OF", "Ann Rowe", "Leaving Care Working Group", False) in edges
    _, _, edges = run(TITLE + "Councillor Ann Rowe asked whether the members of the Leaving Care Working Group could visit.\n")
    assert not any(e[0] == "MEMBER_OF" and e[2] == "Leaving Care Working Group" for e in edges)


def test_body_made_up_of_partners():
    _, _, edges = run(TITLE + "The Westshire Safeguarding Partnership was made up of three partners: the Council, the Police and NHS England.\n")
    assert ("MEMBER_OF", "NHS England", "Westshire Safeguarding Partnership", False) in edges
    assert ("MEMBER_OF", "Exampleshire County Council", "Westshire Safeguarding Partnership", False) in edges
    _, _, edges = run(TITLE + "The Westshire Safeguarding Partnership asked NHS England whether the plan was made up of new money.\n")
    assert not any(e[0] == "MEMBER_OF" for e in edges)


def test_substitute_and_replacement_members():
    _, _, edges = run(TITLE + "It was noted that Councillor Ann Rowe was substituting for Councillor Ben Tarrant.\n")
    assert ("MEMBER_OF", "Ann Rowe", "Westshire Fostering Panel", False) in edges
    assert ("MEMBER_OF", "Ben Tarrant", "Westshire Fostering Panel", False) in edges
    _, _, edges = run(TITLE + "The Panel noted that Councillor Ann Rowe has replaced Councillor Ben Tarrant as a member of the Panel.\n")
    assert ("MEMBER_OF", "Ann Rowe", "Westshire Fostering Panel", False) in edges
    _, _, edges = run(TITLE + "Councillor Ann Rowe said a substitute social worker for the family had been found.\n")
    assert not any(e[0] == "MEMBER_OF" for e in edges)


def test_inspection_of_a_named_service_and_who_led_it():
    _, _, edges = run(TITLE + "The Director presented the report on the Ofsted inspection of Children’s Services in March 2019.\n")
    assert any(e[0] == "INSPECTED" and e[2] == "Children’s Services" for e in edges)
    _, _, edges = run(TITLE + "In 2015 an LGA Peer Review, led by Westshire County Council's Director of Children's Services, took place.\n")
    assert any(e[0] == "CONDUCTED_BY" and e[2] == "Director of Children's Services" for e in edges)
    assert not any(e[0] == "CONDUCTED_BY" and e[2] == "Westshire County Council" for e in edges)
    _, _, edges = run(TITLE + "The Director presented the report on the recruitment of Children’s Services staff in March 2019.\n")
    assert not any(e[0] == "INSPECTED" for e in edges)


def test_lead_inspector_conducted_the_inspection():
    _, _, edges = run(TITLE + "The Ofsted inspection took place in May 2019 and the Lead Inspector praised the Fostering Service.\n")
    assert any(e[0] == "CONDUCTED_BY" and e[2] == "Lead Inspector" for e in edges)
    _, _, edges = run(TITLE + "The Lead Inspector for schools praised the Fostering Service.\n")
    assert not any(e[0] == "CONDUCTED_BY" for e in edges)


def test_nominations_to_sit_on_a_group_are_not_membership():
    _, _, edges = run(TITLE + "The Chairman advised that nominations to sit on the Leaving Care Working Group were sought.\n")
    assert not any(e[0] == "MEMBER_OF" for e in edges)
    _, _, edges = run(TITLE + "Councillor Ann Rowe sits on the Leaving Care Working Group.\n")
    assert ("MEMBER_OF", "Ann Rowe", "Leaving Care Working Group", False) in edges
