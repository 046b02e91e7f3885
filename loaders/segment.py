"""Split minutes into items, lines, bullets and sentences, keeping character offsets."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

BULLET = re.compile(r"^[ \t]*(?:[·•●▪◦\-\*–]|\(?[a-z0-9]{1,3}[.)])[ \t\u00a0]+")
# "1." alone on a line (ModernGov item list) or "34 Title" / "320 Apologies" / "5. Title"
_ITEM_ALONE = re.compile(r"^[ \t]*(\d{1,3}[a-z]?)\.?[ \t]*$")
_ITEM_TITLED = re.compile(r"^[ \t]*(\d{1,3}[a-z]?)\.?[ \t]+([A-Z][^\n]{2,150})$")
# "Minute 12 Title", "Minute No. 12: Title", "CPB/23/12 Title" (council/year/number): a minute reference before the title
_ITEM_MINUTE = re.compile(r"^[ \t]*(?:(?:Minute|MINUTE|Min\.?)[ \t]+(?:[Nn]o\.?[ \t]*)?(\d{1,3}[a-z]?)|"
                          r"[A-Z]{2,8}[/.](?:\d{2,4}[/.])?(\d{1,3}[a-z]?)(?:[/.]\d{2,4})?)[.:)]?[ \t]+[-–:]?[ \t]*([A-Z][^\n]{2,150})$")
_ITEM_REF = re.compile(r"\(Item (\d{1,3}[a-z]?)\)")
# (every break starts with white space or a closing quote: the leading look-ahead skips other positions fast)
_SENT_END = re.compile(r"(?=[\s\"”’'])(?:(?<=[.!?;])[\"”’']?\s+(?=[\"“‘(]?[A-Z0-9•·])|\n\s*\n|\n(?=[ \t]*[·•●▪◦\-\*–][ \t])|\n|\t+(?=[A-Z•])|\s+(?=[•·]\s))")


@dataclass
class Item:
    number: str
    title: str | None
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    bullet: bool = False

    @cached_property
    def low(self) -> str:
        """The text lowercased for cheap keyword tests before case-insensitive regexes: a superset view of what
        such a regex can match (under re.I "ſ" ~ "s", "K" ~ "k", "İ"/"ı" ~ "i", so those are folded too)."""
        low = self.text.lower()
        if "\u0131" in low or "\u017f" in low or "\u0307" in low:
            low = low.replace("i\u0307", "i").replace("\u0131", "i").replace("\u017f", "s")
        return low


def find_items(text: str, start: int) -> list[Item]:
    """Numbered minute items; numbers must not go backwards by much."""
    found: list[tuple[str, str | None, int]] = []
    lines = []
    pos = start
    for line in text[start:].split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    last = -1
    for i, (off, line) in enumerate(lines):
        m = _ITEM_ALONE.match(line)
        title = None
        if m:
            for off2, nxt in lines[i + 1:i + 4]:
                if nxt.strip():
                    title = nxt.strip()[:150]
                    break
            if not title or not title[0].isalpha():
                continue
        elif (mm := _ITEM_MINUTE.match(line)) is not None:
            num = mm.group(1) or mm.group(2)
            n = int(re.match(r"\d+", num).group())
            if last >= 0 and not (last <= n <= last + 30):
                continue
            last = n
            found.append((num, mm.group(3).split("\t")[0].strip()[:150], off))
            continue
        else:
            m = _ITEM_TITLED.match(line)
            if not m or BULLET.match(line):
                continue
            title = m.group(2).split("\t")[0].strip()[:150]
            if title.endswith(".") and len(title.split()) > 12:
                continue
            if re.match(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|pm|am)\b", title):
                continue
        num = m.group(1)
        n = int(re.match(r"\d+", num).group())
        if last >= 0 and not (last <= n <= last + 30):
            continue
        last = n
        found.append((num, title, off))
    if not found:
        for m in _ITEM_REF.finditer(text, start):
            found.append((m.group(1), None, m.start()))
    items = []
    for j, (num, title, off) in enumerate(found):
        end = found[j + 1][2] if j + 1 < len(found) else len(text)
        items.append(Item(num, title, off, end))
    return items


def item_at(items: list[Item], offset: int, starts: list[int] | None = None) -> str | None:
    """The number of the first item holding `offset`. `starts` ([it.start for it in items], given only when the items
    are sorted and do not overlap, as find_items returns them) finds it by bisection, with the same result as the scan."""
    if starts is not None:
        i = bisect_right(starts, offset) - 1
        return items[i].number if i >= 0 and offset < items[i].end else None
    for it in items:
        if it.start <= offset < it.end:
            return it.number
    return None


def sentences(text: str, start: int) -> list[Sentence]:
    out: list[Sentence] = []
    pos = start
    for m in _SENT_END.finditer(text, start):
        _add(out, text, pos, m.start())
        pos = m.end()
    _add(out, text, pos, len(text))
    return out


def _add(out: list[Sentence], text: str, s: int, e: int) -> None:
    seg = text[s:e]
    bullet = False
    b = BULLET.match(seg)
    if b:
        s += b.end()
        bullet = True
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e - s >= 2:
        out.append(Sentence(s, e, text[s:e], bullet))


def has_any(low: str, words: tuple[str, ...]) -> bool:
    """True when any of ``words`` occurs in ``low``: the cheap keyword check that guards an expensive regex."""
    for w in words:
        if w in low:
            return True
    return False
