"""`fetch`: a committee's minutes from a ModernGov site, saved as text or loaded straight away."""
from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path

import typer

from rich.markup import escape

from ..app import app, console, err, fail, print_error, store_for
from ..loaders.moderngov import (
    FetchError,
    FetchState,
    Http,
    ItemDocument,
    ModernGovSite,
    Politeness,
    default_since,
    default_state_dir,
    fetch_committee,
    load_source,
    normalise_site,
    parse_date_option,
    state_name,
)
from ..loaders.pipeline import LoadReport


@app.command(no_args_is_help=True)
def fetch(
    ctx: typer.Context,
    site: str = typer.Argument(
        ..., help="The council's ModernGov site, e.g. https://democracy.example.gov.uk "
                  "(a page or mgWebService.asmx URL of it works too)."),
    committee: str = typer.Option(
        None, "--committee", "-c",
        help="Committee to fetch, by id or name (a unique part of the name will do); "
             "see --list-committees."),
    since: str = typer.Option(
        None, "--since", help="First meeting date to fetch (YYYY-MM-DD or DD/MM/YYYY).",
        show_default="one year ago"),
    until: str = typer.Option(
        None, "--until", help="Last meeting date to fetch (YYYY-MM-DD or DD/MM/YYYY).", show_default="today"),
    authority: str = typer.Option(
        None, "--authority", help="The council's name, written as COUNCIL: in every document "
                                  "(the site does not say it)."),
    out: Path = typer.Option(
        None, "--out", "-o", help="Save one UTF-8 .txt per minute item into this folder "
                                  "(with the corpus header; `govgraph load DIR` reads them)."),
    load: bool = typer.Option(False, "--load", help="Load the minutes into the store (--db) as they arrive."),
    list_committees: bool = typer.Option(
        False, "--list-committees", help="Only list the site's committees (id and name) and stop."),
    refresh: bool = typer.Option(
        False, "--refresh", help="Check meetings already fetched again (conditional requests: "
                                 "unchanged ones cost a 304)."),
    delay: float = typer.Option(1.0, "--delay", min=0, help="Seconds to wait between two requests to the site."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds to wait for one response."),
    retries: int = typer.Option(
        2, "--retries", min=0, max=10, help="Extra attempts after a server error (5xx/429) or a timeout."),
    backoff: float = typer.Option(
        2.0, "--backoff", min=0, help="Seconds before the first retry; doubled for each further one."),
    state: Path = typer.Option(
        None, "--state", help="State file remembering what was fetched from this site.",
        show_default="OUT/.govgraph-fetch-<site>.json, else ~/.cache/govgraph/fetch/"),
    fmt: str = typer.Option("table", "--format", help="Summary as table or json."),
) -> None:
    """Fetch a committee's published minutes from a ModernGov site, one document per minute item.

    Meetings fetched before are skipped; cancelled meetings and restricted
    items are passed over with a note. Example:

        govgraph fetch SITE -c "Corporate Parenting Board" --out minutes/
    """
    politeness = Politeness(timeout=timeout, delay=delay, retries=retries, backoff=backoff)
    base = normalise_site(site)
    if list_committees:
        with Http(base, politeness) as http:
            try:
                committees = ModernGovSite(base, http).committees()
            except FetchError as exc:
                raise fail(str(exc)) from None
        if fmt == "json":
            typer.echo(json.dumps([{"id": c.id, "name": c.title, "expired": c.expired} for c in committees
                                   if not c.deleted], indent=2))
        else:
            for c in committees:
                if not c.deleted:
                    console.print(f"{c.id:>6}  {c.title}" + ("  (expired)" if c.expired else ""), highlight=False)
        return
    if not committee:
        raise fail("give --committee NAME_OR_ID (see --list-committees)")
    if not out and not load:
        raise fail("give --out DIR to save the minutes, --load to load them, or both")
    try:
        since_iso = parse_date_option(since, "--since") or default_since()
        until_iso = parse_date_option(until, "--until") or _today()
    except ValueError as exc:
        raise fail(str(exc)) from None
    if since_iso > until_iso:
        raise fail(f"--since {since_iso} is after --until {until_iso}")
    if out:
        out.mkdir(parents=True, exist_ok=True)
        state_path = state or out / state_name(base)
    else:
        state_path = state or default_state_dir() / state_name(base, salt=ctx.obj.db)
    fetch_state = FetchState(state_path, base)
    report_load = LoadReport()

    def on_note(msg: str) -> None:
        err.print(f"[yellow]note:[/yellow] {escape(msg)}", highlight=False, soft_wrap=True)

    with (store_for(ctx) if load else nullcontext()) as store, Http(base, politeness) as http:
        def on_document(doc: ItemDocument) -> None:
            if out:
                (out / doc.filename).write_text(doc.src.text, encoding="utf-8")
            if store is not None:
                outcome = load_source(store, doc.src)
                report_load.outcomes.append(outcome)
                if outcome.error:
                    print_error(outcome.error)

        report = fetch_committee(ModernGovSite(base, http), committee, since=since_iso, until=until_iso,
                                 authority=authority, state=fetch_state, on_document=on_document,
                                 on_note=on_note, refresh=refresh)

    if fmt == "json":
        summary = report.as_dict()
        summary["state"] = str(state_path)
        if out:
            summary["out"] = str(out)
        if load:
            summary["load"] = report_load.as_dict()
        typer.echo(json.dumps(summary, indent=2))
    elif report.committee:
        c = report.committee
        where = []
        if out:
            where.append(f"saved to {out}")
        if load:
            lc = report_load.counters
            where.append(f"{len(report_load.loaded)} loaded, {len(report_load.skipped)} unchanged, "
                         f"{len(report_load.errors)} error(s); nodes +{lc.nodes_created}, "
                         f"relationships +{lc.relationships_created}")
        console.print(
            f"{c.title} (id {c.id}), {since_iso} to {until_iso}: {report.meetings_listed} meeting(s)"
            + (" (list unchanged)" if report.list_unchanged else "") + ", "
            f"{report.meetings_fetched} fetched, {report.meetings_already} already fetched, "
            f"{report.meetings_pending} without minutes yet; {report.documents} minute item(s)"
            + (" " + "; ".join(where) if where and report.documents else "")
            + (" (read from the site's HTML pages: its web service is off)" if report.mode == "html" else ""),
            highlight=False, soft_wrap=True)
    if report.error:
        raise fail(report.error)
    if not authority and report.documents:
        on_note("no --authority given: the documents have no COUNCIL: line")
    if report_load.errors:
        raise typer.Exit(1)


def _today() -> str:
    from datetime import date

    return date.today().isoformat()
