"""Node recognition rules (loaders/mentions.py, loaders/inspections.py): each rule fires on a sentence of our
own and stays quiet on a near miss."""
from __future__ import annotations

from govgraph.loaders.extract import extract
from govgraph.loaders.mentions import anchored_finditer, names_before_verbs, PLAN_ANCHOR, PLAN_RE
from govgraph.loaders.source import SourceText


def nodes(body: str, council: str = "Midshire County Council"):
    doc = extract(SourceText(text=f"COUNCIL: {council}\n---\n{body}\n", source="test"))
    return {(n.label.value if hasattr(n.label, "value") else n.label, n.name) for n in doc.nodes}


def names(body: str, label: str):
    return {n for lab, n in nodes(body) if lab == label}


# ---- a person's name written into a role phrase
def test_name_before_role_is_split_off():
    got = nodes("The Panel welcomed Robin Ashcombe, Quality Assurance Manager, to the meeting.")
    assert ("Person", "Robin Ashcombe") in got
    assert ("Role", "Quality Assurance Manager") in got
    assert not any("Robin" in n for lab, n in got if lab == "Role")


def test_name_then_bracketed_role_with_organisation():
    got = nodes("The Panel welcomed Robin Ashcombe (Senior Practice Manager Ofsted) to the meeting.")
    assert ("Person", "Robin Ashcombe") in got
    assert ("Role", "Senior Practice Manager") in got


def test_title_before_name_is_split_off():
    got = nodes("Commissioner Harriet Pellow presented the report.")
    assert ("Person", "Harriet Pellow") in got
    assert not any("Pellow" in n for lab, n in got if lab == "Role")


def test_place_after_role_is_not_a_person():
    # "Executive Officer, North Midshire": the place after the comma is part of the title, not a name
    got = nodes("The Executive Officer, North Midshire attended.")
    assert ("Person", "North Midshire") not in got


# ---- contact / action lines
def test_action_and_contact_lines_name_people():
    assert "Priya Dunmore" in names("ACTION:\u00a0\u00a0 Priya Dunmore", "Person")
    got = names("Contact: Alan Fairweather/Beth Okonjo  Scrutiny Officers", "Person")
    assert {"Alan Fairweather", "Beth Okonjo"} <= got
    assert "Tel" not in " ".join(names("Contact: Alan Fairweather Tel 01234 567890", "Person"))


def test_action_heading_without_a_name():
    assert not names("ACTION: Democratic Services to circulate the slides.", "Person")


# ---- possessive owner only when the whole word before 's is the organisation
def test_abbreviation_before_possessive_title_is_not_an_owner():
    got = nodes("The Panel welcomed Dana Whitlock, LGA Children’s Improvement Adviser, to the meeting.")
    assert ("Person", "Dana Whitlock") in got


# ---- inspection dates written further from the noun
def test_inspection_year_from_bracket_and_day_range():
    assert any(n.endswith("2021") for n in names("The Panel noted the Ofsted Focused Visit (March 2021) letter.", "Inspection"))
    assert any(n.endswith("2021") for n in names("Ofsted carried out a monitoring visit on 3 to 4 March 2021.", "Inspection"))


def test_inspection_year_further_away_but_not_another_event():
    got = names("Ofsted carried out an inspection of the Midshire Fostering Agency in May 2022.", "Inspection")
    assert any(n.endswith("2022") for n in got)
    got = names("The Ofsted inspection report will be published on the website on 3 June 2022.", "Inspection")
    assert not any(n.endswith("2022") for n in got)


# ---- speed helpers give the same matches as a plain scan
def test_anchored_scan_equals_full_scan():
    text = ("The SEND Improvement Plan and the care plan were noted. Our Written Statement of Action and the "
            "Children's Services Improvement Plan for Midshire were discussed; the plan was agreed.")
    assert [m.span() for m in anchored_finditer(PLAN_RE, PLAN_ANCHOR, text)] == [m.span() for m in PLAN_RE.finditer(text)]


def test_names_before_verbs():
    text = "Jane Roe and Tom Brown presented the report. The report was noted. Members agreed."
    assert [m.group(1) for m in names_before_verbs(text)] == ["Jane Roe and Tom Brown"]


# ---- phrase clean-up
def test_agenda_reference_is_not_part_of_a_body_name():
    got = names("Meeting: 12/01/2023 - Adult Social Care Committee (Item 12)\nThe Adult Social Care Committee (Item 12) met.", "Body")
    assert not any("Item" in n for n in got)
    assert "Adult Social Care Committee" in got


def test_bracketed_qualifier_stays_in_a_role():
    assert "Media and Communications Manager (Strategic)" in names(
        "The Media and Communications Manager (Strategic) presented the report.", "Role")


def test_no_dangling_connector_at_the_end_of_a_role():
    got = names("The Joint Director of Adult Services for Northshire and\nSouthshire attended.", "Role")
    assert not any(n.endswith(" and") for n in got)


def test_portfolio_is_not_an_organisation():
    got = nodes("The Cabinet Member for Children, Young People and Public Health introduced the item.")
    assert ("Role", "Cabinet Member for Children, Young People and Public Health") in got
    assert ("Organisation", "Public Health") not in got
    # the organisation itself still counts when it acts
    assert ("Organisation", "Public Health") in nodes("Public Health had commissioned the survey.")


# ---- bodies written with a lower-case head or a number
def test_capitalised_unit_with_lower_case_team():
    assert "Family Support team" in names("The Family Support team had visited every school.", "Body")
    assert not any("team" in n for n in names("The Ofsted team had visited every school.", "Body"))


