"""A document's text as the extractor sees it, and the one error loaders raise."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


class LoadError(Exception):
    """A file that cannot be loaded; its message is one line naming what is wrong."""


@dataclass
class SourceText:
    """Decoded text of one document plus what the caller knows about it.

    ``text`` is what evidence offsets point into. ``authority``, ``body`` and
    ``date`` come from the command line (``--authority`` ...) or a fetcher and
    override nothing the text itself states unless the text is silent.
    """

    text: str
    source: str
    authority: str | None = None
    body: str | None = None
    date: str | None = None
    title: str | None = None
    page_starts: list[int] = field(default_factory=list)
    """Offsets in ``text`` where pages 1, 2, ... begin (PDF/Word); empty for plain text."""
    extra: dict[str, object] = field(default_factory=dict)
    """Structured facts a fetcher already has (e.g. ModernGov attendee lists)."""

    def page_at(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        return max(1, bisect_right(self.page_starts, offset))
