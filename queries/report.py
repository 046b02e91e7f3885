"""The oversight-gaps report: every gap query, its findings and the sentence behind each.

``build_report(store)`` runs the gap queries of queries/ (kind: gap) in
catalogue order; the renderers turn the result into a briefing a scrutiny
officer can paste (markdown), a machine-readable document (json, csv) or
rich tables for the terminal. Text from minutes is never interpreted: it is
escaped for markdown and wrapped in ``rich.text.Text`` for the terminal.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..graph.store import GraphStore
from ..output import plain
from .library import NamedQuery, gap_queries, run_query

EVIDENCE_COLUMNS = ("quote", "document", "item")
"""Every gap query returns these: the citation behind the row."""

ID_COLUMNS = ("node_id", "related_id")
"""Every gap query returns these too: the id of the node the finding is about and,
for a relationship, of its other end. They are for machines (the network
picture, json and csv); the table and markdown reports, written for people,
never show them."""


@dataclass
class GapSection:
    """One gap query's findings."""

    name: str
    title: str
    question: str
    columns: list[str]
    params: dict[str, Any]
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def detail_columns(self) -> list[str]:
        """The columns that describe the finding (not its citation nor its ids), the first one naming it."""
        return [c for c in self.columns if c not in EVIDENCE_COLUMNS and c not in ID_COLUMNS]


@dataclass
class GapReport:
    authority: str | None
    documents: int
    sections: list[GapSection]

    @property
    def total(self) -> int:
        return sum(s.count for s in self.sections)


def _params_for(q: NamedQuery, authority: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """The query's defaults, overridden by the given params it declares (others are not its business)."""
    merged = dict(q.params)
    merged.update({k: v for k, v in params.items() if k in q.params})
    if "authority" in q.params:
        merged["authority"] = authority
    return merged


def build_report(store: GraphStore, authority: str | None = None,
                 params: dict[str, Any] | None = None) -> GapReport:
    """Run every gap query (optionally for one authority; ``params`` such as ``since``, ``threshold``)."""
    params = params or {}
    sections = []
    for q in gap_queries():
        used = _params_for(q, authority, params)
        result = run_query(store, q.name, used)
        sections.append(GapSection(name=q.name, title=q.title or q.name, question=q.question,
                                   columns=list(result.columns), params=used, rows=result.records()))
    documents = store.query("MATCH (d:Document) RETURN count(d) AS n").rows[0][0]
    return GapReport(authority=authority, documents=int(documents), sections=sections)


# --- shared formatting -----------------------------------------------------------

def _text(value: Any) -> str:
    """A cell as one line of plain text (lists joined, newlines folded)."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return " ".join(str(value).split())


def _details(section: GapSection, row: dict[str, Any]) -> list[tuple[str, str]]:
    """(column, text) pairs describing the finding, after the first column, skipping empties."""
    out = []
    for c in section.detail_columns[1:]:
        t = _text(row.get(c))
        if t:
            out.append((c.replace("_", " "), t))
    return out


def _source(row: dict[str, Any]) -> str:
    doc = _text(row.get("document")) or "unknown document"
    item = _text(row.get("item"))
    return f"{doc}, item {item}" if item else doc


def _heading(report: GapReport) -> str:
    where = report.authority or "all authorities"
    return f"Oversight gaps: {where}"


# --- markdown --------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: str) -> str:
    """Minutes text as inert markdown: one line, markup characters escaped (``|`` included)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def to_markdown(report: GapReport) -> str:
    lines = [f"# {md_escape(_heading(report))}", ""]
    lines += [
        f"{report.total} finding(s) from {report.documents} loaded document(s). "
        "Each finding quotes the sentence of the minutes it rests on; "
        "a gap means the minutes record no such link, which is worth checking, not proof that none exists.",
        "",
        "| # | Gap | Findings |",
        "|---|---|---|",
    ]
    for n, s in enumerate(report.sections, 1):
        lines.append(f"| {n} | {md_escape(s.title)} | {s.count} |")
    lines.append("")
    for n, s in enumerate(report.sections, 1):
        lines += [f"## {n}. {md_escape(s.title)} ({s.count})", ""]
        if s.question:
            lines += [f"*{s.question}*", ""]  # our own words, written as markdown
        if not s.rows:
            lines += ["None found.", ""]
            continue
        for i, row in enumerate(s.rows, 1):
            first = _text(row.get(s.detail_columns[0])) if s.detail_columns else ""
            details = "; ".join(f"{k}: {md_escape(v)}" for k, v in _details(s, row))
            lines.append(f"{i}. **{md_escape(first) or '(unnamed)'}**" + (f" ({details})" if details else ""))
            quote = _text(row.get("quote"))
            if quote:
                lines.append(f"   > “{md_escape(quote)}”")
                lines.append("")
            lines.append(f"   Source: {md_escape(_source(row))}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --- json and csv ----------------------------------------------------------------

def to_dict(report: GapReport) -> dict[str, Any]:
    return {
        "authority": report.authority,
        "documents": report.documents,
        "total": report.total,
        "queries": [
            {"name": s.name, "title": s.title, "question": s.question, "params": plain(s.params),
             "columns": s.columns, "count": s.count,
             "rows": [{k: plain(v) for k, v in row.items()} for row in s.rows]}
            for s in report.sections
        ],
    }


def to_json(report: GapReport) -> str:
    return json.dumps(to_dict(report), indent=2, ensure_ascii=False)


CSV_COLUMNS = ["query", "title", "finding", "details", "quote", "document", "item", *ID_COLUMNS]


def to_csv(report: GapReport) -> str:
    """One line per finding across all gap queries."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for s in report.sections:
        for row in s.rows:
            first = _text(row.get(s.detail_columns[0])) if s.detail_columns else ""
            details = "; ".join(f"{k}: {v}" for k, v in _details(s, row))
            w.writerow([s.name, s.title, first, details, _text(row.get("quote")),
                        _text(row.get("document")), _text(row.get("item")),
                        *(_text(row.get(c)) for c in ID_COLUMNS)])
    return buf.getvalue()


# --- rich ------------------------------------------------------------------------

def to_renderables(report: GapReport) -> list[Any]:
    """Rich renderables: a summary table, then one table per gap with its evidence."""
    from rich.table import Table
    from rich.text import Text

    out: list[Any] = []
    summary = Table(title=Text(_heading(report), style="bold"), caption=Text(
        f"{report.total} finding(s) from {report.documents} document(s)"))
    summary.add_column("#", justify="right")
    summary.add_column("gap")
    summary.add_column("findings", justify="right")
    for n, s in enumerate(report.sections, 1):
        summary.add_row(Text(str(n)), Text(s.title), Text(str(s.count), style="bold red" if s.count else "green"))
    out.append(summary)
    for n, s in enumerate(report.sections, 1):
        if not s.rows:
            out.append(Text(f"{n}. {s.title}: none found", style="dim"))
            continue
        table = Table(title=Text(f"{n}. {s.title} ({s.count})", style="bold"),
                      caption=Text(s.question), show_lines=True, expand=False)
        table.add_column("finding", overflow="fold", ratio=2)
        table.add_column("details", overflow="fold", ratio=2)
        table.add_column("quote", overflow="fold", ratio=4)
        table.add_column("source", overflow="fold", ratio=2)
        for row in s.rows:
            first = _text(row.get(s.detail_columns[0])) if s.detail_columns else ""
            details = "\n".join(f"{k}: {v}" for k, v in _details(s, row))
            table.add_row(Text(first), Text(details), Text(_text(row.get("quote")), style="italic"),
                          Text(_source(row)))
        out.append(table)
    return out
