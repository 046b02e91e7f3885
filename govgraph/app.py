"""The typer app and what every command shares: the store URL and one-line errors."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum

import typer
from rich.console import Console
from rich.markup import escape

from .graph.store import GraphStore, StoreError, open_store, resolve_db_url

app = typer.Typer(
    name="govgraph",
    help="Turn council minutes into a governance graph and expose gaps in oversight.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
err = Console(stderr=True)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@dataclass
class Settings:
    db: str
    database: str | None = None


@app.callback()
def main(
    ctx: typer.Context,
    db: str = typer.Option(
        None, "--db", envvar="GOVGRAPH_DB", show_default="./govgraph.db",
        help="Store: a file path (embedded FalkorDB), bolt:// or neo4j:// or neo4j+s:// (Neo4j), redis:// (FalkorDB server).",
    ),
    database: str = typer.Option(None, "--database", envvar="NEO4J_DATABASE", help="Neo4j database name."),
) -> None:
    ctx.obj = Settings(db=resolve_db_url(db), database=database)


def print_error(message: str, to: Console | None = None) -> None:
    """One red line on stderr; the message (file names, text from minutes) is never read as markup."""
    (to or err).print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one error line and return the Exit to raise."""
    print_error(message)
    return typer.Exit(code)


@contextmanager
def store_for(ctx: typer.Context) -> Iterator[GraphStore]:
    """Open the store named by --db, turning store problems into one-line errors."""
    settings: Settings = ctx.obj
    try:
        store = open_store(settings.db, database=settings.database)
    except StoreError as exc:
        raise fail(str(exc)) from None
    try:
        yield store
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()


def is_tty() -> bool:
    return sys.stdout.isatty()
