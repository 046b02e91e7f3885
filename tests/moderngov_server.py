"""A small ModernGov site on 127.0.0.1 for the fetch tests.

It answers the web service (``/mgWebService.asmx/GetCommittees``,
``GetMeetings``, ``GetMeeting``) in the shape of the real responses in
``shared/fixtures/moderngov`` and, when the web service is switched off, the
published pages (``mgListCommittees.aspx``, ``mgCommitteeDetails.aspx``,
``ieListMeetings.aspx``, ``ieListDocuments.aspx``, ``mgAi.aspx``,
``mgMeetingAttendance.aspx``). The minutes are children's-services minutes
written for the tests. Faults (5xx, slow answers, malformed XML) are queued
per endpoint and used up one request at a time; every request is logged.
"""
from __future__ import annotations

import hashlib
import html
import threading
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr


@dataclass
class Item:
    number: str
    title: str
    minutes: str
    """Minutes as HTML (escaped into minutesnonemptyhtmlbody)."""
    restricted: bool = False
    item_id: int = 0


@dataclass
class Attendee:
    name: str
    role: str
    attendance: str


@dataclass
class MeetingSpec:
    id: int
    committee_id: int
    day: date
    status: str = "Confirmed"
    items: list[Item] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    minutes_published: bool = True


@dataclass
class Fault:
    status: int = 200
    body: bytes | None = None
    sleep: float = 0.0
    content_type: str = "text/xml; charset=utf-8"


@dataclass
class Request:
    endpoint: str
    path: str
    headers: dict[str, str]
    status: int = 0


CPB = 501
SCRUTINY = 502

ATTENDEES = [
    Attendee("Councillor Anna Smith", "Chair", "Present"),
    Attendee("Councillor Ben Jones", "Committee Member", "Present"),
    Attendee("Councillor Carol Brown", "Committee Member", "Apologies"),
    Attendee("Jane Doe", "Director of Children's Services", "In attendance"),
]


def default_meetings() -> list[MeetingSpec]:
    return [
        MeetingSpec(7001, CPB, date(2025, 1, 15), items=[
            Item("1", "Apologies for Absence",
                 "<p>Apologies for absence were received from Councillor Carol Brown.</p>", item_id=9101),
            Item("2", "Children in Care Annual Report",
                 "<div class=\"WordSection1\"><p class=\"MsoNormal\">The Director of Children&#39;s Services "
                 "presented the report to the Board.</p><p>The Corporate Parenting Board (CPB) would monitor "
                 "progress against the Sufficiency Strategy.</p></div>", item_id=9102),
            Item("3", "Placement Costs (exempt)", "<p>Members discussed individual placement costs.</p>",
                 restricted=True, item_id=9103),
            Item("4", "Any Other Business", "", item_id=9104),
        ], attendees=list(ATTENDEES)),
        MeetingSpec(7002, CPB, date(2025, 2, 10), status="Cancelled"),
        MeetingSpec(7003, CPB, date(2025, 3, 12), items=[
            Item("1", "Care Leavers Offer",
                 "<p>The Head of Service for Care Leavers presented the report to the Board.</p>", item_id=9301),
        ], attendees=list(ATTENDEES[:2])),
        MeetingSpec(8001, SCRUTINY, date(2025, 1, 20), items=[
            Item("5", "Ofsted Inspection",
                 "<p>The Panel will scrutinise the improvement plan.</p>", item_id=9501),
        ]),
    ]


