"""`query`, `stats` and `schema`: reading the graph."""
from __future__ import annotations

import json

import typer
from rich.markdown import Markdown

from ..app import OutputFormat, app, console, fail, store_for
from ..graph.schema import SCHEMA_MARKDOWN, graph_stats
from ..output import to_csv, to_json, to_table
from ..queries.library import UnknownQuery, get_query, list_queries, run_query


def _params(pairs: list[str]) -> dict[str, object]:
    """`k=v` pairs; v is read as JSON when it parses (numbers, lists, null), else as a string."""
    out: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise fail(f"--param {pair!r}: expected name=value")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


def emit(columns: list[str], rows: list[list[object]], fmt: OutputFormat, title: str | None = None) -> None:
    if fmt is OutputFormat.json:
        typer.echo(to_json(columns, rows))
    elif fmt is OutputFormat.csv:
        typer.echo(to_csv(columns, rows), nl=False)
    else:
        console.print(to_table(columns, rows, title=title))
        console.print(f"{len(rows)} row(s)", style="dim")


@app.command()
def query(
    ctx: typer.Context,
    name: str = typer.Argument(None, help="Name of a query in queries/ (see --list)."),
    cypher: str = typer.Option(None, "--cypher", "-c", help="Your own Cypher; it runs read-only."),
    param: list[str] = typer.Option([], "--param", "-p", help="Query parameter as name=value (repeatable)."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
    list_: bool = typer.Option(False, "--list", "-l", help="List the named queries with their descriptions."),
) -> None:
    """Run a named query or your own read-only Cypher."""
    if list_:
        rows = [[q.name, q.kind, q.title or q.question, ", ".join(f"{k}={json.dumps(v)}" for k, v in q.params.items())]
                for q in list_queries()]
        emit(["name", "kind", "description", "parameters"], rows, fmt)
        return
    if bool(name) == bool(cypher):
        raise fail("give either a query NAME or --cypher \"...\" (see govgraph query --list)")
    params = _params(param)
    with store_for(ctx) as store:
        if cypher:
            result = store.query(cypher, params)
            title = None
        else:
            try:
                q = get_query(name)
            except UnknownQuery as exc:
                raise fail(exc.args[0]) from None
            result = run_query(store, name, params)
            title = q.title or q.name
    emit(result.columns, result.rows, fmt, title=title)


@app.command()
def stats(ctx: typer.Context, fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f")) -> None:
    """Count documents, nodes by label and relationships by type."""
    with store_for(ctx) as store:
        data = graph_stats(store)
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(data, indent=2))
        return
    rows = [["documents", "", data["documents"]]]
    rows += [["node", k, v] for k, v in data["labels"].items()]
    rows += [["relationship", k, v] for k, v in data["relationships"].items()]
    emit(["kind", "name", "count"], rows, OutputFormat.table if fmt is OutputFormat.table else fmt)


@app.command()
def schema() -> None:
    """Labels, relationship types, properties, how evidence is stored, and Cypher to copy."""
    console.print(Markdown(SCHEMA_MARKDOWN))
