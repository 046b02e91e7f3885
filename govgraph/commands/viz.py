"""`viz` (an offline HTML network picture) and `export` (GraphML, JSON, CSV)."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import typer

from ..app import app, err, fail, store_for
from ..graph.export import ExportFormat, export_graph
from ..graph.model import REL_TYPES
from ..graph.view import VizError
from ..graph.visualise import render_html

AUTHORITY = typer.Option(None, "--authority", "-a", help="Only this authority's nodes (its name, any case) and the organisations linked to them.")
FOCUS = typer.Option(None, "--focus", help="Only the neighbourhood of this node: its id, name or alias (any case; else part of its name).")
DEPTH = typer.Option(2, "--depth", min=0, help="Hops around --focus (either direction).")
REL = typer.Option([], "--rel", help="Only these relationship types (repeatable or comma-separated), e.g. --rel SCRUTINISES --rel REPORTS_TO.")


def _rel_types(values: list[str]) -> list[str]:
    out = [v.strip().upper() for value in values for v in value.split(",") if v.strip()]
    unknown = [t for t in out if t not in REL_TYPES]
    if unknown:
        raise fail(f"unknown relationship type(s) {', '.join(unknown)}; known: {', '.join(REL_TYPES)}")
    return out


@app.command()
def viz(
    ctx: typer.Context,
    output: Path = typer.Option(Path("govgraph-network.html"), "--output", "-o", help="HTML file to write."),
    authority: str = AUTHORITY,
    focus: str = FOCUS,
    depth: int = DEPTH,
    rel: list[str] = REL,
    title: str = typer.Option("govgraph: governance network", "--title", help="Heading of the page."),
) -> None:
    """Draw the graph as one self-contained HTML page (works offline), with oversight gaps highlighted."""
    rel_types = _rel_types(rel)
    with store_for(ctx) as store:
        try:
            summary = render_html(store, output, authority=authority, focus=focus, depth=depth,
                                  rel_types=rel_types, title=title)
        except VizError as exc:
            raise fail(str(exc)) from None
    gaps = ", ".join(f"{name} {n}" for name, n in summary.gaps.items() if n) or "none"
    err.print(f"wrote {output}: {summary.nodes} nodes, {summary.edges} relationships; gaps: {gaps}",
              highlight=False, soft_wrap=True)


@app.command()
def export(
    ctx: typer.Context,
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="graphml (Gephi, yEd, Cytoscape), json, or csv (nodes.csv + edges.csv)."),
    output: Path = typer.Option(None, "--output", "-o", help="File (graphml, json) or folder (csv). graphml/json print to stdout without it; csv defaults to ./govgraph-csv/."),
    authority: str = AUTHORITY,
    focus: str = FOCUS,
    depth: int = DEPTH,
    rel: list[str] = REL,
) -> None:
    """Write the graph for other tools: nodes and relationships with label, name, type, negated, gaps and first quote."""
    rel_types = _rel_types(rel)
    to_stdout = output is None and fmt is not ExportFormat.csv
    with store_for(ctx) as store, tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"export.{fmt.value}" if to_stdout else (output or Path("govgraph-csv"))
        try:
            summary = export_graph(store, fmt, target, authority=authority, focus=focus, depth=depth,
                                   rel_types=rel_types)
        except VizError as exc:
            raise fail(str(exc)) from None
        if to_stdout:
            sys.stdout.write(target.read_text(encoding="utf-8"))
            sys.stdout.flush()
            return
    where = ", ".join(str(p) for p in summary.paths)
    err.print(f"wrote {where}: {summary.nodes} nodes, {summary.edges} relationships", highlight=False, soft_wrap=True)
