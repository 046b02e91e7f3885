"""Minutes from a ModernGov site: its web service, or its published pages when that is off.

Most English councils publish their committees with ModernGov. Its web
service (``mgWebService.asmx``) answers ``GetCommittees``, ``GetMeetings``
and ``GetMeeting``; the last holds each agenda item's minutes as HTML and the
attendees with their role and attendance. Every published minute item
becomes one text document in the corpus format (``URL:``, ``COUNCIL:``,
``DATE:``, ``KIND: agenda-item``, ``COMMITTEE:``, ``ITEM:``, ``---``) with the
meeting's attendance written as a ``Present:`` / ``Apologies:`` block, so
the loaders read it like any other minutes.

Where the web service is switched off (404/403 or an HTML page instead of
XML) the same is read, more modestly, from the site's pages:
``mgListCommittees.aspx``, ``mgCommitteeDetails.aspx?ID=``,
``ieListMeetings.aspx?CId=``, ``ieListDocuments.aspx?CId=&MId=``,
``mgMeetingAttendance.aspx?ID=`` and ``mgAi.aspx?ID=``.

Fetching is incremental (a small JSON state file per site remembers the
meetings done and the validators the site gave) and polite (a clear
User-Agent, a timeout, a delay between requests, bounded retries with
backoff). Any failure is a :class:`FetchError` whose message is one line
naming the site.
"""
from __future__ import annotations

import hashlib
import html as htmlmod
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .header import iso_date
from .html import html_to_text
from .ids import slug
from .source import SourceText

PROJECT_URL = "https://github.com/govgraph/govgraph"
"""Placeholder for the project's home page, named in the User-Agent."""


def user_agent() -> str:
    from .. import __version__

    return f"govgraph/{__version__} (+{PROJECT_URL})"


class FetchError(Exception):
    """A site that cannot be fetched; the message is one line naming the site and what is wrong."""


# --------------------------------------------------------------------------- HTTP


@dataclass
class Politeness:
    timeout: float = 20.0
    """Seconds to wait for a response."""
    delay: float = 1.0
    """Seconds between two requests to the same site."""
    retries: int = 2
    """Extra attempts after a 5xx, 429, timeout or dropped connection."""
    backoff: float = 2.0
    """First wait before a retry in seconds; doubled at each further retry (capped at 60)."""


@dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str]
    content: bytes

    @property
    def text(self) -> str:
        ctype = self.headers.get("content-type", "")
        m = re.search(r"charset=([\w-]+)", ctype, re.I)
        enc = m.group(1) if m else "utf-8"
        try:
            return self.content.decode(enc, errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")

    @property
    def looks_html(self) -> bool:
        head = self.content.lstrip()[:200].lower()
        return head.startswith((b"<!doctype html", b"<html")) or (
            "html" in self.headers.get("content-type", "").lower() and not head.startswith(b"<?xml"))


class Http:
    """One polite HTTP client for one site (httpx underneath)."""

    def __init__(self, site: str, politeness: Politeness | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        import httpx

        self.site = site
        self.p = politeness or Politeness()
        self._sleep = sleep
        self._last = 0.0
        self.requests = 0
        self._client = httpx.Client(
            headers={"User-Agent": user_agent(), "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.p.timeout), follow_redirects=True, max_redirects=5)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Http":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_turn(self) -> None:
        if self.p.delay > 0 and self._last:
            wait = self._last + self.p.delay - time.monotonic()
            if wait > 0:
                self._sleep(wait)

    def get(self, url: str, *, what: str, params: dict[str, str] | None = None,
            validators: dict[str, str] | None = None) -> Response:
        """GET with retries; 2xx-4xx (and 304) are returned, what cannot be had raises FetchError."""
        import httpx

        headers: dict[str, str] = {}
        if validators:
            if validators.get("etag"):
                headers["If-None-Match"] = validators["etag"]
            if validators.get("last_modified"):
                headers["If-Modified-Since"] = validators["last_modified"]
        attempts = self.p.retries + 1
        problem = ""
        retry_after: float | None = None
        for attempt in range(attempts):
            if attempt:
                self._sleep(min(60.0, self.p.backoff * 2 ** (attempt - 1)) if retry_after is None else retry_after)
            retry_after = None
            self._wait_turn()
            self.requests += 1
            try:
                r = self._client.get(url, params=params, headers=headers)
            except httpx.TimeoutException:
                problem = f"no answer within {self.p.timeout:g}s"
                continue
            except httpx.TooManyRedirects:
                raise FetchError(f"{self.site}: too many redirects on {what}") from None
            except httpx.TransportError as exc:
                problem = f"cannot connect ({_short(exc)})"
                continue
            except httpx.InvalidURL as exc:
                raise FetchError(f"{self.site}: invalid URL ({_short(exc)})") from None
            finally:
                self._last = time.monotonic()
            if r.status_code >= 500 or r.status_code == 429:
                problem = f"server error {r.status_code}" if r.status_code != 429 else "too many requests (429)"
                ra = r.headers.get("retry-after", "")
                if ra.isdigit():
                    retry_after = min(float(ra), 60.0)
                continue
            return Response(str(r.url), r.status_code, {k.lower(): v for k, v in r.headers.items()}, r.content)
        tries = f" after {attempts} attempts" if attempts > 1 else ""
        raise FetchError(f"{self.site}: {problem} on {what}{tries}")


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:160] if text else type(exc).__name__


def validators_of(r: Response) -> dict[str, str]:
    v = {}
    if r.headers.get("etag"):
        v["etag"] = r.headers["etag"]
    if r.headers.get("last-modified"):
        v["last_modified"] = r.headers["last-modified"]
    return v


# --------------------------------------------------------------------------- model


@dataclass
class Committee:
    id: int
    title: str
    expired: bool = False
    deleted: bool = False
    category: str = ""


@dataclass
class MeetingRef:
    id: int
    date: str | None
    """ISO date."""
    status: str = ""
    time: str = ""

    @property
    def cancelled(self) -> bool:
        return "cancel" in self.status.lower()


@dataclass
class Attendee:
    name: str
    role: str = ""
    attendance: str = ""


@dataclass
class MinuteItem:
    number: str
    title: str
    html: str
    item_id: int | None = None
    restricted: bool = False
    published: bool = True


@dataclass
class Meeting:
    id: int
    date: str | None
    status: str = ""
    minutes_published: bool = True
    items: list[MinuteItem] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)


# --------------------------------------------------------------------------- parsing helpers


def _xml(r: Response, site: str, what: str):
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        return fromstring(r.content)
    except ParseError as exc:
        raise FetchError(f"{site}: malformed XML from {what} ({exc})") from None
    except DefusedXmlException as exc:
        raise FetchError(f"{site}: unsafe XML from {what} refused ({type(exc).__name__})") from None


def _t(el, tag: str) -> str:
    return (el.findtext(tag) or "").strip()


def _flag(el, tag: str, default: bool = False) -> bool:
    v = _t(el, tag).lower()
    return default if not v else v in ("true", "1", "yes")


def _int(v: str) -> int | None:
    v = v.strip()
    return int(v) if v.isdigit() else None


def parse_committees(root) -> list[Committee]:
    out = []
    for c in root.iter("committee"):
        cid = _int(_t(c, "committeeid"))
        if cid is None:
            continue
        out.append(Committee(cid, _t(c, "committeetitle") or f"Committee {cid}",
                             expired=_flag(c, "committeeexpired"), deleted=_flag(c, "committeedeleted"),
                             category=_t(c, "committeecategory")))
    return out


def parse_meetings(root) -> list[MeetingRef]:
    out = []
    for m in root.iter("meeting"):
        mid = _int(_t(m, "meetingid"))
        if mid is None:
            continue
        out.append(MeetingRef(mid, iso_date(_t(m, "meetingdate")), _t(m, "meetingstatus"), _t(m, "meetingtime")))
    return out


def _item_number(el) -> str:
    disp = _t(el, "fulldisplaynumberformat").rstrip(".").strip()
    if disp:
        return disp
    num = _t(el, "minutesitemnumber") or _t(el, "agendaitemnumber")
    return num + _t(el, "minutesitemsubnumber") if num else ""


def parse_meeting(root) -> Meeting:
    mid = _int(_t(root, "meetingid")) or 0
    meeting = Meeting(mid, iso_date(_t(root, "meetingdate")), _t(root, "meetingstatus"),
                      minutes_published=_flag(root, "minutepublished", True))
    for n, it in enumerate(root.iter("agendaitem"), 1):
        meeting.items.append(MinuteItem(
            number=_item_number(it) or str(n),
            title=re.sub(r"\s+", " ", _t(it, "agendaitemtitle")),
            html=_t(it, "minutesnonemptyhtmlbody"),
            item_id=_int(_t(it, "agendaitemid")),
            restricted=_flag(it, "isrestricted"),
            published=_flag(it, "isminutepublished", True) and _flag(it, "isdisplayallowed", True),
        ))
    for a in root.iter("attendee"):
        name = re.sub(r"\s+", " ", a.get("name") or _t(a, "name"))
        if name:
            meeting.attendees.append(Attendee(name, (a.get("roledescription") or "").strip(),
                                              (a.get("attendance") or "").strip()))
    return meeting


_TAG = re.compile(r"<[^>]+>")


def _cell_text(markup: str) -> str:
    return re.sub(r"\s+", " ", htmlmod.unescape(_TAG.sub(" ", markup))).strip()


def _links(markup: str, page: str) -> Iterator[tuple[str, str, int]]:
    """(href, link text, offset) of every <a href> whose href mentions ``page``."""
    for m in re.finditer(r"(?is)<a\b([^>]*)>(.*?)</a>", markup):
        href = re.search(r"""(?i)\bhref\s*=\s*(["'])(.*?)\1""", m.group(1))
        if href and page.lower() in href.group(2).lower():
            yield htmlmod.unescape(href.group(2)), _cell_text(m.group(2)), m.start()


def _query_int(href: str, key: str) -> int | None:
    m = re.search(rf"(?i)[?&]{key}=(\d+)", href)
    return int(m.group(1)) if m else None


def _page_title(markup: str) -> str:
    for pattern in (r"(?is)<h1\b[^>]*>(.*?)</h1>", r"(?is)<title\b[^>]*>(.*?)</title>"):
        m = re.search(pattern, markup)
        if m and _cell_text(m.group(1)):
            return _cell_text(m.group(1))
    return ""


# --------------------------------------------------------------------------- the site


def normalise_site(site: str) -> str:
    """'democracy.x.gov.uk', '.../mgWebService.asmx', '.../mgListCommittees.aspx' -> 'https://host[/prefix]'."""
    site = site.strip()
    if not re.match(r"(?i)^https?://", site):
        site = "https://" + site
    parts = urlsplit(site)
    path = parts.path
    path = re.sub(r"(?i)/[^/]*\.(asmx|aspx)(/.*)?$", "", path)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path.rstrip('/')}"


class ModernGovSite:
    """Read one ModernGov site through its web service, or its pages when that is off."""

    def __init__(self, site: str, http: Http) -> None:
        self.base = normalise_site(site)
        self.http = http
        self.mode: str | None = None
        """"webservice" or "html" once known."""

    # -- urls
    def ws(self, method: str) -> str:
        return f"{self.base}/mgWebService.asmx/{method}"

    def page(self, name: str) -> str:
        return f"{self.base}/{name}"

    def meeting_url(self, committee_id: int, meeting_id: int) -> str:
        return self.page(f"ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}")

    # -- web service or not
    def _switched_off(self, r: Response) -> bool:
        return r.status in (401, 403, 404, 405, 410, 501) or (r.status == 200 and r.looks_html)

    def _check(self, r: Response, what: str) -> None:
        if r.status >= 400:
            raise FetchError(f"{self.base}: HTTP {r.status} on {what}")

    def committees(self) -> list[Committee]:
        if self.mode != "html":
            r = self.http.get(self.ws("GetCommittees"), what="GetCommittees")
            if not self._switched_off(r):
                self._check(r, "GetCommittees")
                root = _xml(r, self.base, "GetCommittees")
                if root.tag.lower() != "committees" and root.find(".//committee") is None:
                    raise FetchError(f"{self.base}: not a ModernGov web service (GetCommittees answered <{root.tag}>)")
                self.mode = "webservice"
                return parse_committees(root)
            self.mode = "html"
        return self._html_committees()

    def meetings(self, committee: Committee, since: str, until: str,
                 validators: dict[str, str] | None = None) -> tuple[list[MeetingRef] | None, dict[str, str]]:
        """Meetings in [since, until] (ISO dates); ``None`` when the site says nothing changed (304)."""
        if self.mode == "html":
            return self._html_meetings(committee, since, until), {}
        params = {"lCommitteeId": str(committee.id), "sFromDate": _dmy(since), "sToDate": _dmy(until)}
        r = self.http.get(self.ws("GetMeetings"), what="GetMeetings", params=params, validators=validators)
        if r.status == 304:
            return None, validators or {}
        if self._switched_off(r):
            self.mode = "html"
            return self._html_meetings(committee, since, until), {}
        self._check(r, "GetMeetings")
        root = _xml(r, self.base, "GetMeetings")
        if root.tag.lower() != "getmeetings" and root.find(".//meeting") is None:
            raise FetchError(f"{self.base}: not a ModernGov web service (GetMeetings answered <{root.tag}>)")
        refs = [m for m in parse_meetings(root) if not m.date or since <= m.date <= until]
        return refs, validators_of(r)

    def meeting(self, committee: Committee, ref: MeetingRef,
                validators: dict[str, str] | None = None) -> tuple[Meeting | None, dict[str, str]]:
        """The meeting's items and attendees; ``None`` when unchanged since ``validators`` (304)."""
        if self.mode == "html":
            return self._html_meeting(committee, ref), {}
        r = self.http.get(self.ws("GetMeeting"), what=f"GetMeeting {ref.id}",
                          params={"lMeetingId": str(ref.id)}, validators=validators)
        if r.status == 304:
            return None, validators or {}
        if self._switched_off(r):
            self.mode = "html"
            return self._html_meeting(committee, ref), {}
        self._check(r, f"GetMeeting {ref.id}")
        root = _xml(r, self.base, f"GetMeeting {ref.id}")
        if root.tag.lower() != "meeting":
            raise FetchError(f"{self.base}: not a ModernGov web service (GetMeeting answered <{root.tag}>)")
        meeting = parse_meeting(root)
        meeting.id = meeting.id or ref.id
        meeting.date = meeting.date or ref.date
        meeting.status = meeting.status or ref.status
        return meeting, validators_of(r)

    # -- the published pages
    def _html_get(self, name: str, what: str, *, required: bool = True) -> str | None:
        r = self.http.get(self.page(name), what=what)
        if r.status == 200 and r.looks_html:
            return r.text
        if not required:
            return None
        if r.status == 200:
            raise FetchError(f"{self.base}: web service is off and {what} is not an HTML page")
        raise FetchError(f"{self.base}: web service is off and {what} answered HTTP {r.status}"
                         + (" (not a ModernGov site?)" if r.status == 404 else ""))

    def _html_committees(self) -> list[Committee]:
        markup = self._html_get("mgListCommittees.aspx", "mgListCommittees.aspx")
        found: dict[int, Committee] = {}
        for href, text, _ in _links(markup or "", "mgCommitteeDetails.aspx"):
            cid = _query_int(href, "ID")
            if cid is not None and text and cid not in found:
                found[cid] = Committee(cid, text)
        if not found:
            raise FetchError(f"{self.base}: not a ModernGov site (no web service and no committees on mgListCommittees.aspx)")
        return list(found.values())

    def committee_title(self, cid: int) -> str | None:
        """The title of committee ``cid`` from its details page (HTML mode)."""
        markup = self._html_get(f"mgCommitteeDetails.aspx?ID={cid}", f"mgCommitteeDetails.aspx?ID={cid}",
                                required=False)
        return _page_title(markup) if markup else None

    def _html_meetings(self, committee: Committee, since: str, until: str) -> list[MeetingRef]:
        name = f"ieListMeetings.aspx?CId={committee.id}&Year=0"
        markup = self._html_get(name, f"ieListMeetings.aspx?CId={committee.id}") or ""
        refs: dict[int, MeetingRef] = {}
        for href, text, pos in _links(markup, "ieListDocuments.aspx"):
            mid = _query_int(href, "MId")
            if mid is None or mid in refs:
                continue
            # the list item around the link says whether it was cancelled
            li_start = markup.rfind("<li", 0, pos)
            li_end = markup.find("</li>", pos)
            around = _cell_text(markup[li_start if li_start >= 0 else pos: li_end if li_end >= 0 else pos + 400])
            title = re.search(r"""(?i)title\s*=\s*(["'])(.*?)\1""", markup[pos:markup.find(">", pos)])
            when = iso_date(text) or iso_date(title.group(2) if title else "") or iso_date(around)
            status = "Cancelled" if re.search(r"(?i)\bcancel", around) else ""
            refs[mid] = MeetingRef(mid, when, status)
        return [m for m in refs.values() if not m.date or since <= m.date <= until]

    def _html_meeting(self, committee: Committee, ref: MeetingRef) -> Meeting:
        name = f"ieListDocuments.aspx?CId={committee.id}&MId={ref.id}"
        markup = self._html_get(name, name) or ""
        meeting = Meeting(ref.id, ref.date, ref.status)
        seen: set[int] = set()
        for n, (href, text, pos) in enumerate(_links(markup, "mgAi.aspx"), 1):
            aid = _query_int(href, "ID")
            if aid is None or aid in seen:
                continue
            seen.add(aid)
            row_start = markup.rfind("<tr", 0, pos)
            row_end = markup.find("</tr>", pos)
            before = markup[row_start:pos] if row_start >= 0 else ""
            row = _cell_text(markup[row_start if row_start >= 0 else pos: row_end if row_end >= 0 else pos])
            num = re.search(r"(\d+[a-z]?)\.?\s*$", _cell_text(before)) if before else None
            number = num.group(1) if num else str(n)
            if re.search(r"(?i)\b(restricted|exempt information|not for publication|confidential item)\b", row):
                meeting.items.append(MinuteItem(number, text, "", aid, restricted=True))
                continue
            item_page = self._html_get(f"mgAi.aspx?ID={aid}", f"mgAi.aspx?ID={aid}", required=False)
            body = ""
            if item_page:
                m = re.search(r"(?is)Minutes\s*:\s*</[^>]+>(.*)", item_page)
                if m:
                    body = m.group(1)
                    end = re.search(r"(?is)<div[^>]*class=\"[^\"]*mgFooter|<footer\b|</body>"
                                    r"|<[^>]+>\s*Supporting documents\s*:", body)
                    body = body[: end.start()] if end else body
            meeting.items.append(MinuteItem(number, text, body, aid, published=bool(body.strip())))
        attendance = self._html_get(f"mgMeetingAttendance.aspx?ID={ref.id}", "mgMeetingAttendance.aspx",
                                    required=False)
        if attendance:
            for row in re.findall(r"(?is)<tr\b[^>]*>(.*?)</tr>", attendance):
                cells = [_cell_text(c) for c in re.findall(r"(?is)<td\b[^>]*>(.*?)</td>", row)]
                if len(cells) >= 3 and cells[0]:
                    meeting.attendees.append(Attendee(cells[0], cells[1], cells[2]))
        meeting.minutes_published = any(it.published for it in meeting.items)
        return meeting


def _dmy(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


# --------------------------------------------------------------------------- documents


_GENERIC_ROLE = re.compile(r"(?i)^(?:(?:committee|board|panel|council|group|sub-committee)\s+)?member$")


def _present_kind(attendance: str) -> str | None:
    a = attendance.lower()
    if not a:
        return None
    if "apolog" in a:
        return "Apologies"
    if "absent" in a:
        return "Absent"
    if "in attendance" in a or "also" in a or "officer" in a:
        return "Also attended"
    if "present" in a or "virtual" in a or "attended" in a or "remote" in a:
        return "Present"
    return None


def _join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def attendance_block(attendees: list[Attendee]) -> str:
    """'Present: Councillor A Smith (Chair), ... and ...' lines; attendance not recorded gives none."""
    groups: dict[str, list[str]] = {}
    for a in attendees:
        kind = _present_kind(a.attendance)
        if kind is None:
            continue
        role = a.role if a.role and not _GENERIC_ROLE.match(a.role) else ""
        groups.setdefault(kind, []).append(f"{a.name} ({role})" if role else a.name)
    lines = [f"{k}: {_join_names(groups[k])}" for k in ("Present", "Also attended", "Apologies", "Absent")
             if groups.get(k)]
    return "\n".join(lines)


def _long_date(iso: str | None) -> str:
    if not iso:
        return "date unknown"
    d = date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%B %Y')}"


@dataclass
class ItemDocument:
    """One minute item ready to save (``filename``) or load (``src``)."""

    filename: str
    src: SourceText


def item_document(site: str, committee: Committee, meeting: Meeting, item: MinuteItem, *,
                  authority: str | None, fragment: str) -> ItemDocument:
    page = f"{site}/ieListDocuments.aspx?CId={committee.id}&MId={meeting.id}"
    url = f"{page}#item-{fragment}"
    minutes = html_to_text(item.html).strip() if "<" in item.html else item.html.strip()
    header = [f"URL: {url}"]
    if authority:
        header.append(f"COUNCIL: {authority}")
    header += [f"DATE: {meeting.date or 'unknown'}", "KIND: agenda-item",
               f"COMMITTEE: {committee.title}", f"ITEM: {item.number} {item.title}".rstrip(), "---"]
    when = f"{date.fromisoformat(meeting.date):%A}, {_long_date(meeting.date)}" if meeting.date else "date unknown"
    body = [f"{committee.title} - {when}", ""]
    block = attendance_block(meeting.attendees)
    if block:
        body += [block, ""]
    body += [f"{item.number}. {item.title}".strip(), "", "Minutes:", "", minutes]
    text = "\n".join(header + body).rstrip() + "\n"
    attendees = [asdict(a) for a in meeting.attendees]
    src = SourceText(
        text=text, source=url, authority=authority, body=committee.title, date=meeting.date,
        title=f"{committee.title}, {_long_date(meeting.date)}: {item.number}. {item.title}",
        extra={"attendees": attendees, "site": site, "committee_id": committee.id, "meeting_id": meeting.id,
               "item": item.number, "item_title": item.title, "item_id": item.item_id, "kind": "agenda-item"},
    )
    filename = f"{meeting.date or 'undated'}_{slug(committee.title)[:60]}_m{meeting.id}_item-{slug(fragment)}.txt"
    return ItemDocument(filename, src)


# --------------------------------------------------------------------------- state


def default_state_dir() -> Path:
    root = os.environ.get("GOVGRAPH_CACHE_DIR")
    if root:
        return Path(root).expanduser() / "fetch"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "govgraph" / "fetch"


def state_name(site: str, salt: str = "") -> str:
    parts = urlsplit(site)
    name = slug(parts.netloc + parts.path) or "site"
    if salt:
        name += "-" + hashlib.sha1(salt.encode()).hexdigest()[:8]
    return f".govgraph-fetch-{name}.json"


class FetchState:
    """What was fetched from one site: meetings by id and the validators the site gave."""

    VERSION = 1

    def __init__(self, path: Path, site: str) -> None:
        self.path = path
        self.data: dict[str, Any] = {"version": self.VERSION, "site": site, "meetings": {}, "validators": {}}
        if path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(loaded, dict) and loaded.get("version") == self.VERSION:
                    self.data.update(loaded)
            except (OSError, ValueError):
                pass  # a damaged state file only costs a full fetch

    def meeting(self, mid: int) -> dict[str, Any] | None:
        return self.data["meetings"].get(str(mid))

    def set_meeting(self, mid: int, **info: Any) -> None:
        entry = self.data["meetings"].setdefault(str(mid), {})
        entry.update(info)
        entry["checked"] = datetime.now(timezone.utc).isoformat(timespec="seconds")

    def validators(self, key: str) -> dict[str, str] | None:
        return self.data["validators"].get(key) or None

    def set_validators(self, key: str, v: dict[str, str]) -> None:
        if v:
            self.data["validators"][key] = v
        else:
            self.data["validators"].pop(key, None)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.data, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)


# --------------------------------------------------------------------------- the fetch


@dataclass
class FetchReport:
    site: str
    committee: Committee | None = None
    mode: str | None = None
    meetings_listed: int = 0
    meetings_fetched: int = 0
    meetings_already: int = 0
    meetings_unchanged: int = 0
    """Meetings re-checked with a conditional request that the site said had not changed (304)."""
    list_unchanged: bool = False
    """The site answered 304 to the meeting list: no new meetings."""
    meetings_pending: int = 0
    documents: int = 0
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    requests: int = 0

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["committee"] = asdict(self.committee) if self.committee else None
        return d


def resolve_committee(committees: list[Committee], wanted: str, site: str) -> Committee:
    wanted_s = wanted.strip()
    live = [c for c in committees if not c.deleted]
    if wanted_s.isdigit():
        for c in committees:
            if c.id == int(wanted_s):
                return c
        raise FetchError(f"{site}: no committee with id {wanted_s} (see `govgraph fetch --list-committees {site}`)")
    key = slug(wanted_s)
    exact = [c for c in live if slug(c.title) == key]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:  # an expired and a current committee of one name: take the current one
        current = [c for c in exact if not c.expired]
        if len(current) == 1:
            return current[0]
    partial = [c for c in live if key and key in slug(c.title)]
    current = [c for c in partial if not c.expired]
    if len(partial) == 1:
        return partial[0]
    if len(current) == 1:
        return current[0]
    if not partial:
        raise FetchError(f"{site}: no committee named {wanted_s!r} (see `govgraph fetch --list-committees {site}`)")
    names = "; ".join(f"{c.id} {c.title}" for c in (current or partial)[:6])
    raise FetchError(f"{site}: {wanted_s!r} matches several committees ({names}); give the id")


def fetch_committee(
    site: ModernGovSite,
    wanted: str,
    *,
    since: str,
    until: str,
    authority: str | None,
    state: FetchState,
    on_document: Callable[[ItemDocument], None],
    on_note: Callable[[str], None] = lambda _m: None,
    refresh: bool = False,
    today: str | None = None,
) -> FetchReport:
    """Fetch the minutes of one committee's meetings in [since, until] (ISO dates).

    Each published minute item is handed to ``on_document`` as soon as it is
    read, and the state is saved after every meeting, so an error part-way
    keeps what came before. Errors are recorded in ``report.error`` (one line),
    never raised.
    """
    report = FetchReport(site.base)
    today = today or date.today().isoformat()

    def note(msg: str) -> None:
        report.notes.append(msg)
        on_note(msg)

    try:
        committees = site.committees()
        committee = resolve_committee(committees, wanted, site.base)
        if site.mode == "html" and wanted.strip().isdigit() and committee.title.startswith("Committee "):
            committee.title = site.committee_title(committee.id) or committee.title
        report.committee = committee
        list_key = f"meetings:{committee.id}:{since}:{until}"
        refs, list_validators = site.meetings(committee, since, until,
                                              None if refresh else state.validators(list_key))
        if refs is None:
            # the list is as it was: only meetings still waiting for minutes need a look
            refs = [MeetingRef(int(mid), m.get("date"), m.get("status", ""))
                    for mid, m in state.data["meetings"].items()
                    if m.get("committee_id") == committee.id and m.get("state") == "pending"
                    and (m.get("date") or since) >= since and (m.get("date") or until) <= until]
            report.list_unchanged = True
            report.meetings_already = sum(
                1 for m in state.data["meetings"].values()
                if m.get("committee_id") == committee.id and m.get("state") == "done"
                and since <= (m.get("date") or since) <= until)
        report.meetings_listed = len(refs) + report.meetings_already
        for ref in sorted(refs, key=lambda m: (m.date or "", m.id)):
            known = state.meeting(ref.id)
            if ref.cancelled:
                if not known or known.get("state") != "cancelled":
                    note(f"meeting {ref.id} on {ref.date or 'unknown date'} was cancelled: passed over")
                state.set_meeting(ref.id, committee_id=committee.id, date=ref.date, status=ref.status,
                                  state="cancelled")
                state.save()
                continue
            if ref.date and ref.date > today:
                continue  # not held yet: nothing to fetch, nothing to remember
            if known and known.get("state") == "done" and not refresh:
                report.meetings_already += 1
                continue
            meeting_key = f"meeting:{ref.id}"
            meeting, v = site.meeting(committee, ref, state.validators(meeting_key) if known else None)
            if meeting is None:
                report.meetings_unchanged += 1
                if known and known.get("state") == "pending":
                    report.meetings_pending += 1
                continue
            if "cancel" in meeting.status.lower():
                note(f"meeting {ref.id} on {ref.date or 'unknown date'} was cancelled: passed over")
                state.set_meeting(ref.id, committee_id=committee.id, date=meeting.date, status=meeting.status,
                                  state="cancelled")
                state.save()
                continue
            produced = 0
            fragments: set[str] = set()
            for item in meeting.items:
                if item.restricted:
                    note(f"meeting {ref.id} item {item.number} ({item.title or 'untitled'}) is restricted: passed over")
                    continue
                if not item.published or not item.html.strip():
                    continue
                fragment = item.number if item.number not in fragments else f"{item.number}-{item.item_id}"
                fragments.add(fragment)
                doc = item_document(site.base, committee, meeting, item, authority=authority, fragment=fragment)
                if not doc.src.text.split("Minutes:", 1)[-1].strip():
                    continue
                on_document(doc)
                produced += 1
            report.documents += produced
            status = "done" if produced and meeting.minutes_published else "pending"
            if status == "pending":
                report.meetings_pending += 1
                if not produced:
                    note(f"meeting {ref.id} on {ref.date or 'unknown date'}: no minutes published yet")
            else:
                report.meetings_fetched += 1
            state.set_meeting(ref.id, committee_id=committee.id, date=meeting.date, status=meeting.status,
                              state=status, documents=produced)
            state.set_validators(meeting_key, v)
            state.save()
        # every meeting of the list was dealt with: next time a 304 may skip it whole
        state.set_validators(list_key, list_validators)
        state.save()
    except FetchError as exc:
        report.error = str(exc)
        state.save()
    finally:
        report.mode = site.mode
        report.requests = site.http.requests
    return report


def default_since(today: date | None = None) -> str:
    return ((today or date.today()) - timedelta(days=365)).isoformat()


def parse_date_option(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    iso = iso_date(value)
    if not iso:
        raise ValueError(f"{name}: {value!r} is not a date (use YYYY-MM-DD or DD/MM/YYYY)")
    return iso



def load_source(store, src: SourceText, *, force: bool = False):
    """Extract one fetched document and write it to ``store``, as ``pipeline.load_inputs`` does for files.

    Returns a ``pipeline.FileOutcome``; a bad document is an outcome with an error, never an exception.
    """
    from pydantic import ValidationError

    from ..graph.store import StoreError
    from .extract import extract
    from .pipeline import FileOutcome
    from .source import LoadError

    outcome = FileOutcome(src.source)
    try:
        try:
            doc = extract(src)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise LoadError(f"{src.source}: extraction produced an invalid graph ({first['msg']})") from exc
        outcome.nodes, outcome.edges = len(doc.nodes), len(doc.edges)
        outcome.summary = store.write_document(doc, force=force)
    except LoadError as exc:
        outcome.error = str(exc)
    except StoreError as exc:
        outcome.error = f"{src.source}: not written ({exc})"
    return outcome
