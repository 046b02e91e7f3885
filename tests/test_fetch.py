"""`govgraph fetch` against a ModernGov site on loopback (tests/moderngov_server.py)."""
from __future__ import annotations

import json
import socket
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govgraph.cli import app
from govgraph.loaders.header import parse_header
from govgraph.loaders.moderngov import (
    Attendee,
    FetchState,
    Http,
    ModernGovSite,
    Politeness,
    attendance_block,
    fetch_committee,
    load_source,
    normalise_site,
    user_agent,
)
from govgraph.loaders.pipeline import discover, load_inputs, read_input
from govgraph.loaders.source import LoadError

from .moderngov_server import CPB, Fault, Item, MeetingSpec, ModernGovServer

runner = CliRunner()
AUTHORITY = "Exampleshire County Council"
WINDOW = ["--since", "2025-01-01", "--until", "2025-12-31"]


@pytest.fixture
def site():
    with ModernGovServer() as server:
        yield server


def fetch(site: ModernGovServer, out: Path, *extra: str, committee: str = "Corporate Parenting Board"):
    args = ["fetch", site.url, "--committee", committee, "--authority", AUTHORITY, "--out", str(out),
            "--delay", "0", "--backoff", "0", "--timeout", "5", *WINDOW, *extra]
    return runner.invoke(app, args, catch_exceptions=False)


def saved(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.txt"))}


def one_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.startswith("error:")]
    assert len(lines) == 1, text
    return lines[0]


# --------------------------------------------------------------------------- a first fetch


def test_first_fetch_saves_one_document_per_published_minute_item(site, tmp_path):
    res = fetch(site, tmp_path)
    assert res.exit_code == 0, res.output
    docs = saved(tmp_path)
    assert sorted(docs) == [
        "2025-01-15_corporate-parenting-board_m7001_item-1.txt",
        "2025-01-15_corporate-parenting-board_m7001_item-2.txt",
        "2025-03-12_corporate-parenting-board_m7003_item-1.txt",
    ]
    text = docs["2025-01-15_corporate-parenting-board_m7001_item-2.txt"]
    header = parse_header(text)
    assert header.fields["URL"] == f"{site.url}/ieListDocuments.aspx?CId={CPB}&MId=7001#item-2"
    assert header.council == AUTHORITY
    assert header.fields["DATE"] == "2025-01-15"
    assert header.fields["KIND"] == "agenda-item"
    assert header.fields["COMMITTEE"] == "Corporate Parenting Board"
    assert header.fields["ITEM"] == "2 Children in Care Annual Report"
    minutes = text[header.body_start:]
    assert "The Director of Children's Services presented the report to the Board." in minutes
    assert "Present: Councillor Anna Smith (Chair) and Councillor Ben Jones\n" in minutes
    assert "Apologies: Councillor Carol Brown\n" in minutes
    assert "Also attended: Jane Doe (Director of Children's Services)\n" in minutes
    assert "<p" not in minutes and "&#39;" not in minutes
    urls = {parse_header(t).fields["URL"] for t in docs.values()}
    assert len(urls) == 3  # one URL per item


def test_cancelled_meetings_and_restricted_items_are_passed_over_with_a_note(site, tmp_path):
    res = fetch(site, tmp_path)
    assert res.exit_code == 0
    assert "meeting 7002 on 2025-02-10 was cancelled: passed over" in res.stderr
    assert "meeting 7001 item 3 (Placement Costs (exempt)) is restricted: passed over" in res.stderr
    assert not any("Placement" in t for t in saved(tmp_path).values())
    assert [r.path for r in site.requests("GetMeeting") if "7002" in r.path] == []


def test_requests_carry_a_clear_user_agent_and_the_webservice_date_format(site, tmp_path):
    fetch(site, tmp_path)
    agents = {r.headers.get("user-agent") for r in site.requests()}
    assert agents == {user_agent()}
    assert user_agent().startswith("govgraph/0.") and "+http" in user_agent()
    (listing,) = site.requests("GetMeetings")
    assert f"lCommitteeId={CPB}" in listing.path
    assert "sFromDate=01%2F01%2F2025" in listing.path and "sToDate=31%2F12%2F2025" in listing.path


