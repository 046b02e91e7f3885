"""The seed minutes yield the facts the oversight-gap queries need (via general rules)."""
from __future__ import annotations

from pathlib import Path

import pytest

from govgraph.loaders.extract import extract
from govgraph.loaders.reading import read_path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def seed000():
    return extract(read_path(SAMPLES / "seed_000_worcestershire.txt"))


@pytest.fixture(scope="module")
def seed001():
    return extract(read_path(SAMPLES / "seed_001_barking-dagenham.txt"))


def _names(doc):
    return {n.id: n for n in doc.nodes}


def test_seed000_hwb_subcommittee_not_met_since(seed000):
    subs = [n for n in seed000.nodes if n.properties.get("not_met_since")]
    assert subs and subs[0].properties["not_met_since"] == "2015-06"
    ids = _names(seed000)
    assert any(e.type == "PART_OF" and e.source == subs[0].id and "Health and Well" in ids[e.target].name
               for e in seed000.edges)


def test_seed000_corporate_parenting_board_scrutiny_negated(seed000):
    ids = _names(seed000)
    assert any(e.type == "SCRUTINISES" and e.negated and ids[e.source].name == "Corporate Parenting Board"
               for e in seed000.edges)


def test_seed000_inspection_criticised_scrutiny_panel(seed000):
    ids = _names(seed000)
    assert any(e.type == "CRITICISED" and ids[e.source].label == "Inspection" and "Scrutiny Panel" in ids[e.target].name
               for e in seed000.edges)


def test_seed001_eight_recommendations_made_by_2023_inspection(seed001):
    ids = _names(seed001)
    insp = [n for n in seed001.nodes if n.label == "Inspection" and n.properties.get("year") == 2023]
    assert len(insp) == 1 and insp[0].properties.get("date") == "2023-07"
    made = {e.target for e in seed001.edges if e.type == "MADE" and e.source == insp[0].id
            and ids[e.target].label == "Recommendation"}
    assert len(made) == 8
    assert not any(e.type == "RESPONSIBLE_FOR" and e.target in made for e in seed001.edges)


def test_seed001_management_oversight_theme_across_three_inspections(seed001):
    ids = _names(seed001)
    years = set()
    for e in seed001.edges:
        tgt = ids[e.target]
        if e.type == "MADE" and "management oversight" in (tgt.properties.get("themes") or []):
            years.add(ids[e.source].properties.get("year"))
    assert {2014, 2019, 2023} <= years
