"""Canonical ids (docs/data-model.md): stable across documents and runs."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)  # pure; the same names recur across documents and calls (speed)
def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = s.lower().replace("&", " and ")
    s = re.sub(r"['’`]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    s = re.sub(r"^the-", "", s)
    return s or "unnamed"


def node_id(label: str, name: str, authority: str | None = None) -> str:
    lab = label.lower()
    if label in ("Authority", "Organisation") or not authority:
        return f"{lab}:{slug(name)}"
    return f"{lab}:{slug(authority)}:{slug(name)}"


def inspection_id(authority: str, inspectorate: str, kind: str, year: int | None,
                  month: int | None = None) -> str:
    parts = [slug(inspectorate), kind.replace("_", "-")]
    if year:
        parts.append(str(year))
    if month:
        parts.append(f"{month:02d}")
    return f"inspection:{slug(authority)}:{'-'.join(parts)}"


def meeting_id(authority: str, body: str, date: str) -> str:
    return f"meeting:{slug(authority)}:{slug(body)}:{date}"
