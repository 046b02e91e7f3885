"""PDF minutes to a SourceText with pages, without the running headers and footers.

Text comes from pypdf's layout mode (it keeps the blank lines between
paragraphs); lines a paragraph was wrapped into are joined again, also across
a page break, so sentences read as in the original. ``page_starts`` records
where each page's text begins, so evidence can name its page.

Running headers and footers are lines at the top or bottom of a page that
repeat on most pages (digits ignored, so "Page 3 of 9" repeats), and lone
page numbers; they are dropped. A PDF without a text layer (a scan) is
refused with one line telling the user to OCR it.
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter
from pathlib import Path

from .source import LoadError, SourceText

EDGE_LINES = 3
"""How many non-empty lines at the top and at the bottom of a page may be running header/footer."""

_PAGE_NUMBER = re.compile(
    r"^\s*[-–—(\[]?\s*(?:page|p\.|pg\.?)?\s*\d{1,4}\s*(?:(?:of|/)\s*\d{1,4})?\s*[-–—)\]]?\s*$", re.I)
_ROMAN_PAGE = re.compile(r"^\s*[ivxlc]{1,6}\s*$", re.I)
_STARTS_BLOCK = re.compile(
    r"^\s*(?:[-•●▪◦*]\s|\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]?\s|\(?[a-z]{1,3}\)\s|[A-Z][A-Za-z /&'-]{1,40}:\s)")
_SPACE_RUN = re.compile(r" {4,}")
_SMALL_RUN = re.compile(r"(?<=\S) {2,3}(?=\S)")


def _norm(line: str) -> str:
    """What two copies of a running header have in common: no digits, no case, single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip().lower()


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line) or _ROMAN_PAGE.match(line))


def _edge_indexes(lines: list[str]) -> list[int]:
    """Indexes of the first and last EDGE_LINES non-empty lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers/footers and page numbers from the top and bottom of each page.

    A line counts as running when its normalised form sits at the edge of at
    least 60% of the pages (and at least two); lone page numbers at an edge go
    whatever the page count. Only the edges are trimmed, from the outside in,
    so a repeated phrase inside the minutes is never touched.
    """
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_norm(lines[i]) for i in _edge_indexes(lines)})
    need = max(2, -(-len(pages) * 6 // 10))
    running = {k for k, n in counts.items() if n >= need and k}

    def droppable(line: str) -> bool:
        return not line.strip() or is_page_number(line) or _norm(line) in running

    out: list[list[str]] = []
    for lines in pages:
        start, end = 0, len(lines)
        dropped = 0
        while start < end and droppable(lines[start]) and dropped <= EDGE_LINES:
            dropped += bool(lines[start].strip())
            start += 1
        dropped = 0
        while end > start and droppable(lines[end - 1]) and dropped <= EDGE_LINES:
            dropped += bool(lines[end - 1].strip())
            end -= 1
        out.append(lines[start:end])
    return out


def _clean_line(line: str) -> str:
    """Layout mode pads with spaces: wide gaps become a tab (columns), small ones one space."""
    line = line.strip()
    line = _SPACE_RUN.sub("\t", line)
    return _SMALL_RUN.sub(" ", line)


def _paragraphs(lines: list[str], width: int) -> list[str]:
    """Join the lines a paragraph was wrapped into; blank lines and short lines end paragraphs."""
    paras: list[str] = []
    current = ""
    prev_raw_len = 0
    for raw in lines:
        line = _clean_line(raw)
        if not line:
            if current:
                paras.append(current)
                current = ""
            continue
        if current and prev_raw_len >= 0.75 * width and not _STARTS_BLOCK.match(line):
            current += " " + line
        elif current:
            current += "\n" + line
        else:
            current = line
        prev_raw_len = len(raw.rstrip())
    if current:
        paras.append(current)
    return paras


def pages_to_source(pages: list[list[str]], source: str, *, title: str | None = None) -> SourceText:
    """Lines of each page (headers already dropped) to one text with ``page_starts``."""
    width = max((len(line.rstrip()) for lines in pages for line in lines), default=80) or 80
    text = ""
    starts: list[int] = []
    prev_last_line = ""
    for lines in pages:
        paras = _paragraphs(lines, width)
        if not paras:
            starts.append(len(text))
            continue
        first_line = next(line for line in lines if line.strip())
        continues = (text and len(prev_last_line.rstrip()) >= 0.75 * width
                     and not _STARTS_BLOCK.match(_clean_line(first_line))
                     and not text.endswith("\n"))
        if continues:
            text += " "
        elif text:
            text += "\n\n"
        starts.append(len(text))
        text += "\n\n".join(paras)
        prev_last_line = next(line for line in reversed(lines) if line.strip())
    return SourceText(text=text + "\n", source=source, title=title, page_starts=starts)


def read_pdf(path: Path | str, data: bytes) -> SourceText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    name = str(path)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - any decryption failure is the same to the user
                ok = 0
            if not ok:
                raise LoadError(f"{name}: PDF is password-protected; save an unprotected copy first")
        raw_pages = list(reader.pages)
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(f"{name}: not a readable PDF ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None
    if not raw_pages:
        raise LoadError(f"{name}: PDF has no pages")
    pages: list[list[str]] = []
    for page in raw_pages:
        try:
            txt = page.extract_text(extraction_mode="layout")
        except Exception:  # noqa: BLE001 - layout mode is newer and stricter; plain mode as fallback
            try:
                txt = page.extract_text() or ""
            except Exception:  # noqa: BLE001
                txt = ""
        pages.append((txt or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    letters = sum(ch.isalpha() for lines in pages for line in lines for ch in line)
    if letters < 20 * len(pages) and letters < 200:
        raise LoadError(f"{name}: PDF has no text layer (scanned?); OCR it first")
    title = None
    try:
        meta = reader.metadata
        title = (meta.title or None) if meta else None
    except Exception:  # noqa: BLE001 - metadata is optional
        title = None
    src = pages_to_source(strip_running_lines(pages), name, title=title)
    if not src.text.strip():
        raise LoadError(f"{name}: PDF has no text layer (scanned?); OCR it first")
    return src


def _register() -> None:
    from .reading import READERS

    READERS[".pdf"] = read_pdf


_register()