def test_numbered_working_groups():
    got = names("The groups were:\nWorking Group 1 – Early Help\nWorking Group 2 – Transport and Travel\n", "Body")
    assert {"Working Group 1 – Early Help", "Working Group 2 – Transport and Travel"} <= got
    assert not names("Working Group meetings were held twice.", "Body") & {"Working Group 1"}


# ---- a role written after a claimed name ("Name  Role", "Cllr Name, Role and Role", "Name (Role, Role)")
def test_role_after_a_name_is_read_on_its_own():
    got = nodes("Contact: Morwenna Tregear  Principal Democratic Services Officer\n"
                "Councillor Trelawny, Deputy Leader and Cabinet Member, introduced the item.\n"
                "Apologies were received from Jory Pascoe (Parent Governor, Voting Co-opted Member).")
    roles = {n for lab, n in got if lab == "Role"}
    assert {"Principal Democratic Services Officer", "Deputy Leader", "Parent Governor", "Voting Co-opted Member"} <= roles
    assert not any("Pascoe" in r or "Tregear" in r for r in roles)


def test_trailing_contact_word_is_not_part_of_a_role():
    got = names("Contact: Morwenna Tregear, Scrutiny Advisor Tel: 01234 567890", "Role")
    assert "Scrutiny Advisor" in got and not any("Tel" in r for r in got)


# ---- a role head after descriptive words, then of/for
def test_descriptive_words_before_role_head():
    got = names("Kerensa Hale, Designated Medical Officer for SEND, attended.", "Role")
    assert "Designated Medical Officer for SEND" in got
    # a body head before the role word is a body title, not a role
    assert not names("The Safeguarding Board Member of staff attended.", "Role") & {"Safeguarding Board Member of staff"}


def test_lower_case_cabinet_member():
    assert "Cabinet member for Early Years" in names("Councillor Jory Pascoe, Cabinet member for Early Years, spoke.", "Role")
    assert not any(n.startswith("Cabinet member") for n in names("The Cabinet members met.", "Role"))


# ---- organisations and bodies named inside a role title
def test_organisation_inside_role_title():
    got = nodes("The Chief Executive of Westmoor Children's Trust presented the report. The Trust had improved.")
    assert ("Organisation", "Westmoor Children's Trust") in got
    assert ("Role", "Chief Executive of Westmoor Children's Trust") in got
    assert ("Body", "Trust") not in got
    got = nodes("Ann Bray, Head Teacher for Carrow Community School, attended.")
    assert ("Organisation", "Carrow Community School") in got
    assert ("Role", "Head Teacher for Carrow Community School") in got


def test_local_childrens_trust_is_a_partnership_body():
    got = nodes("Mrs Bray declared an interest as Chairman of the Carrow Local Children's Trust.")
    assert ("Body", "Carrow Local Children's Trust") in got
    assert ("Organisation", "Carrow Local Children's Trust") not in got


# ---- sub-bodies
def test_capitalised_name_with_lower_case_sub_group():
    got = names("Members discussed the Early Years and Childcare sub-group of the Health and Wellbeing Board.", "Body")
    assert "Early Years and Childcare sub-group" in got
    assert not any("sub-group" in n for n in names("The sub-group had not met.", "Body"))


def test_working_group_of_a_named_committee_is_split():
    doc = extract(SourceText(text="COUNCIL: Midshire County Council\n---\nRESOLVED that a Working Group of the "
                                  "Adults Overview and Scrutiny Committee be established.\n", source="t"))
    by_name = {n.name: n for n in doc.nodes}
    assert "Working Group" in by_name and "Adults Overview and Scrutiny Committee" in by_name
    assert any(e.type == "PART_OF" and e.source == by_name["Working Group"].id
               and e.target == by_name["Adults Overview and Scrutiny Committee"].id for e in doc.edges)
    # a plain committee name is not split
    assert "Adults Overview and Scrutiny Committee" in names("The Adults Overview and Scrutiny Committee met.", "Body")


def test_bare_generic_body_is_left_out():
    got = names("The Service had improved. The Agency staff left. The Hub was busy.", "Body")
    assert not got & {"Service", "Agency", "Hub"}
    assert "Family Support Service" in names("The Family Support Service had improved.", "Body")


def test_singular_and_plural_service_are_one_body():
    got = names("Children and Families Services had improved. The Children and Families Service agreed.", "Body")
    assert len([n for n in got if n.startswith("Children and Families Service")]) == 1


# ---- inspections
def insp_names(body: str):
    return names(body, "Inspection")


def test_send_area_inspection_is_joint_ofsted_and_cqc():
    got = insp_names("The Local Area SEND Inspection by Ofsted took place in March 2019.")
    assert got == {"Ofsted and CQC SEND area inspection 2019"}
    assert insp_names("Ofsted carried out an inspection of children's services in March 2019.") == {"Ofsted inspection 2019"}


def test_yearless_generic_mention_joins_the_one_inspection():
    got = insp_names("The Joint Targeted Area Inspection by Ofsted looked at neglect. Members asked about the "
                     "inspection and Ofsted's inspection findings.")
    assert got == {"Ofsted JTAI"}


def test_inspection_due_to_take_place_is_not_a_node():
    assert not insp_names("The contract would be reviewed after the Ofsted inspection due to take place in the autumn.")
    assert insp_names("The Ofsted inspection took place in June 2021.") == {"Ofsted inspection 2021"}