def test_a_second_fetch_downloads_nothing_new(site, tmp_path):
    assert fetch(site, tmp_path).exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.txt")}
    site.clear_log()
    res = fetch(site, tmp_path)
    assert res.exit_code == 0, res.output
    assert site.requests("GetMeeting") == []
    # the list itself came back 304 thanks to the ETag of the first fetch
    (listing,) = site.requests("GetMeetings")
    assert listing.headers.get("if-none-match") and listing.status == 304
    assert "0 fetched, 2 already fetched" in res.stdout
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.txt")} == before


def test_without_etags_known_meetings_are_skipped_by_id(site, tmp_path):
    site.etags = False
    fetch(site, tmp_path)
    site.clear_log()
    res = fetch(site, tmp_path)
    assert res.exit_code == 0
    assert [r.endpoint for r in site.requests()] == ["GetCommittees", "GetMeetings"]
    assert "2 already fetched" in res.stdout


def test_a_new_meeting_is_fetched_and_only_it(site, tmp_path):
    fetch(site, tmp_path)
    site.meetings.append(MeetingSpec(7004, CPB, date(2025, 4, 9), items=[
        Item("1", "Virtual School Head's Report",
             "<p>The Virtual School Head presented the report to the Board.</p>", item_id=9401)]))
    site.clear_log()
    res = fetch(site, tmp_path)
    assert res.exit_code == 0, res.output
    assert [r.path.split("lMeetingId=")[1] for r in site.requests("GetMeeting")] == ["7004"]
    assert "2025-04-09_corporate-parenting-board_m7004_item-1.txt" in saved(tmp_path)
    assert "1 fetched, 2 already fetched" in res.stdout


def test_a_meeting_without_minutes_yet_is_checked_again_next_time(site, tmp_path):
    pending = MeetingSpec(7005, CPB, date(2025, 5, 1), minutes_published=False, items=[
        Item("1", "Fostering Service", "", item_id=9501)])
    site.meetings.append(pending)
    res = fetch(site, tmp_path)
    assert "meeting 7005 on 2025-05-01: no minutes published yet" in res.stderr
    pending.minutes_published = True
    pending.items[0].minutes = "<p>The Fostering Service Manager presented the report to the Board.</p>"
    site.clear_log()
    res = fetch(site, tmp_path)
    assert res.exit_code == 0
    assert [r.path.split("lMeetingId=")[1] for r in site.requests("GetMeeting")] == ["7005"]
    assert "2025-05-01_corporate-parenting-board_m7005_item-1.txt" in saved(tmp_path)


def test_refresh_rechecks_known_meetings_with_conditional_requests(site, tmp_path):
    fetch(site, tmp_path)
    site.clear_log()
    res = fetch(site, tmp_path, "--refresh")
    assert res.exit_code == 0
    gets = site.requests("GetMeeting")
    assert len(gets) == 2 and all(r.headers.get("if-none-match") and r.status == 304 for r in gets)


# --------------------------------------------------------------------------- a site that misbehaves


def test_a_server_error_is_retried_then_succeeds(site, tmp_path):
    site.fault("GetMeetings", Fault(status=503), times=2)
    res = fetch(site, tmp_path)
    assert res.exit_code == 0, res.output
    assert [r.status for r in site.requests("GetMeetings")] == [503, 503, 200]
    assert len(saved(tmp_path)) == 3


def test_a_500_is_retried_a_bounded_number_of_times_then_one_clear_line(site, tmp_path):
    site.fault("GetMeetings", Fault(status=500), times=10)
    res = fetch(site, tmp_path, "--retries", "2")
    assert res.exit_code == 1
    assert len(site.requests("GetMeetings")) == 3
    line = one_line(res.stderr)
    assert site.url in line and "server error 500" in line and "GetMeetings" in line and "3 attempts" in line


