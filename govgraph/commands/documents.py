"""`extract` (no database) and `load` (into the store)."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..app import app, console, err, fail, print_error, store_for
from ..graph.model import to_contract_json
from ..loaders.pipeline import FileOutcome, discover, extract_input, load_inputs
from ..loaders.source import LoadError

INPUTS = typer.Argument(..., help="Files, folders or globs of minutes (.txt, .html, .pdf, .docx) or http(s) URLs.")
AUTHORITY = typer.Option(None, "--authority", help="Council the minutes belong to, when the file does not say.")
BODY = typer.Option(None, "--body", help="Committee or board whose meeting this is, when the file does not say.")
DATE = typer.Option(None, "--date", help="Meeting date (YYYY-MM-DD), when the file does not say.")


@app.command()
def extract(
    inputs: list[str] = INPUTS,
    out: Path = typer.Option(None, "--out", "-o", help="Write one <stem>.json per input into this folder instead of printing."),
    authority: str = AUTHORITY,
    body: str = BODY,
    date: str = DATE,
) -> None:
    """Print each document's graph as the JSON of the data contract (no database needed)."""
    refs, problems = discover(inputs)
    for p in problems:
        print_error(str(p.error))
    if out:
        out.mkdir(parents=True, exist_ok=True)
    failed = len(problems)
    for ref in refs:
        try:
            doc = extract_input(ref, authority=authority, body=body, date=date)
        except LoadError as exc:
            print_error(str(exc))
            failed += 1
            continue
        text = json.dumps(to_contract_json(doc), indent=2, ensure_ascii=False)
        if out:
            stem = Path(ref.rstrip("/").split("?")[0]).stem or "document"
            (out / f"{stem}.json").write_text(text + "\n", encoding="utf-8")
        else:
            typer.echo(text)
    if out:
        err.print(f"wrote {len(refs) - (failed - len(problems))} file(s) to {out}", highlight=False)
    if failed:
        raise typer.Exit(1)


@app.command()
def load(
    ctx: typer.Context,
    inputs: list[str] = INPUTS,
    authority: str = AUTHORITY,
    body: str = BODY,
    date: str = DATE,
    force: bool = typer.Option(False, "--force", help="Re-extract and rewrite documents already loaded."),
    fmt: str = typer.Option("table", "--format", help="Summary as table or json."),
) -> None:
    """Extract minutes and merge them into the store; loading the same minutes again changes nothing."""
    refs, problems = discover(inputs)
    if not refs and problems:
        for p in problems:
            print_error(str(p.error))
        raise fail("nothing to load")
    with store_for(ctx) as store:
        progress = Progress(TextColumn("[bold]loading"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TextColumn("{task.description}"),
                            console=err, transient=True)

        with progress:
            task = progress.add_task("", total=len(refs))

            def done(outcome: FileOutcome) -> None:
                if outcome.error:
                    print_error(outcome.error, progress.console)
                progress.update(task, advance=1, description=Path(outcome.source).name)

            report = load_inputs(store, refs, authority=authority, body=body, date=date,
                                 force=force, on_done=done)
    report.outcomes[:0] = problems
    for p in problems:
        print_error(str(p.error))
    summary = report.as_dict()
    if fmt == "json":
        typer.echo(json.dumps(summary, indent=2))
    else:
        console.print(
            f"{summary['documents']} document(s): {summary['loaded']} loaded, {summary['unchanged']} unchanged, "
            f"{summary['replaced']} earlier version(s) replaced, {len(report.errors)} error(s); "
            f"nodes +{summary['nodes_created']} -{summary['nodes_deleted']}, "
            f"relationships +{summary['relationships_created']} -{summary['relationships_deleted']}, "
            f"properties set {summary['properties_set']}",
            highlight=False,
        )
    if report.errors:
        raise typer.Exit(1)