class ModernGovServer:
    """Start with ``with ModernGovServer() as site: site.url ...``."""

    def __init__(self) -> None:
        self.committees: list[tuple[int, str, bool]] = [
            (312, "Appointment Sub Committee for Director of Children's Services", True),
            (CPB, "Corporate Parenting Board", False),
            (SCRUTINY, "Children and Young People Scrutiny Panel", False),
        ]
        self.meetings: list[MeetingSpec] = default_meetings()
        self.webservice = True
        """False: the web service answers 404 with an HTML page, as on sites that switch it off."""
        self.html_pages = True
        """False: no ModernGov pages either (a site that is not ModernGov)."""
        self.etags = True
        self.faults: dict[str, list[Fault]] = {}
        self.log: list[Request] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    # -- control
    def fault(self, endpoint: str, fault: Fault, times: int = 1) -> None:
        with self._lock:
            self.faults.setdefault(endpoint, []).extend([fault] * times)

    def requests(self, endpoint: str | None = None) -> list[Request]:
        with self._lock:
            return [r for r in self.log if endpoint is None or r.endpoint == endpoint]

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    @property
    def url(self) -> str:
        assert self._server
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "ModernGovServer":
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                owner._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        assert self._server
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # -- serving
    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(h.path)
        endpoint = parts.path.rstrip("/").rsplit("/", 1)[-1]
        q = {k.lower(): v[0] for k, v in parse_qs(parts.query).items()}
        entry = Request(endpoint, h.path, {k.lower(): v for k, v in h.headers.items()})
        with self._lock:
            self.log.append(entry)
            queue = self.faults.get(endpoint)
            fault = queue.pop(0) if queue else None
        if fault and fault.sleep:
            self._stop.wait(min(fault.sleep, 10.0))
        if fault and (fault.status != 200 or fault.body is not None):
            body = fault.body if fault.body is not None else b"<html><body>Server Error</body></html>"
            self._send(h, entry, fault.status, body, fault.content_type if fault.body is not None else "text/html")
            return
        status, body, ctype = self._route(parts.path, endpoint, q)
        self._send(h, entry, status, body, ctype)

    def _send(self, h: BaseHTTPRequestHandler, entry: Request, status: int, body: bytes, ctype: str) -> None:
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if status == 200 and self.etags and h.headers.get("If-None-Match") == etag:
            status, body = 304, b""
        entry.status = status
        try:
            h.send_response(status)
            if status != 304:
                h.send_header("Content-Type", ctype)
            if status in (200, 304) and self.etags:
                h.send_header("ETag", etag)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _route(self, path: str, endpoint: str, q: dict[str, str]) -> tuple[int, bytes, str]:
        xml = "text/xml; charset=utf-8"
        page = "text/html; charset=utf-8"
        if "/mgWebService.asmx/" in path:
            if not self.webservice:
                return 404, b"<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>", page
            if endpoint == "GetCommittees":
                return 200, self.xml_committees().encode(), xml
            if endpoint == "GetMeetings":
                return 200, self.xml_meetings(int(q["lcommitteeid"]), q["sfromdate"], q["stodate"]).encode(), xml
            if endpoint == "GetMeeting":
                m = self._meeting(int(q["lmeetingid"]))
                return (200, self.xml_meeting(m).encode(), xml) if m else (404, b"no meeting", page)
            return 404, b"unknown method", page
        if not self.html_pages:
            return 404, b"<!DOCTYPE html><html><body>Not found</body></html>", page
        builders = {
            "mgListCommittees.aspx": lambda: self.html_committees(),
            "mgCommitteeDetails.aspx": lambda: self.html_committee(int(q["id"])),
            "ieListMeetings.aspx": lambda: self.html_meetings(int(q["cid"])),
            "ieListDocuments.aspx": lambda: self.html_meeting(int(q["mid"])),
            "mgAi.aspx": lambda: self.html_item(int(q["id"])),
            "mgMeetingAttendance.aspx": lambda: self.html_attendance(int(q["id"])),
            "minutes.html": lambda: self.html_minutes_page(),
        }
        build = builders.get(endpoint)
        text = build() if build else None
        if text is None:
            return 404, b"<!DOCTYPE html><html><body>Not found</body></html>", page
        return 200, text.encode(), page

    def _meeting(self, mid: int) -> MeetingSpec | None:
        return next((m for m in self.meetings if m.id == mid), None)

    # -- web service XML (the shape of shared/fixtures/moderngov)
    def xml_committees(self) -> str:
        rows = "".join(
            f"<committee><committeeid>{cid}</committeeid><committeetitle>{escape(title)}</committeetitle>"
            f"<committeedeleted>False</committeedeleted><committeeexpired>{expired}</committeeexpired>"
            f"<committeecategory>Children's Services</committeecategory></committee>"
            for cid, title, expired in self.committees)
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<committees><committeescount> {len(self.committees)}'
                f"</committeescount>{rows}</committees>")

    def xml_meetings(self, cid: int, since: str, until: str) -> str:
        def parse(dmy: str) -> date:
            d, m, y = dmy.split("/")
            return date(int(y), int(m), int(d))

        lo, hi = parse(since), parse(until)
        ms = [m for m in self.meetings if m.committee_id == cid and lo <= m.day <= hi]
        title = next(t for c, t, _ in self.committees if c == cid)
        rows = "".join(
            f"<meeting><meetingid>{m.id}</meetingid><meetingdate>{m.day:%d/%m/%Y}</meetingdate>"
            f"<meetingstatus>{m.status}</meetingstatus><meetingtime>10.00 am</meetingtime>"
            f"<iswebcast>False</iswebcast></meeting>" for m in ms)
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<getmeetings><meetingscount> {len(ms)}</meetingscount>'
                f"<committeescount> 1</committeescount><committee><committeeid>{cid}</committeeid>"
                f"<committeetitle>{escape(title)}</committeetitle><committeemeetingcount> {len(ms)}"
                f"</committeemeetingcount><committeemeetings>{rows}</committeemeetings></committee></getmeetings>")

    def xml_meeting(self, m: MeetingSpec) -> str:
        title = next(t for c, t, _ in self.committees if c == m.committee_id)
        items = "".join(
            f"<agendaitem><agendaitemid>{it.item_id}</agendaitemid><agendaitemtitle>{escape(it.title)}"
            f"</agendaitemtitle><agendatext>{escape('<p>Report attached.</p>')}</agendatext>"
            f"<agendaitemnumber>{int(it.number) + 3}</agendaitemnumber><agendaitemsubnumber>\n"
            f"</agendaitemsubnumber><fulldisplaynumberformat>{it.number}.</fulldisplaynumberformat>"
            f"<minutesnonemptyhtmlbody>{escape(it.minutes)}</minutesnonemptyhtmlbody>"
            f"<isminutepublished>{m.minutes_published}</isminutepublished>"
            f"<isrestricted>{it.restricted}</isrestricted><isdisplayallowed>True</isdisplayallowed>"
            f"<meetingdate>{m.day:%d/%m/%Y}</meetingdate><minutesitemnumber>{it.number}</minutesitemnumber>"
            f"<refertocommittee>{escape(title)}</refertocommittee><linkeddocuments></linkeddocuments>"
            f"</agendaitem>" for it in m.items)
        people = "".join(
            f"<attendee membertype=\"U\" memberid=\"{i}\" name={quoteattr(a.name)} "
            f"roledescription={quoteattr(a.role)} attendance={quoteattr(a.attendance)}>"
            f"<url>{self.url}/mgUserInfo.aspx?UID={i}</url></attendee>"
            for i, a in enumerate(m.attendees, 1))
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<meeting><meetingid>{m.id}</meetingid>'
                f"<meetingdate>{m.day:%d/%m/%Y}</meetingdate><meetingstatus>{m.status}</meetingstatus>"
                f"<isdisplayallowed>True</isdisplayallowed><meetingtime>10.00 am</meetingtime>"
                f"<meetinglocation>County Hall</meetinglocation><agendapublished>True</agendapublished>"
                f"<minutepublished>{m.minutes_published}</minutepublished>"
                f"<agendaitems>{items}</agendaitems><attendees>{people}</attendees></meeting>")

    # -- the published pages (the web service switched off)
    @staticmethod
    def _page(title: str, body: str) -> str:
        return (f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title></head><body>"
                f"<div id=\"mgContent\"><h1 class=\"mgMainTitleTxt\">{html.escape(title)}</h1>{body}</div>"
                f"<div class=\"mgFooter\">Exampleshire County Council</div></body></html>")

    def html_committees(self) -> str:
        links = "".join(f'<li><a href="mgCommitteeDetails.aspx?ID={cid}">{html.escape(t)}</a></li>'
                        for cid, t, _ in self.committees)
        return self._page("Browse meetings", f'<ul class="mgBulletList">{links}</ul>')

    def html_committee(self, cid: int) -> str | None:
        title = next((t for c, t, _ in self.committees if c == cid), None)
        return self._page(title, "<p>Membership</p>") if title else None

    def html_meetings(self, cid: int) -> str | None:
        title = next((t for c, t, _ in self.committees if c == cid), None)
        if title is None:
            return None
        rows = []
        for m in self.meetings:
            if m.committee_id != cid:
                continue
            when = f"{m.day:%A}, {m.day.day}th {m.day:%B}, {m.day.year} 10.00 am"
            cancelled = " CANCELLED" if "cancel" in m.status.lower() else ""
            rows.append(f'<li><a href="ieListDocuments.aspx?CId={cid}&amp;MId={m.id}&amp;Ver=4" '
                        f'title="Meeting of {html.escape(title)}, {when}">{when}</a>{cancelled}</li>')
        return self._page(title, f'<ul class="mgCalendarCommitteeList">{"".join(rows)}</ul>')

    def html_meeting(self, mid: int) -> str | None:
        m = self._meeting(mid)
        if m is None:
            return None
        rows = []
        for it in m.items:
            restricted = " <span>Restricted item</span>" if it.restricted else ""
            link = (f'<a href="mgAi.aspx?ID={it.item_id}">{html.escape(it.title)}</a>' if not it.restricted
                    else f'<a href="mgAi.aspx?ID={it.item_id}">{html.escape(it.title)}</a>{restricted}')
            rows.append(f'<tr><td class="mgItemNumberCell"><p>{it.number}.</p></td><td>{link}</td></tr>')
        return self._page(f"Agenda and minutes, {m.day:%d/%m/%Y}",
                          f'<table class="mgItemTable">{"".join(rows)}</table>')

    def html_item(self, aid: int) -> str | None:
        for m in self.meetings:
            for it in m.items:
                if it.item_id == aid and not it.restricted:
                    minutes = (f'<p class="mgSubItemTitleTxt">Minutes:</p><div class="mgWordPara">{it.minutes}</div>'
                               if it.minutes else "")
                    return self._page("Agenda item", f"<h2>{html.escape(it.title)}</h2>"
                                      f"<p>Report attached.</p>{minutes}"
                                      f'<p class="mgSubItemTitleTxt">Supporting documents:</p><ul><li>Report</li></ul>')
        return None

    def html_attendance(self, mid: int) -> str | None:
        m = self._meeting(mid)
        if m is None:
            return None
        rows = "".join(f"<tr><td>{html.escape(a.name)}</td><td>{html.escape(a.role)}</td>"
                       f"<td>{html.escape(a.attendance)}</td></tr>" for a in m.attendees)
        return self._page("Attendance", f"<table><tr><th>Attendee</th><th>Role</th><th>Attendance</th></tr>"
                          f"{rows}</table>")

    def html_minutes_page(self) -> str:
        return self._page("Corporate Parenting Board minutes",
                          "<p>The Director of Children&#39;s Services presented the report to the Board.</p>")
