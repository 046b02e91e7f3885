"""The corpus header (URL:, COUNCIL:, DATE:, KIND:, then ---) and meeting dates."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEY = re.compile(r"^([A-Z]{2,12}):\s*(.*)$")
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9


@dataclass
class Header:
    fields: dict[str, str] = field(default_factory=dict)
    body_start: int = 0
    """Offset where the minutes themselves start (0 without a header)."""

    @property
    def council(self) -> str | None:
        v = self.fields.get("COUNCIL", "").strip()
        return v or None

    @property
    def date(self) -> str | None:
        return iso_date(self.fields.get("DATE", ""))


def parse_header(text: str) -> Header:
    """Read `KEY: value` lines up to a line `---`; anything else means no header."""
    fields: dict[str, str] = {}
    pos = 0
    for line in text.split("\n")[:20]:
        end = pos + len(line) + 1
        if line.strip() == "---" and fields:
            return Header(fields, min(end, len(text)))
        m = _KEY.match(line.strip())
        if not m:
            if line.strip():
                return Header()
        else:
            fields[m.group(1)] = m.group(2).strip()
        pos = end
    return Header()


_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}),?\s+(\d{4})")
_SLASH = re.compile(r"\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b")
_MDY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def iso_date(value: str | None) -> str | None:
    """'2018-05-16', '16 May 2018', '16th May, 2018', 'May 16, 2018', '16/05/2018', '16.05.2018' -> '2018-05-16'
    (numeric dates are read day first, the UK order); else None ('unknown')."""
    if not value:
        return None
    m = _ISO.match(value)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = _DMY.search(value)
    if m and m.group(2).lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    m = _MDY.search(value)
    if m and m.group(1).lower() in MONTHS and 1 <= int(m.group(2)) <= 31:
        return f"{m.group(3)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"
    m = _SLASH.search(value)
    if m and 1 <= int(m.group(3)) <= 12 and 1 <= int(m.group(1)) <= 31:
        return f"{m.group(4)}-{int(m.group(3)):02d}-{int(m.group(1)):02d}"
    return None
