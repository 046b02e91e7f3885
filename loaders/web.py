"""`govgraph load URL`: one published minutes page (or PDF/Word file) fetched politely.

One GET with govgraph's User-Agent, a timeout and bounded retries on 5xx and
timeouts (the same client as the ModernGov fetcher). HTML goes through
``loaders.html.html_to_text``; PDF and Word through their readers, so their
pages are kept. Anything that goes wrong is one LoadError line naming the URL.
"""
from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from .moderngov import FetchError, Http, Politeness
from .reading import READERS, decode_text
from .source import LoadError, SourceText

MAX_BYTES = 50 * 1024 * 1024
"""Refuse anything bigger: minutes are never that large."""


def _politeness() -> Politeness:
    def env(name: str, default: float) -> float:
        try:
            return float(os.environ.get(name, default))
        except ValueError:
            return default

    return Politeness(timeout=env("GOVGRAPH_HTTP_TIMEOUT", 20.0), delay=0.0,
                      retries=int(env("GOVGRAPH_HTTP_RETRIES", 2)), backoff=env("GOVGRAPH_HTTP_BACKOFF", 2.0))


def _kind(url: str, content_type: str, data: bytes) -> str:
    ctype = content_type.split(";")[0].strip().lower()
    path = urlsplit(url).path.lower()
    if data.startswith(b"%PDF") or ctype == "application/pdf" or path.endswith(".pdf"):
        return ".pdf"
    if ctype.endswith("wordprocessingml.document") or path.endswith(".docx"):
        return ".docx"
    if "html" in ctype or data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return ".html"
    return ".txt"


def read_url(url: str, *, politeness: Politeness | None = None) -> SourceText:
    """Fetch one URL into a SourceText (``source`` is the URL), or raise LoadError with one line."""
    parts = urlsplit(url)
    site = f"{parts.scheme}://{parts.netloc}"
    try:
        with Http(site, politeness or _politeness()) as http:
            r = http.get(url, what=url)
    except FetchError as exc:
        raise LoadError(f"{url}: {str(exc).removeprefix(site + ': ').replace(' on ' + url, '')}") from None
    if r.status == 404:
        raise LoadError(f"{url}: not found (HTTP 404)")
    if r.status >= 400:
        raise LoadError(f"{url}: HTTP {r.status}")
    if len(r.content) > MAX_BYTES:
        raise LoadError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB, not loaded")
    kind = _kind(r.url, r.headers.get("content-type", ""), r.content)
    if kind in (".pdf", ".docx"):
        reader = READERS.get(kind)
        if reader is None:
            raise LoadError(f"{url}: {kind} files need the optional readers (not installed)")
        src = reader(url, r.content)
        src.source = url
        return src
    text = decode_text(r.content, url) if not r.headers.get("content-type", "").lower().count("charset") \
        else r.text
    if kind == ".html":
        from .html import html_to_text

        m = re.search(r"(?is)<title\b[^>]*>(.*?)</title>", text)
        title = re.sub(r"\s+", " ", m.group(1)).strip() if m else None
        text = html_to_text(text)
        if not text.strip():
            raise LoadError(f"{url}: HTML page with no text")
        return SourceText(text=text, source=url, title=title or None)
    if not text.strip():
        raise LoadError(f"{url}: empty page")
    return SourceText(text=text.replace("\r\n", "\n"), source=url)
