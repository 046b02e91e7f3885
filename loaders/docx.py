"""Word (.docx) minutes to a SourceText.

The body is read in document order: paragraphs as lines, tables row by row
with cells separated by a tab (minutes often lay out "Present:" and its
names as a two-column table). Headers and footers live in their own parts
of the file and are never read as content. A .docx has no real pages:
explicit page breaks (a page-break run or "page break before") start a new
page in ``page_starts``; without them the text has no pages.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .source import LoadError, SourceText

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_parts(p) -> list[str | None]:
    """The paragraph's text pieces; ``None`` marks an explicit page break inside it."""
    parts: list[str | None] = []
    ppr = p.find(f"{_W}pPr")
    if ppr is not None:
        pbb = ppr.find(f"{_W}pageBreakBefore")
        if pbb is not None and pbb.get(f"{_W}val", "true") not in ("0", "false", "off"):
            parts.append(None)
    for el in p.iter():
        tag = el.tag
        if tag == f"{_W}t":
            parts.append(el.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append(None if el.get(f"{_W}type") == "page" else "\n")
        elif tag == f"{_W}delText":
            continue
    return parts


def read_docx(path: Path | str, data: bytes) -> SourceText:
    name = str(path)
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError(f"{name}: not a readable Word .docx file ({type(exc).__name__})") from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises assorted errors on junk
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise LoadError(f"{name}: not a readable Word .docx file ({msg})") from None

    text = ""
    breaks: list[int] = []

    def add_line(parts: list[str | None]) -> None:
        nonlocal text
        line = ""
        for part in parts:
            if part is None:
                text += line
                line = ""
                if text.strip():
                    if not text.endswith("\n"):
                        text += "\n"
                    breaks.append(len(text))
            else:
                line += part
        text += line + "\n"

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            add_line(_paragraph_parts(block._p))
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(
                        "".join(p or "" for p in _paragraph_parts(par._p)).strip()
                        for par in cell.paragraphs).strip())
                if any(cells):
                    text += "\t".join(cells) + "\n"
            text += "\n"
    if not text.strip():
        raise LoadError(f"{name}: Word document has no text")
    starts = [0] + [b for b in sorted(set(breaks)) if 0 < b < len(text)] if breaks else []
    title = None
    try:
        title = document.core_properties.title or None
    except Exception:  # noqa: BLE001 - core properties are optional
        title = None
    return SourceText(text=text, source=name, title=title, page_starts=starts)


def _register() -> None:
    from .reading import READERS

    READERS[".docx"] = read_docx


_register()
