"""PDF minutes through `load`: same graph as the text, pages in the evidence, no running headers.

The PDFs are made here from the sample minutes with fpdf2 (a test
dependency), with a running header and a "Page N of M" footer on every page.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govgraph.cli import app
from govgraph.loaders.header import parse_header
from govgraph.loaders.pdf import is_page_number, strip_running_lines
from govgraph.loaders.pipeline import extract_input
from govgraph.loaders.reading import read_path
from govgraph.loaders.source import LoadError

from .conftest import SAMPLES

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (the test extra) makes the PDFs")

runner = CliRunner()
RUNNING_HEADER = "Exampleshire County Council - Minutes of the Children and Families Scrutiny Panel"
SAMPLE_FILES = sorted(SAMPLES.glob("seed_*.txt"))

_ASCII = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                        "\u2014": "-", "\u2026": "...", "\u00a0": " ", "\t": " ", "\u2022": "-"})


def sample(path: Path) -> tuple[str, dict[str, str]]:
    """The minutes of a sample (header removed) in what a core PDF font can print, and its header."""
    raw = path.read_text(encoding="utf-8")
    header = parse_header(raw)
    body = raw[header.body_start:].translate(_ASCII)
    body = body.encode("latin-1", "replace").decode("latin-1")
    body = "\n".join(line.rstrip() for line in body.split("\n"))
    return body, header.fields


def overrides(fields: dict[str, str]) -> dict[str, str | None]:
    return {"authority": fields.get("COUNCIL"), "date": parse_header_date(fields.get("DATE"))}


def parse_header_date(value: str | None) -> str | None:
    from govgraph.loaders.header import iso_date

    return iso_date(value)


def make_pdf(path: Path, text: str, *, breaks_every: int = 0) -> list[tuple[str, int]]:
    """Write ``text`` as a PDF; returns (opening words, page) of paragraphs that start a forced page."""
    class Minutes(fpdf.FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, RUNNING_HEADER, new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Minutes()
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    starts: list[tuple[str, int]] = []
    paragraphs = text.split("\n")
    filled = 0
    for para in paragraphs:
        if breaks_every and para.strip() and filled and filled % breaks_every == 0:
            pdf.add_page()
            starts.append((para.strip()[:40], pdf.page_no()))
        if para.strip():
            filled += 1
        pdf.multi_cell(0, 5, para if para.strip() else "", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return starts


def find(text: str, opening: str) -> int:
    """Offset of ``opening`` in ``text``, whatever the whitespace between its words."""
    m = re.search(r"\s+".join(re.escape(w) for w in opening.split()), text)
    assert m, opening
    return m.start()


def words(text: str) -> list[str]:
    return text.split()


def graph_sets(doc) -> tuple[set, set]:
    return ({(n.label.value, n.id) for n in doc.nodes},
            {(e.type.value, e.source, e.target, e.negated) for e in doc.edges})


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_a_pdf_gives_the_same_text_and_graph_as_the_same_minutes_as_text(path, tmp_path):
    body, fields = sample(path)
    txt, pdf = tmp_path / "minutes.txt", tmp_path / "minutes.pdf"
    txt.write_text(body, encoding="utf-8")
    forced = make_pdf(pdf, body, breaks_every=12)
    src = read_path(pdf, **overrides(fields))
    # the words are the text's words, in order: nothing lost, nothing added (no running header/footer)
    assert words(src.text) == words(body)
    assert RUNNING_HEADER not in src.text
    assert not re.search(r"Page \d+ of \d+", src.text)
    # pages: where they start, and which page a quote is on
    assert src.page_starts[0] == 0 and src.page_starts == sorted(src.page_starts)
    for opening, page in forced:
        assert src.page_at(find(src.text, opening)) == page
    text_doc = extract_input(str(txt), **overrides(fields))
    pdf_doc = extract_input(str(pdf), **overrides(fields))
    assert graph_sets(pdf_doc) == graph_sets(text_doc)
    pages = len(src.page_starts)
    for item in [*pdf_doc.nodes, *pdf_doc.edges]:
        for ev in item.evidence:
            assert src.text[ev.start:ev.end] == ev.quote
            assert ev.page is not None and 1 <= ev.page <= pages, (item, ev)


def test_pdf_pages_reach_the_store_evidence(falkordb_store, tmp_path):
    body, fields = sample(SAMPLE_FILES[0])
    pdf = tmp_path / "minutes.pdf"
    make_pdf(pdf, body, breaks_every=8)
    from govgraph.loaders.pipeline import load_inputs

    report = load_inputs(falkordb_store, [str(pdf)], **overrides(fields))
    assert not report.errors, report.errors
    rows = falkordb_store.query("MATCH (n) WHERE n.evidence_page IS NOT NULL RETURN n.evidence_page AS p").rows
    pages = {p for (ps,) in rows for p in ps}
    assert -1 not in pages  # every citation from a PDF names its page


def test_load_reads_pdf_files_in_a_folder(tmp_path):
    body, fields = sample(SAMPLE_FILES[1])
    (tmp_path / "in").mkdir()
    make_pdf(tmp_path / "in" / "minutes.pdf", body)
    res = runner.invoke(app, ["--db", str(tmp_path / "g.db"), "load", str(tmp_path / "in"),
                              "--authority", fields["COUNCIL"], "--format", "json"])
    assert res.exit_code == 0, res.output
    assert '"loaded": 1' in res.stdout


def _image_only_pdf(path: Path) -> None:
    from PIL import Image, ImageDraw

    img = Image.new("L", (600, 300), 255)
    ImageDraw.Draw(img).text((20, 20), "Minutes of the Corporate Parenting Board", fill=0)
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(img, x=10, y=10, w=180)
    pdf.output(str(path))


def test_a_scanned_pdf_gives_one_clear_line(tmp_path):
    scan = tmp_path / "scan.pdf"
    _image_only_pdf(scan)
    with pytest.raises(LoadError) as info:
        read_path(scan)
    assert str(info.value) == f"{scan}: PDF has no text layer (scanned?); OCR it first"
    res = runner.invoke(app, ["--db", str(tmp_path / "g.db"), "load", str(scan)])
    assert res.exit_code == 1
    assert "has no text layer (scanned?); OCR it first" in " ".join(res.stderr.split())


def test_a_pdf_of_blank_pages_and_a_broken_pdf_are_refused(tmp_path):
    blank = tmp_path / "blank.pdf"
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.add_page()
    pdf.output(str(blank))
    with pytest.raises(LoadError, match="no text layer"):
        read_path(blank)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n this is not really a pdf")
    with pytest.raises(LoadError, match=r"broken\.pdf: not a readable PDF|broken\.pdf: PDF has no pages"):
        read_path(broken)


def test_running_lines_are_dropped_only_at_the_edges():
    bodies = ["The Board welcomed the new Virtual School Head.", "Members asked about placement stability.",
              "The Chair thanked officers for the report."]
    pages = [["Exampleshire County Council", "", body, body.upper(),
              "Exampleshire County Council", f"Page {i} of 3"] for i, body in enumerate(bodies, 1)]
    pages[1].insert(3, "Exampleshire County Council")  # inside page 2's minutes: kept
    kept = strip_running_lines(pages)
    assert kept[0] == [bodies[0], bodies[0].upper()]
    assert kept[1] == [bodies[1], "Exampleshire County Council", bodies[1].upper()]
    assert all(not any(line.startswith("Page ") for line in p) for p in kept)


def test_a_lone_page_number_goes_even_on_a_one_page_pdf():
    assert strip_running_lines([["Minutes", "The Board met.", "- 1 -"]]) == [["Minutes", "The Board met."]]
    assert is_page_number("Page 3 of 12") and is_page_number("7") and is_page_number("iv")
    assert not is_page_number("10.1 The committee")
