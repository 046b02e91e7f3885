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
