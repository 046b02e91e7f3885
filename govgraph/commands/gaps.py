"""`gaps`: every gap query, with the sentence behind each finding, as a report."""
from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from ..app import app, console, err, fail, store_for
from ..queries.report import build_report, to_csv, to_json, to_markdown, to_renderables
from .querying import _params


class ReportFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"
    csv = "csv"


@app.command()
def gaps(
    ctx: typer.Context,
    authority: str = typer.Option(None, "--authority", "-a",
                                  help="Only this authority (part of its name, any case); default: all."),
    fmt: ReportFormat = typer.Option(ReportFormat.table, "--format", "-f",
                                     help="table (terminal), markdown (a briefing), json or csv."),
    out: Path = typer.Option(None, "--output", "-o", help="Write the report to this file instead of printing it."),
    since: str = typer.Option(None, "--since",
                              help="Dormant bodies: also flag bodies with no recorded meeting on or after this date (YYYY-MM-DD)."),
    threshold: int = typer.Option(None, "--threshold",
                                  help="Single points of failure: more than this many bodies and plans (default 2)."),
    param: list[str] = typer.Option([], "--param", "-p", help="Any other query parameter as name=value (repeatable)."),
) -> None:
    """Report where oversight fails: unowned recommendations, dormant or unaccountable bodies,
    barred or criticised scrutiny, recurring findings, conflicts of role and more, each with its evidence.

    Exits 0 whether or not gaps are found."""
    params = _params(param)
    if since is not None:
        params["since"] = since
    if threshold is not None:
        params["threshold"] = threshold
    with store_for(ctx) as store:
        report = build_report(store, authority=authority, params=params)
    if report.documents == 0:
        err.print("note: the store holds no documents yet (govgraph load MINUTES... first)", highlight=False)

    if fmt is ReportFormat.table:
        if out:
            with out.open("w", encoding="utf-8") as fh:
                file_console = Console(file=fh, width=140, color_system=None, soft_wrap=False)
                for r in to_renderables(report):
                    file_console.print(r)
        else:
            for r in to_renderables(report):
                console.print(r)
    else:
        text = {ReportFormat.markdown: to_markdown, ReportFormat.json: to_json,
                ReportFormat.csv: to_csv}[fmt](report)
        if out:
            try:
                out.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
            except OSError as exc:
                raise fail(f"cannot write {out}: {exc}") from None
        else:
            typer.echo(text, nl=not text.endswith("\n"))
    if out:
        err.print(f"wrote {report.total} finding(s) in {len(report.sections)} gap queries to {out}", highlight=False)
