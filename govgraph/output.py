"""Rows to the screen or to a script: a rich table, JSON or CSV."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich.table import Table
from rich.text import Text


def plain(value: Any) -> Any:
    """JSON-safe value (lists and dicts kept)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    props = getattr(value, "properties", None)
    if isinstance(props, dict):
        return plain(props)
    return str(value)


def cell(value: Any) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def to_json(columns: list[str], rows: list[list[Any]]) -> str:
    return json.dumps([dict(zip(columns, (plain(v) for v in row))) for row in rows], indent=2, ensure_ascii=False)


def to_csv(columns: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return buf.getvalue()


def to_table(columns: list[str], rows: list[list[Any]], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows:
        # Text() so that text from minutes is never read as rich markup.
        table.add_row(*(Text(cell(v)) for v in row))
    return table
