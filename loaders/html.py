"""HTML of a published minutes page (ModernGov) to plain text, with the standard library parser.

Keeps item numbers, headings, paragraphs, table rows and bullet lists as lines; drops
navigation, scripts, styles, forms and page chrome.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol", "section", "article",
         "header", "footer", "dl", "dt", "dd", "blockquote", "pre", "br", "hr", "caption"}
SKIP = {"script", "style", "nav", "noscript", "form", "select", "button", "iframe", "svg", "head", "template"}
SKIP_CLASS = re.compile(r"(?i)\b(nav|menu|breadcrumb|skip|cookie|banner|footer|sidebar|mgHide)\b")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.stack: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        skipping = tag in SKIP or bool(SKIP_CLASS.search((a.get("class") or "") + " " + (a.get("id") or "")))
        if tag not in ("br", "hr", "img", "input", "meta", "link"):
            self.stack.append((tag, skipping))
            if skipping:
                self.skip += 1
        if self.skip:
            return
        if tag == "li":
            self.out.append("\n· ")
        elif tag in BLOCK:
            self.out.append("\n")
        elif tag in ("td", "th"):
            self.out.append("\t")

    def handle_endtag(self, tag):
        while self.stack:
            t, skipping = self.stack.pop()
            if skipping:
                self.skip -= 1
            if t == tag:
                break
        if not self.skip and (tag in BLOCK or tag == "li"):
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    p = _Text()
    p.feed(markup)
    p.close()
    text = "".join(p.out).replace("\u00a0", " ")
    lines = [ln.strip(" ") for ln in text.split("\n")]
    text = "\n".join(ln for ln in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
