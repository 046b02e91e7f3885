"""Word (.docx) minutes through `load`: same graph as the text, explicit page breaks as pages."""
from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from typer.testing import CliRunner

from govgraph.cli import app
from govgraph.loaders.pipeline import extract_input
from govgraph.loaders.reading import read_path
from govgraph.loaders.source import LoadError

from .conftest import SAMPLES
from .test_pdf import find, graph_sets, overrides, sample, words

runner = CliRunner()
SAMPLE_FILES = sorted(SAMPLES.glob("seed_*.txt"))
HEADER = "Exampleshire County Council - Corporate Parenting Board"
FOOTER = "OFFICIAL - printed copy uncontrolled"


def make_docx(path: Path, text: str, *, breaks_every: int = 0) -> list[tuple[str, int]]:
    """Write ``text`` as a .docx with a running header/footer; returns (opening, page) after each break."""
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = HEADER
    section.footer.paragraphs[0].text = FOOTER
    starts: list[tuple[str, int]] = []
    page, filled = 1, 0
    for para in text.split("\n"):
        if breaks_every and para.strip() and filled and filled % breaks_every == 0:
            page += 1
            if page % 2:
                d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # a page-break run
            else:
                pass  # the next paragraph gets "page break before"
            starts.append((para.strip()[:40], page))
            p = d.add_paragraph(para)
            if not page % 2:
                p.paragraph_format.page_break_before = True
        else:
            d.add_paragraph(para)
        if para.strip():
            filled += 1
    d.core_properties.title = "Minutes"
    d.save(str(path))
    return starts


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_a_docx_gives_the_same_text_and_graph_as_the_same_minutes_as_text(path, tmp_path):
    body, fields = sample(path)
    txt, word = tmp_path / "minutes.txt", tmp_path / "minutes.docx"
    txt.write_text(body, encoding="utf-8")
    forced = make_docx(word, body, breaks_every=10)
    src = read_path(word, **overrides(fields))
    assert words(src.text) == words(body)
    assert HEADER not in src.text and FOOTER not in src.text
    assert len(src.page_starts) == len(forced) + 1 and src.page_starts[0] == 0
    for opening, page in forced:
        assert src.page_at(find(src.text, opening)) == page
    text_doc = extract_input(str(txt), **overrides(fields))
    word_doc = extract_input(str(word), **overrides(fields))
    assert graph_sets(word_doc) == graph_sets(text_doc)
    for item in [*word_doc.nodes, *word_doc.edges]:
        for ev in item.evidence:
            assert src.text[ev.start:ev.end] == ev.quote
            assert ev.page is not None and 1 <= ev.page <= len(src.page_starts)


def test_a_docx_without_page_breaks_has_no_pages(tmp_path):
    body, fields = sample(SAMPLE_FILES[2])
    word = tmp_path / "minutes.docx"
    make_docx(word, body)
    src = read_path(word)
    assert src.page_starts == [] and src.page_at(10) is None
    assert src.title == "Minutes"


def test_tables_are_read_row_by_row_in_document_order(tmp_path):
    d = docx.Document()
    d.add_paragraph("Corporate Parenting Board - 15 January 2025")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Present:"
    table.cell(0, 1).text = "Councillor Anna Smith (Chair) and Councillor Ben Jones"
    table.cell(1, 0).text = "Apologies:"
    table.cell(1, 1).text = "Councillor Carol Brown"
    d.add_paragraph("The Director of Children's Services presented the report to the Board.")
    word = tmp_path / "t.docx"
    d.save(str(word))
    text = read_path(word).text
    assert re.search(r"January 2025\nPresent:\tCouncillor Anna Smith \(Chair\) and Councillor Ben Jones\n"
                     r"Apologies:\tCouncillor Carol Brown\n+The Director", text), text


def test_a_broken_or_empty_docx_gives_one_clear_line(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(LoadError, match=r"broken\.docx: not a readable Word \.docx file"):
        read_path(broken)
    empty = tmp_path / "empty.docx"
    docx.Document().save(str(empty))
    with pytest.raises(LoadError, match=r"empty\.docx: Word document has no text"):
        read_path(empty)
    res = runner.invoke(app, ["--db", str(tmp_path / "g.db"), "load", str(broken)])
    assert res.exit_code == 1 and "not a readable Word .docx file" in " ".join(res.stderr.split())
