"""From a file on disk to a SourceText: pick a reader by file type, decode, refuse junk.

Readers for other formats (PDF, Word) register themselves in READERS by suffix.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .source import LoadError, SourceText

Reader = Callable[[Path, bytes], SourceText]
READERS: dict[str, Reader] = {}

TEXT_SUFFIXES = {"", ".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".aspx"}


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 when it is, else Windows-1252 (what many council systems save), never a crash."""
    if not data.strip():
        raise LoadError(f"{name}: empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(f"{name}: binary file, not text (contains NUL bytes)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\t\f")
    if controls > 0.05 * min(len(text), 4096):
        raise LoadError(f"{name}: binary file, not text ({controls} control characters)")
    if not text.strip():
        raise LoadError(f"{name}: empty file")
    return text


def _read_text(path: Path, data: bytes) -> SourceText:
    return SourceText(text=decode_text(data, str(path)), source=str(path))


def _read_html(path: Path, data: bytes) -> SourceText:
    from .html import html_to_text

    text = html_to_text(decode_text(data, str(path)))
    if not text.strip():
        raise LoadError(f"{path}: HTML page with no text")
    return SourceText(text=text, source=str(path))


for _s in TEXT_SUFFIXES:
    READERS[_s] = _read_text
for _s in HTML_SUFFIXES:
    READERS[_s] = _read_html


def read_path(path: str | Path, *, authority: str | None = None, body: str | None = None,
              date: str | None = None) -> SourceText:
    """Read one file into a SourceText, or raise LoadError with a one-line reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{path}: is a directory") from None
    except OSError as exc:
        raise LoadError(f"{path}: cannot read ({exc.strerror})") from None
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        if data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
            reader = _read_html
        elif suffix in {".pdf", ".docx"}:
            raise LoadError(f"{path}: {suffix} files need the optional readers (not installed)")
        else:
            reader = _read_text
    src = reader(path, data)
    src.authority = authority or src.authority
    src.body = body or src.body
    src.date = date or src.date
    return src

from . import docx as _docx, pdf as _pdf  # noqa: E402,F401  (register the .docx and .pdf readers)
