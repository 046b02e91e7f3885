"""General forms that replace memorised strings, and naming/numbering/date styles of other councils.
Each rule: one sentence that must fire and one that must not (our own text, not corpus text)."""
from __future__ import annotations

from govgraph.loaders.extract import find_authority
from govgraph.loaders.header import iso_date
from govgraph.loaders.lexicon import lexicon, typo_variants
from govgraph.loaders.mentions import Finder
from govgraph.loaders.segment import find_items

from .extraction import run


# --- typo-tolerant inspectorate name (replaces three typos copied from dev files) -------------------------
def test_ofsted_keying_slips_are_generated_not_listed():
    v = typo_variants("ofsted")
    for slip in ("Oftsed", "OSTED", "OFsted", "Ofsetd", "Ofsted"):
        assert slip in v
    assert "Posted" not in v and "Offset" not in v and "fsted".capitalize() not in v  # first letter kept
    assert typo_variants("CQC") == []  # short names: a slip would be another word


def test_misspelt_ofsted_is_the_inspectorate():
    _, names, _ = run("The Panel noted that Ofsetd had visited the service in March 2023.\n")
    assert ("Organisation", "Ofsted") in names


def test_ordinary_word_is_not_ofsted():
    _, names, _ = run("The minutes were Posted online and the Offset figures noted.\n")
    assert ("Organisation", "Ofsted") not in names


# --- head-teacher associations (replaces the bare head "Heads", seen in one file) ----------------------------
def test_heads_association_is_an_organisation():
    lex_heads = lexicon().org_heads
    assert "Heads" not in lex_heads
    _, names, _ = run("Jane Roe, Chair of the Northshire Primary Heads, attended the Panel.\n")
    assert ("Organisation", "Northshire Primary Heads") in names


def test_service_heads_is_not_an_organisation():
    _, names, _ = run("The Service Heads attended the Panel.\n")
    assert not any(label == "Organisation" and "Heads" in n for label, n in names)


# --- authority naming: Welsh county boroughs, "City of X Council", royal/london boroughs ------------------------
def test_county_borough_and_city_of_councils_are_found():
    assert find_authority("Minutes of Bridgend County Borough Council. The Cabinet met.") == "Bridgend County Borough Council"
    assert find_authority("A meeting of City of York Council was held.") == "City of York Council"
    assert find_authority("Minutes of Wakefield Metropolitan District Council.") == "Wakefield Metropolitan District Council"


def test_no_authority_in_plain_prose():
    assert find_authority("The council met in the city and the county.") is None


def test_same_authority_ignores_the_type_words_only():
    assert Finder.same_authority("London Borough of Barnet", "Barnet Council")
    assert Finder.same_authority("Bridgend County Borough Council", "Bridgend Council")
    assert not Finder.same_authority("Barnet Council", "Enfield Council")
    assert not Finder.same_authority("City Council", "County Council")


def test_county_borough_short_name():
    assert Finder.short_place("Bridgend County Borough Council") == "Bridgend"
    assert Finder.short_place("City of York Council") == "York"
    assert Finder.short_place("Bridgend") is None


# --- Chairperson / attendance headings ---------------------------------------------------------------------------
def test_chairperson_in_present_list_chairs():
    body = ("Corporate Parenting Board - Monday, 1st June, 2020 2.00 pm\n\n"
            "Councillors present: Mrs A B Jones (Chairperson), Mr C Brown (Vice-Chairperson) and Ms D Green\n\n1.\n\nApologies\n\nNone.\n")
    _, _, edges = run(body)
    assert ("CHAIRS", "A B Jones", "Corporate Parenting Board", False) in edges
    assert ("MEMBER_OF", "D Green", "Corporate Parenting Board", False) in edges
    assert ("CHAIRS", "C Brown", "Corporate Parenting Board", False) not in edges


def test_presented_is_not_an_attendance_heading():
    body = ("Corporate Parenting Board - Monday, 1st June, 2020 2.00 pm\n\n"
            "Councillors presented the report of Mr C Brown and Ms D Green\n")
    _, _, edges = run(body)
    assert not any(t == "MEMBER_OF" for t, *_ in edges)