def test_a_timeout_gives_one_clear_line(site, tmp_path):
    site.fault("GetCommittees", Fault(sleep=1.0), times=5)
    res = fetch(site, tmp_path, "--timeout", "0.2", "--retries", "1")
    assert res.exit_code == 1
    line = one_line(res.stderr)
    assert site.url in line and "no answer within 0.2s" in line and "GetCommittees" in line
    assert len(site.requests("GetCommittees")) == 2


def test_malformed_xml_gives_one_clear_line_and_keeps_what_came_before(site, tmp_path):
    # the first meeting is fine, the second answers broken XML
    original = site.xml_meeting

    def broken(m):
        return original(m) if m.id != 7003 else "<?xml version='1.0'?><meeting><meetingid>7003</meeting"
    site.xml_meeting = broken
    res = fetch(site, tmp_path)
    assert res.exit_code == 1
    line = one_line(res.stderr)
    assert site.url in line and "malformed XML from GetMeeting 7003" in line
    assert sorted(saved(tmp_path)) == ["2025-01-15_corporate-parenting-board_m7001_item-1.txt",
                                       "2025-01-15_corporate-parenting-board_m7001_item-2.txt"]
    # once the site is mended, only the meeting that failed is fetched
    site.xml_meeting = original
    site.clear_log()
    res = fetch(site, tmp_path)
    assert res.exit_code == 0, res.output
    assert [r.path.split("lMeetingId=")[1] for r in site.requests("GetMeeting")] == ["7003"]
    assert len(saved(tmp_path)) == 3


def test_entity_expansion_is_refused(site, tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            b"<committees><committee><committeeid>1</committeeid><committeetitle>&lol2;</committeetitle>"
            b"</committee></committees>")
    site.fault("GetCommittees", Fault(body=bomb))
    res = fetch(site, tmp_path)
    assert res.exit_code == 1
    assert "unsafe XML from GetCommittees refused" in one_line(res.stderr)


def test_a_site_that_is_down_gives_one_clear_line(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    res = runner.invoke(app, ["fetch", url, "-c", "1", "--out", str(tmp_path), "--delay", "0",
                              "--backoff", "0", "--retries", "1", "--timeout", "2"])
    assert res.exit_code == 1
    line = one_line(res.stderr)
    assert url in line and "cannot connect" in line


def test_a_site_that_is_not_moderngov_gives_one_clear_line(site, tmp_path):
    site.webservice = False
    site.html_pages = False
    res = fetch(site, tmp_path)
    assert res.exit_code == 1
    line = one_line(res.stderr)
    assert site.url in line and "not a ModernGov site" in line


def test_an_unknown_committee_gives_one_clear_line(site, tmp_path):
    res = fetch(site, tmp_path, committee="Planning")
    assert res.exit_code == 1
    assert "no committee named 'Planning'" in one_line(res.stderr)
    res = fetch(site, tmp_path, committee="en")
    assert "matches several committees" in one_line(res.stderr)


# --------------------------------------------------------------------------- web service switched off


def test_when_the_web_service_is_off_the_published_pages_give_the_same_documents(site, tmp_path):
    ws_out, html_out = tmp_path / "ws", tmp_path / "html"
    assert fetch(site, ws_out).exit_code == 0
    site.webservice = False
    site.clear_log()
    res = fetch(site, html_out)
    assert res.exit_code == 0, res.output
    assert "HTML pages" in res.stdout
    endpoints = {r.endpoint for r in site.requests()}
    assert {"mgListCommittees.aspx", "ieListMeetings.aspx", "ieListDocuments.aspx", "mgAi.aspx",
            "mgMeetingAttendance.aspx"} <= endpoints
    assert saved(html_out) == saved(ws_out)
    assert "meeting 7002 on 2025-02-10 was cancelled: passed over" in res.stderr
    assert "item 3 (Placement Costs (exempt)) is restricted" in res.stderr
    # and incremental there too
    site.clear_log()
    res = fetch(site, html_out)
    assert "2 already fetched" in res.stdout
    assert not site.requests("mgAi.aspx")


def test_an_html_page_instead_of_xml_means_the_web_service_is_off(site, tmp_path):
    site.fault("GetCommittees", Fault(body=b"<!DOCTYPE html><html><body>Sign in</body></html>",
                                      content_type="text/html"))
    res = fetch(site, tmp_path, committee=str(CPB))
    assert res.exit_code == 0, res.output
    assert len(saved(tmp_path)) == 3
    assert parse_header(next(iter(saved(tmp_path).values()))).fields["COMMITTEE"] == "Corporate Parenting Board"


# --------------------------------------------------------------------------- listing, options


def test_list_committees(site):
    res = runner.invoke(app, ["fetch", "--list-committees", site.url, "--delay", "0"])
    assert res.exit_code == 0, res.output
    assert f"{CPB}  Corporate Parenting Board" in res.stdout
    assert "(expired)" in res.stdout
    site.webservice = False
    res = runner.invoke(app, ["fetch", "--list-committees", site.url, "--delay", "0", "--format", "json"])
    assert {"id": CPB, "name": "Corporate Parenting Board", "expired": False} in json.loads(res.stdout)


def test_fetch_help_lists_every_option_with_help_text():
    res = runner.invoke(app, ["fetch", "--help"], env={"COLUMNS": "200"})
    assert res.exit_code == 0
    for opt in ("--committee", "--since", "--until", "--authority", "--out", "--load", "--list-committees",
                "--refresh", "--delay", "--timeout", "--retries", "--backoff", "--state", "--format"):
        assert opt in res.stdout
    params = next(c for c in app.registered_commands if c.name == "fetch" or c.callback.__name__ == "fetch")
    import inspect

    for name, p in inspect.signature(params.callback).parameters.items():
        if name != "ctx":
            assert p.default.help, f"{name} has no help text"


def test_fetch_needs_somewhere_to_put_the_minutes(site):
    res = runner.invoke(app, ["fetch", site.url, "-c", "501"])
    assert res.exit_code == 1 and "--out DIR" in res.stderr
    res = runner.invoke(app, ["fetch", site.url, "-c", "501", "--out", "x", "--since", "someday"])
    assert res.exit_code == 1 and "is not a date" in res.stderr


def test_the_delay_between_requests_is_kept(site):
    waits: list[float] = []
    with Http(site.url, Politeness(delay=0.5, retries=0), sleep=waits.append) as http:
        ModernGovSite(site.url, http).committees()
        ModernGovSite(site.url, http).committees()
    assert len(waits) == 1 and 0.3 < waits[0] <= 0.5


def test_site_urls_are_normalised():
    assert normalise_site("democracy.example.gov.uk/") == "https://democracy.example.gov.uk"
    assert normalise_site("https://x.gov.uk/mgWebService.asmx/GetCommittees") == "https://x.gov.uk"
    assert normalise_site("https://x.gov.uk/democracy/mgListCommittees.aspx?bcr=1") == "https://x.gov.uk/democracy"


def test_attendance_block_groups_by_attendance():
    block = attendance_block([Attendee("Mrs F M Oborski", "Chairman", "Present"),
                              Attendee("Mr A B", "Committee Member", "Present as substitute"),
                              Attendee("Ms C", "Vice-Chairman", "Apologies"),
                              Attendee("Mr D", "Committee Member", "Expected")])
    assert block == "Present: Mrs F M Oborski (Chairman) and Mr A B\nApologies: Ms C (Vice-Chairman)"


# --------------------------------------------------------------------------- into the graph


def _fetch_into(site: ModernGovServer, store, state_path: Path):
    outcomes = []
    with Http(site.url, Politeness(delay=0, retries=0, timeout=5)) as http:
        report = fetch_committee(ModernGovSite(site.url, http), "Corporate Parenting Board",
                                 since="2025-01-01", until="2025-12-31", authority=AUTHORITY,
                                 state=FetchState(state_path, site.url),
                                 on_document=lambda d: outcomes.append((d, load_source(store, d.src))))
    return report, outcomes


def test_fetched_minutes_load_into_the_store_with_the_committee_as_the_meetings_body(site, store, tmp_path):
    report, outcomes = _fetch_into(site, store, tmp_path / "state.json")
    assert report.error is None and report.documents == 3
    assert all(o.error is None for _, o in outcomes), [o.error for _, o in outcomes]
    doc, _ = outcomes[1]
    assert doc.src.body == "Corporate Parenting Board" and doc.src.date == "2025-01-15"
    assert doc.src.extra["attendees"][0] == {"name": "Councillor Anna Smith", "role": "Chair",
                                             "attendance": "Present"}
    rows = store.query("MATCH (d:Document) RETURN d.source AS source, d.body AS body, d.date AS date, "
                       "d.authority AS authority ORDER BY source").records()
    assert len(rows) == 3
    assert {r["body"] for r in rows} == {"Corporate Parenting Board"}
    assert {r["date"] for r in rows} == {"2025-01-15", "2025-03-12"}
    assert {r["authority"] for r in rows} == {AUTHORITY}
    assert all("#item-" in r["source"] for r in rows)
    # where the extractor makes Meeting nodes, they are meetings of the committee
    meetings = store.query("MATCH (m:Meeting) OPTIONAL MATCH (m)-[:MEETING_OF]->(b:Body) "
                           "RETURN m.id AS id, b.name AS body").records()
    for m in meetings:
        assert m["body"] == "Corporate Parenting Board", m
    # fetching again loads nothing: the state says the meetings are done
    report, outcomes = _fetch_into(site, store, tmp_path / "state.json")
    assert report.documents == 0 and outcomes == []


def test_fetch_load_on_the_command_line_then_load_of_the_saved_files_changes_nothing(site, tmp_path):
    db = str(tmp_path / "fetch.db")
    out = tmp_path / "out"
    args = ["--db", db, "fetch", site.url, "-c", "Corporate Parenting Board", "--authority", AUTHORITY,
            "--out", str(out), "--load", "--delay", "0", "--format", "json", *WINDOW]
    res = runner.invoke(app, args, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["documents"] == 3 and summary["load"]["loaded"] == 3 and summary["load"]["errors"] == []
    # the saved files are the very texts that were loaded: loading them is a no-op
    res = runner.invoke(app, ["--db", db, "load", str(out), "--format", "json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["unchanged"] == 3
    refs, _ = discover([str(out)])
    assert len(refs) == 3  # the state file is not taken for minutes
    # a saved file alone says whose minutes it holds (header COMMITTEE:/DATE: and the title line)
    from govgraph.loaders.pipeline import extract_input

    doc = extract_input(next(r for r in refs if "m7001_item-2" in r))
    assert (doc.document.body, doc.document.date, doc.document.authority) == \
        ("Corporate Parenting Board", "2025-01-15", AUTHORITY)


# --------------------------------------------------------------------------- govgraph load URL


def test_load_url_reads_one_published_page(site, tmp_path):
    src = read_input(f"{site.url}/minutes.html", authority=AUTHORITY)
    assert "The Director of Children's Services presented the report to the Board." in src.text
    assert src.source == f"{site.url}/minutes.html" and src.authority == AUTHORITY
    assert site.requests("minutes.html")[0].headers["user-agent"] == user_agent()
    db = str(tmp_path / "url.db")
    res = runner.invoke(app, ["--db", db, "load", f"{site.url}/minutes.html", "--authority", AUTHORITY])
    assert res.exit_code == 0, res.output


def test_load_url_errors_are_one_line(site, monkeypatch):
    with pytest.raises(LoadError, match=r"/nothing\.html: not found \(HTTP 404\)$"):
        read_input(f"{site.url}/nothing.html")
    monkeypatch.setenv("GOVGRAPH_HTTP_RETRIES", "1")
    monkeypatch.setenv("GOVGRAPH_HTTP_BACKOFF", "0")
    site.fault("minutes.html", Fault(status=502), times=2)
    with pytest.raises(LoadError) as info:
        read_input(f"{site.url}/minutes.html")
    assert str(info.value) == f"{site.url}/minutes.html: server error 502 after 2 attempts"


def test_load_inputs_reports_a_bad_url_and_goes_on(site, falkordb_store):
    report = load_inputs(falkordb_store, [f"{site.url}/nothing.html", f"{site.url}/minutes.html"],
                         authority=AUTHORITY)
    assert [bool(o.error) for o in report.outcomes] == [True, False]