def test_attendees_line_gives_membership():
    body = ("Corporate Parenting Board - Monday, 1st June, 2020 2.00 pm\n\n"
            "Attendees: Mrs A B Jones, Mr C Brown and Ms D Green\n\n1.\n\nApologies\n\nNone.\n")
    _, _, edges = run(body)
    assert ("MEMBER_OF", "D Green", "Corporate Parenting Board", False) in edges


# --- dates ------------------------------------------------------------------------------------------------------------
def test_date_styles():
    assert iso_date("12th January 2024") == "2024-01-12"
    assert iso_date("January 12, 2024") == "2024-01-12"
    assert iso_date("Jan 12 2024") == "2024-01-12"
    assert iso_date("12/01/2024") == "2024-01-12"
    assert iso_date("12.01.2024") == "2024-01-12"
    assert iso_date("12-01-2024") == "2024-01-12"


def test_not_dates():
    assert iso_date("13/13/2024") is None
    assert iso_date("Item 12, 2024 budget") is None
    assert iso_date("12/01-2024") is None


# --- minute numbering ---------------------------------------------------------------------------------------------------
def test_minute_reference_numbering():
    text = "Minute 12 Apologies\nNone.\nCPB/23/13 Ofsted Update\nThe Board noted.\nMinute No. 14: Any Other Business\n"
    items = find_items(text, 0)
    assert [(i.number, i.title) for i in items] == [("12", "Apologies"), ("13", "Ofsted Update"), ("14", "Any Other Business")]


def test_minute_mentioned_in_prose_is_not_an_item():
    text = "Minute 12 of the last meeting was agreed.\nThe Board noted the update.\n"
    assert find_items(text, 0) == []


# --- judgment spelling, Welsh inspectorates, ampersand abbreviations --------------------------------------------------
def test_judgment_spelling_sets_the_judgement():
    _, names, _ = run("The Ofsted inspection in May 2023 gave an overall judgment of inadequate.\n")
    insp = [n for (label, _), n in names.items() if label == "Inspection"]
    assert insp and insp[0].properties.get("judgement") == "inadequate"


def test_judgment_without_inspection_makes_none():
    _, names, _ = run("The Panel used its judgment and rated the item as good.\n")
    assert not any(label == "Inspection" for label, _ in names)


def test_welsh_inspectorate_conducts():
    _, names, edges = run("Estyn inspected the local authority education services in March 2023.\n")
    assert ("Organisation", "Estyn") in names
    assert any(t == "CONDUCTED_BY" and g == "Estyn" for t, _, g, _ in edges)


def test_ampersand_abbreviation_in_body_name():
    _, names, _ = run("The report went to the Children and Families H&S Committee for comment.\n")
    assert any(label == "Body" and "H&S Committee" in n for label, n in names)
    _, names, _ = run("The report went to A&E colleagues.\n")
    assert not any(label == "Body" for label, _ in names)


def test_inspected_after_a_non_inspectorate_is_not_an_inspection():
    _, names, _ = run("The officers inspected the case files in March 2023.\n")
    assert not any(label == "Inspection" for label, _ in names)


def test_american_spelling_of_reporting_verbs_names_the_speaker():
    _, names, _ = run("Jane Roe summarized the findings for the Panel.\n")
    assert ("Person", "Jane Roe") in names
    _, names, _ = run("Summarized Findings were circulated.\n")
    assert not any(label == "Person" for label, _ in names)


def test_ampersand_abbreviation_joins_the_body_named_in_full():
    _, names, _ = run("The Children Overview and Scrutiny Panel met. The report went to the Children O&S Panel.\n")
    bodies = [n for label, n in names if label == "Body"]
    assert bodies == ["Children Overview and Scrutiny Panel"]
    # different words behind the letters: two bodies
    _, names, _ = run("The Children Overview and Scrutiny Panel met. The report went to the Adults O&S Panel.\n")
    assert len([n for label, n in names if label == "Body"]) == 2


def test_member_of_a_committee_names_the_committee_not_a_body_called_member():
    _, names, _ = run("Jane Roe, Member of the Children Policy and Scrutiny Committee, attended.\n")
    assert ("Body", "Children Policy and Scrutiny Committee") in names
    assert not any(label == "Body" and n.startswith("Member") for label, n in names)
