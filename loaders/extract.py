"""Rule-based extraction: SourceText -> GraphDocument.

Pipeline (docs/extraction.md):
  1. header      corpus header (COUNCIL/DATE) or CLI flags -> authority, date
  2. segment     items, sentences, bullet lines
  3. mentions    authorities, organisations, people, roles/bodies/plans (capitalised phrases),
                 abbreviations, generic references ("the Panel", "the Chair", "the Council")
  4. attendance  Present / Also attended lists -> MEMBER_OF, CHAIRS, HOLDS, ATTENDED
  5. inspections inspections, judgements, recommendations, findings
  6. relations   sentence rules (relations.py)
  7. build       nodes and edges with evidence (quote == text[start:end])
"""
from __future__ import annotations

import re

from ..graph.model import DocumentInfo, GraphDocument, document_id
from .graphbuild import Builder, Ent
from .header import iso_date, parse_header
from .ids import meeting_id
from .inspections import InspectionFinder
from .lexicon import lexicon
from .mentions import GENERIC_BODY_HEADS, Finder, anchored_finditer, clean_name
from .relations import Relations
from .segment import find_items, sentences
from .source import LoadError, SourceText

LEX = lexicon()
FALLBACK_AUTHORITY = "Unknown Authority"
AUTH_IN_TEXT = re.compile(r"(?=[A-Z])(?:(?:London|Royal) Borough of [A-Z][\w’'-]+(?: (?:and|upon) [A-Z][\w’'-]+)*|"
                          r"City of [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)? Council|"
                          r"(?:[A-Z][\w’'-]+ ){1,3}(?:County Borough|County|City|Metropolitan Borough|Metropolitan District|Borough|District) Council)")


def find_authority(text: str) -> str | None:
    counts: dict[str, int] = {}
    for m in AUTH_IN_TEXT.finditer(text):
        name = m.group()
        name = re.sub(r"^(?:The|the|A|In|At|Of|To|By|For) ", "", name)
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda k: counts[k])


MEETING_LINE = re.compile(r"Meeting:\s*(\d{1,2}/\d{1,2}/\d{4})\s*-\s*([^\n(]+?)\s*(?:\(Item [^)]*\))?\s*$", re.M)
TITLE_LINE = re.compile(r"^(?:[^\n]*?,\s*)?([A-Z][^\n]{3,120}?)\s+-\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+([^\n]*\d{4})", re.M)


def extract(src: SourceText) -> GraphDocument:
    text = src.text
    if not text.strip():
        raise LoadError(f"{src.source}: empty document")
    header = parse_header(text)
    start = header.body_start
    authority = header.council or src.authority or find_authority(text[start:]) or FALLBACK_AUTHORITY
    date = header.date or iso_date(src.date)
    items = find_items(text, start)
    sents = sentences(text, start)
    b = Builder(src, text, authority, items)
    f = Finder(b, text, start, header.council)

    f.authorities()
    f.organisations()
    f.people()
    attendance_spans = attendance_people(f, b, text, start)
    f.phrases()
    f.abbreviations()
    meeting_body, meeting_date = find_meeting_body(f, b, text, start, src)
    date = date or meeting_date
    if meeting_body is None:
        meeting_body = body_referred_to_as_own(b, text, start)
    if meeting_body is None:
        meeting_body = body_named_by_minutes(b, text, start)
    if meeting_body is not None:
        meeting_body = drop_meeting_prefix(b, meeting_body)
    merge_short_bodies(b, meeting_body)
    if meeting_body is not None:
        meeting_body = b.ents[b.resolve(meeting_body.id)]
    generic_refs(f, b, text, start, meeting_body)
    f.people_beside_roles()
    holds(b, text)
    role_bodies(b, text)
    drop_generic_bodies(b, meeting_body)

    ins = InspectionFinder(b, f.auth, sents, text)
    ins.run()
    ins.judgements()
    main = ins.main.id if ins.main else None
    inspected_bodies(b, sents, ins)
    recommendations(b, text, sents, ins, meeting_body)
    findings(b, sents, ins)

    attendance_edges(f, b, text, attendance_spans, meeting_body)
    Relations(b, sents, meeting_body.id if meeting_body else None, f.auth.id, main).run()

    if meeting_body is not None and date:
        meeting = b.add("Meeting", f"{meeting_body.name}, {date}", meeting_body.spans[0],
                        eid=meeting_id(authority, meeting_body.name, date), props={"date": date})
        b.edge("MEETING_OF", meeting.id, meeting_body.id, meeting_body.spans[0])
        for (t, s, g, neg), ev in list(b.edges.items()):
            if t == "MEMBER_OF" and g == meeting_body.id and b.ents[s].label == "Person":
                b.edge("ATTENDED", s, meeting.id, ev[0])
        for pid, span in f.attended:
            b.edge("ATTENDED", pid, meeting.id, span)
    for ent in b.ents.values():
        ent.props.pop("_last", None)

    if not f.auth.spans:
        m = re.search(re.escape(authority), text) if authority != FALLBACK_AUTHORITY else None
        f.auth.spans.append(m.span() if m else (0, max(1, min(len(text), len(text.split("\n")[0])))))
    info = DocumentInfo(id=document_id(text), source=src.source, authority=authority,
                        date=date or (header.fields.get("DATE") or src.date), body=meeting_body.name if meeting_body else src.body,
                        title=src.title)
    return b.build(info)


# ------------------------------------------------------------------------------------------------
def find_meeting_body(f: Finder, b: Builder, text: str, start: int, src: SourceText):
    date = None
    cands: list[tuple[str, int, int]] = []
    if src.body:
        ent = b.add("Body", src.body, None, props={"kind": f.body_kind(src.body, None)})
        hits = [m for m in re.finditer(re.escape(src.body), text)]
        for m in hits:
            b.mention(ent, m.start(), m.end(), claim=False)
        if hits:
            return ent, date
    for m in MEETING_LINE.finditer(text, start):
        cands.append((m.group(2), m.start(2), m.end(2)))
        date = date or iso_date(m.group(1))
    head = text[start:start + 600]
    for m in TITLE_LINE.finditer(head):
        cands.append((m.group(1), start + m.start(1), start + m.end(1)))
        date = date or iso_date(m.group(2))
    if not cands:
        # a body named alone on one of the first lines ("Children and Families Overview and Scrutiny Panel")
        for m in re.finditer(r"^[ \t]*([A-Z][^\n]{5,100}?)[ \t]*$", text[start:start + 400], re.M):
            s = start + m.start(1)
            ms = [x for x in b.in_span(s, start + m.end(1)) if x.label == "Body"]
            if ms and ms[0].start - s < 3 and start + m.end(1) - ms[0].end < 3:
                return b.ents[ms[0].eid], date
    for name, s, e in cands:
        name = clean_name(re.sub(r"^(?:Informal Meeting|Special Meeting|Extraordinary Meeting|Meeting),\s*", "", name))
        ms = [x for x in b.in_span(s, e) if x.label == "Body"]
        if ms:
            body = b.ents[ms[-1].eid]
            # "Lancashire Health and Wellbeing Board - SEND Sub-Committee"
            if len(ms) > 1:
                b.edge("PART_OF", ms[-1].eid, ms[0].eid, (s, e))
                body.aliases.add(name)
            return body, date
        if name in ("Council", "Full Council", "County Council"):
            ent = b.add("Body", "Full Council", None, props={"kind": "council"}, aliases=["Council"])
            b.mention(ent, e - len(name.split()[-1]), e, claim=False)
            return ent, date
    # the most named body of a scrutiny/board kind referred to generically
    return None, date


def body_referred_to_as_own(b: Builder, text: str, start: int) -> Ent | None:
    """Minutes call their own body 'the Panel' / 'the Committee': the most used such head names it."""
    counts: dict[str, int] = {}
    for m in re.finditer(r"(?<![\w-])[Tt]he[ \t]+(Panel|Committee|Board|Commission|Sub-Committee|Sub-Board|Group|panel|committee|board|commission)(?![\w-])", text[start:]):
        h = m.group(1).lower()
        counts[h] = counts.get(h, 0) + 1
    for head, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        if n < 2:
            break
        ent = resolve_head(b, head, None)
        if ent is not None:
            return ent
    return None


def drop_meeting_prefix(b: Builder, body: Ent) -> Ent:
    """'Additional Meeting, Children and Families Overview and Scrutiny Committee' is that committee."""
    m = re.match(r"(?:(?:Informal|Special|Extraordinary|Additional|Reconvened|Adjourned|Emergency|Annual|Budget|Joint|Virtual|Remote)[ \t]+)?"
                 r"Meeting(?:[ \t]+of[ \t]+the)?[ \t]*,?[ \t]+(.{6,})$", body.name)
    if m:
        ent = b.add("Body", m.group(1), None, props=dict(body.props))
        b.relabel(body.id, ent.id)
        body = ent
    # "Lancashire Health and Wellbeing Board - SEND Sub-Committee": the sub-committee, part of the board
    m = re.match(r"(.{6,}?(?:Board|Committee|Council|Partnership|Panel))[ \t]+[-–][ \t]+(.{3,}?(?:Sub-Committee|Subcommittee|Sub-Group|Subgroup|Sub-Board|Working Group|Panel|Group))$", body.name)
    if m and body.spans:
        parent = b.add("Body", m.group(1), body.spans[0], props={"kind": "board" if m.group(1).endswith("Board") else None})
        ent = b.add("Body", m.group(2), None, props=dict(body.props))
        b.relabel(body.id, ent.id)
        b.edge("PART_OF", ent.id, parent.id, ent.spans[0])
        body = ent
    return body


def body_named_by_minutes(b: Builder, text: str, start: int) -> Ent | None:
    """'SEND Strategic Partnership Board minutes – 27 March 2025', 'minutes of the meeting of the X Board'."""
    head_end = min(len(text), start + 1500)
    for m in re.finditer(r"(?i)\bminutes\s+of\s+(?:the\s+)?(?:(?:last|previous)\s+)?(?:meeting\s+of\s+(?:the\s+)?)?", text[start:head_end]):
        if re.search(r"(?i)(?:last|previous)\s*$", m.group()):
            continue
        e = start + m.end()
        ms = [x for x in b.in_span(e, min(len(text), e + 150)) if x.label == "Body"][:1]
        if ms and ms[0].start - e < 2:
            return b.ents[ms[0].eid]
    for x in b.in_span(start, head_end):
        if x.label == "Body" and re.match(r"[ \t]+(?:[Mm]inutes|MINUTES)\b|[ \t]*[-–][ \t]*(?:[Mm]inutes|[Mm]eeting)\b", text[x.end:x.end + 20]) \
                and re.match(r"[ \t]*$", text[text.rfind("\n", 0, x.start) + 1:x.start]):
            return b.ents[x.eid]
    return None


def merge_short_bodies(b: Builder, meeting: Ent | None) -> None:
    """'Scrutiny Panel' / 'Improvement Board' join the one longer body that ends with the same words."""
    bodies = [e for e in b.ents.values() if e.label in ("Body", "Role", "Plan")]
    seen: dict[tuple, Ent] = {}
    for ent in sorted(bodies, key=lambda e: -e.count):
        # "Children and Families Service(s)": the singular and the plural are one unit
        key = (ent.label, re.sub(r"[’']s\b|[^a-z ]", "", ent.name.lower()).replace("  ", " ").replace("services", "service").strip())
        if key in seen and ent.id in b.ents:
            b.relabel(ent.id, seen[key].id)
        else:
            seen[key] = ent
    # "Children O&S Panel" / "Leisure P&S Committee": an ampersand abbreviation of two words of a body named in full
    # ("Children Overview and Scrutiny Panel") is that body
    for ent in [e for e in b.ents.values() if e.label == "Body" and "&" in e.name]:
        am = AMP_ABBR.search(ent.name)
        if am is None or ent.id not in b.ents:
            continue
        rx = re.compile(re.escape(ent.name[:am.start()]) + am.group(1) + r"[\w’'-]*[ \t]+(?:and|&)[ \t]+" + am.group(2)
                        + r"[\w’'-]*" + re.escape(ent.name[am.end():]) + "$")
        full = [x for x in b.ents.values() if x.label == "Body" and x is not ent and rx.match(x.name)]
        if len(full) == 1:
            b.relabel(ent.id, full[0].id)
    bodies = [e for e in b.ents.values() if e.label in ("Body", "Role", "Plan")]
    for short in sorted(bodies, key=lambda e: len(e.name)):
        if short.id not in b.ents:
            continue
        sw = short.name.lower().replace("’", "'").split()
        cands = []
        for long in bodies:
            if long is short or long.id not in b.ents or long.label != short.label:
                continue
            lw = long.name.lower().replace("’", "'").split()
            if len(lw) <= len(sw) or lw[-1] != sw[-1]:
                continue
            if short.label == "Role" and (len(sw) < 2 or lw[:len(sw)] != sw and lw[-len(sw):] != sw):
                continue
            if short.label == "Role" and lw[-len(sw):] == sw and lw[:len(sw)] != sw:
                continue
            if short.label == "Plan" and len(sw) < 2:
                continue
            if set(sw) <= set(lw) and (len(sw) >= 2 or short.label == "Body"):
                cands.append(long)
        if short.label == "Body" and len(sw) == 1:
            continue
        if len(cands) == 1 or (meeting is not None and meeting in cands):
            tgt = meeting if meeting in cands else cands[0]
            b.relabel(short.id, tgt.id)


AMP_ABBR = re.compile(r"(?<![\w&])([A-Z])&([A-Z])(?![\w&])")
GENERIC_RE = re.compile(r"(?=[TtIi])(?<![\w-])(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)[ \t]+((?:[Ss]crutiny[ \t]+|[Ss]elect[ \t]+|[Ii]mprovement[ \t]+)?(?:"
                        + "|".join(sorted({h for h in GENERIC_BODY_HEADS} | {h.lower() for h in GENERIC_BODY_HEADS}, key=len, reverse=True))
                        + r"))(?![\w-])")
ROLE_GENERIC_RE = re.compile(r"(?<![\w-])(?:[Tt]he[ \t]+)?((?:Vice[ -])?(?:Chairman|Chairwoman|Chairperson|Chair))(?![\w-])(?![ \t]+(?:of|for)\b)")
COUNCIL_BODY_RE = re.compile(r"(?<![\w-])(?:[Ff]ull[ \t]+Council|(?<=to |at |in |by )Council(?![\w’'-])(?![ \t]+(?:on|in)[ \t]+(?:[a-z]))|(?<=to |at |by )Council(?=[ \t]+on))")

# "the Director", "the Executive Director" ...; the anchors let the scans skip text that cannot match (speed)
THE_ROLE_RE = re.compile(r"(?<![\w-])[Tt]he[ \t]+((?:(?:Executive|Assistant|Interim|Corporate|Strategic)[ \t]+)?Director|DCS|"
                         r"Cabinet Member|Leader|Commissioner|Chief Executive)(?![\w-])(?![ \t]+(?:of|for|with)\b)")
THE_ROLE_ANCHOR = re.compile(r"[Tt]he[ \t]+(?:[ECADSLI]|Ch)")
COUNCIL_WORD = re.compile(r"Council")
THE_TRUST_RE = re.compile(r"(?<![\w-])[Tt]he[ \t]+(Trust)(?![\w’'-])")
CHAIR_WORD = re.compile(r"Chair")


def resolve_head(b: Builder, head: str, meeting: Ent | None) -> Ent | None:
    h = head.lower()
    hw = h.split()
    first, last = hw[0], hw[-1]
    if meeting is not None and meeting.name.lower().endswith(last) and (h in meeting.name.lower() or len(hw) == 1):
        return meeting
    cands = [e for e in b.ents.values() if e.label == "Body" and (n := e.name.lower()).endswith(last) and
             first in n and n != h]
    if last in ("cabinet", "executive") and not cands:
        return None
    if not cands:
        return None
    return max(cands, key=lambda e: (e.count, -min(s for s, _ in e.spans) if e.spans else 0))


def generic_refs(f: Finder, b: Builder, text: str, start: int, meeting: Ent | None) -> None:
    for m in GENERIC_RE.finditer(text, start):
        s, e = m.span(1)
        if not b.free(s, e):
            continue
        head = m.group(1)
        if head.lower() in ("cabinet", "executive"):
            ent = b.add("Body", head[0].upper() + head[1:].lower(), None, props={"kind": "executive"})
        else:
            ent = resolve_head(b, head, meeting)
        if ent is None:
            continue
        ent.aliases.add(text[m.start():e])
        b.mention(ent, s, e, generic=True)
    for m in anchored_finditer(COUNCIL_BODY_RE, COUNCIL_WORD, text, start, back=12, fwd=2):
        s, e = m.span()
        if b.free(s, e):
            ent = b.add("Body", "Full Council", None, props={"kind": "council"}, aliases=["Council"])
            if m.group() != "Council":
                ent.aliases.add(m.group())
            b.mention(ent, s, e)
    for m in anchored_finditer(ROLE_GENERIC_RE, CHAIR_WORD, text, start, back=12, fwd=12):
        s, e = m.span(1)
        if not b.free(s, e):
            continue
        if re.match(r"[ \t]*\)", text[e:e + 2]):
            continue
        word = m.group(1)
        if meeting is None:
            cands = [x for x in b.ents.values() if x.label == "Role" and x.name.startswith(word + " of")]
            if len(cands) == 1:
                cands[0].aliases.add(word)
                b.mention(cands[0], s, e, generic=True)
            continue
        name = f"{word} of the {meeting.name}"
        ent = b.add("Role", name, None, aliases=[word])
        b.mention(ent, s, e, generic=True)
        b.edge("CHAIRS", ent.id, meeting.id, (s, e)) if "Vice" not in word else None
    # "the Trust": the one trust the document names ("Sandwell Children's Trust")
    if "the Trust" in text or "The Trust" in text:
        trusts = [x for x in b.ents.values() if x.label == "Organisation" and x.name.endswith(" Trust")]
        if len(trusts) == 1:
            for m in THE_TRUST_RE.finditer(text, start):
                s, e = m.span(1)
                if b.free(s, e):
                    trusts[0].aliases.add("the Trust")
                    b.mention(trusts[0], s, e, generic=True)
    # "the Director", "the Executive Director": the one role of that title named elsewhere
    for m in anchored_finditer(THE_ROLE_RE, THE_ROLE_ANCHOR, text, start, back=0, fwd=40):
        s, e = m.start(1), m.end(1)
        if not b.free(s, e):
            continue
        word = m.group(1)
        cands = [x for x in b.ents.values() if x.label == "Role" and (x.name.startswith(word + " ") or word in x.aliases)]
        if len(cands) == 1:
            b.mention(cands[0], s, e, generic=True)
        elif not cands and word not in ("Director", "DCS"):
            ent = b.add("Role", word, None)
            b.mention(ent, s, e)


GENERIC_BODY_NAMES = {w.lower() for w in ("Service", "Services", "Board", "Panel", "Committee", "Commission", "Group",
                                            "Team", "Forum", "Partnership", "Directorate", "Department", "Trust",
                                            "Agency", "Hub", "Sub-Committee", "Sub-Group", "Subgroup", "Sub-Board",
                                            "Council", "Scrutiny", "Unit", "Body")}


def drop_generic_bodies(b: Builder, meeting: Ent | None) -> None:
    """A body named only by its head word ("Service", "the Board") that no resolution tied to a named body is
    left out (ANNOTATION rule 2), and so are its edges; a body is never PART_OF an inspectorate."""
    dropped = set()
    for ent in list(b.ents.values()):
        if ent.label == "Body" and ent is not meeting and re.sub(r"^(?:the|The)\s+", "", ent.name).lower() in GENERIC_BODY_NAMES:
            del b.ents[ent.id]
            dropped.add(ent.id)
    if dropped:
        b.mentions = [m for m in b.mentions if m.eid not in dropped]
        b._keys = None
    for key in list(b.edges):
        t, s, g, _ = key
        if t == "PART_OF" and s in b.ents and g in b.ents and b.ents[s].label == "Body" \
                and b.ents[g].label == "Organisation" and b.ents[g].props.get("kind") == "inspectorate":
            del b.edges[key]


def holds(b: Builder, text: str) -> None:
    """Person next to a role: 'Jane Smith, Director of X', 'Councillor X, the Cabinet Member', 'X (Role)',
    'Name, Role and Role'; a title before the name ('Commissioner Mary Ney'); a role written in other case."""
    ms = b.mentions
    held = {s for (t, s, g, n) in b.edges if t == "HOLDS"}
    role_names = {}
    for e in b.ents.values():
        if e.label == "Role" and e.spans and len(e.name.split()) >= 2:
            for nm in (e.name, *e.aliases):
                if len(nm.split()) >= 2:
                    role_names.setdefault(nm.lower().replace("’", "'"), e.id)
    for i, m in enumerate(ms):
        if m.label != "Person":
            continue
        j = i + 1
        prev = m
        while j < len(ms) and ms[j].start - prev.end < 12:
            nxt = ms[j]
            if nxt.label != "Role" and any(y.label == "Role" and y.start <= nxt.start and nxt.end <= y.end for y in ms[j + 1:j + 3]):
                j += 1  # "LGA" within "LGA Children's Improvement Adviser": the role follows
                continue
            gap = text[prev.end:nxt.start]
            if nxt.label == "Role" and re.fullmatch(r"\s*(?:,|\(|–|-)\s*(?:the\s+|our\s+)?|\s*,?\s*(?:and|&)\s+(?:the\s+)?", gap) \
                    and (prev is m or prev.label == "Role"):
                if prev is m and re.fullmatch(r"\s*,?\s*(?:and|&)\s+(?:the\s+)?", gap):
                    break  # "Councillor Law and the Co-ordinator": two people
                if prev is not m and not re.fullmatch(r"\s*,?\s*(?:and|&)\s+(?:the\s+)?", gap) and prev.label == "Role":
                    break
                b.edge("HOLDS", m.eid, nxt.eid, (m.start, nxt.end))
                held.add(m.eid)
                prev = nxt
                j += 1
                continue
            break
        followed = prev is not m  # a role follows the name ("Mr A Roberts, Cabinet Member ...")
        if prev is m and role_names:
            # "Cllr John Howson, Cabinet member for Children": a known role written in another case
            g = re.match(r"[ \t]*(?:,|\(|–|-)[ \t]*(?:the[ \t]+)?", text[m.end:m.end + 12])
            if g:
                rs = m.end + g.end()
                tail = text[rs:rs + 160].lower().replace("’", "'")
                for nm, rid in role_names.items():
                    if tail.startswith(nm) and re.match(r"[ \t]*(?:[,;.)\n]|$)", tail[len(nm):len(nm) + 3]):
                        b.edge("HOLDS", m.eid, rid, (m.start, rs + len(nm)))
                        held.add(m.eid)
                        followed = True
                        break
        if i > 0:
            p = ms[i - 1]
            gap = text[p.end:m.start]
            # "Lead Commissioner Sir Derek Myers": a title written before the name on the same line
            if p.label == "Role" and not followed and \
                    re.fullmatch(r"[ ]+(?:(?:Sir|Dame|Dr\.?|Councillor|Cllr\.?|Mrs?\.?|Ms\.?|Miss|Professor)[ ]+)*", gap):
                b.edge("HOLDS", m.eid, p.eid, (p.start, m.end))
                held.add(m.eid)
                continue
            # "Role, Name" / "Role (Councillor X)"
            if p.label == "Role" and re.fullmatch(r"\s*(?:\(|,)\s*(?:Councillor\s+|Cllr\.?\s+|Mrs?\.?\s+|Ms\.?\s+|Dr\.?\s+)*", gap) \
                    and m.eid not in held:
                b.edge("HOLDS", m.eid, p.eid, (p.start, m.end))
                held.add(m.eid)


def role_bodies(b: Builder, text: str) -> None:
    """'Chair of the Corporate Parenting Board' CHAIRS it; 'Head of Quality, Children's Services' PART_OF."""
    for m in list(b.mentions):
        if m.label != "Role":
            continue
        inner = [x for x in b.in_span(m.start, m.end) if x is not m and x.label in ("Body", "Organisation", "Authority")]
        ent = b.ents[m.eid]
        chair = re.match(r"(?:Independent\s+)?(?:Chair|Chairman|Chairwoman|Chairperson|Co-chair)\b", ent.name)
        body = None
        if inner:
            body = inner[-1]
        else:
            mm = re.search(r"\b(?:of|for)\s+(?:the\s+)?(.+)$", ent.name)
            if mm:
                tail = mm.group(1)
                cands = [x for x in b.ents.values() if x.label in ("Body", "Organisation") and
                         (x.name == tail or tail in x.aliases)]
                if not cands and chair and re.fullmatch(r"(?i)board|panel|committee|sub-committee|commission|group|partnership", tail):
                    # "Independent Chair of the Board": the body the minutes call "the Board"
                    cands = [x for x in b.ents.values() if x.label == "Body" and
                             any(a.lower() == "the " + tail.lower() for a in x.aliases)][:1]
                if cands:
                    if chair:
                        b.edge("CHAIRS", ent.id, cands[0].id, (m.start, m.end))
                    elif cands[0].label == "Organisation":
                        b.edge("PART_OF", ent.id, cands[0].id, (m.start, m.end))
                continue
        if body is None:
            continue
        if chair and body.label == "Body":
            b.edge("CHAIRS", ent.id, body.eid, (m.start, m.end))
        elif not chair and (body.label in ("Organisation", "Authority")):
            b.edge("PART_OF", ent.id, body.eid, (m.start, m.end))
    # roles written inside a body name are not separate mentions: check names for "Chair of X"
    for ent in list(b.ents.values()):
        if ent.label == "Role":
            mm = re.match(r"(?:Independent\s+)?(?:Chair|Chairman|Chairwoman|Chairperson)\s+of\s+(?:the\s+)?(.+)$", ent.name)
            if mm:
                generic = re.fullmatch(r"(?i)board|panel|committee|sub-committee|commission|group|partnership", mm.group(1))
                for x in b.ents.values():
                    if x.label == "Body" and (x.name == mm.group(1) or mm.group(1) in x.aliases or
                                              generic and any(a.lower() == "the " + mm.group(1).lower() for a in x.aliases)):
                        b.edge("CHAIRS", ent.id, x.id, ent.spans[0])


# ------------------------------------------------------------------------------------------------
ATT_RE = re.compile(r"^[ \t]*(Present|PRESENT|Also [Aa]ttended|Also [Pp]resent|In [Aa]ttendance|Officers(?: [Pp]resent| [Ii]n [Aa]ttendance)?|"
                    r"(?:Members|Councillors) [Pp]resent|Members [Ii]n [Aa]ttendance|Attendees)(?![\w-])[ \t]*:?[ \t]*(.+)$", re.M)


# a heading alone on its line ("Attendance", "Present:", "Board members present") over one attendee a line
ATT_HEAD = re.compile(r"^[ \t]*((?:(?:Board|Committee|Panel|Group) )?[Mm]embers [Pp]resent|Councillors [Pp]resent|Members [Ii]n [Aa]ttendance|Present|PRESENT|Attendance|Attendees|In [Aa]ttendance|"
                      r"Also [Pp]resent|Also [Aa]ttended|Officers(?: [Pp]resent| [Ii]n [Aa]ttendance)?)[ \t]*:?[ \t]*$", re.M)
ATT_STOP = re.compile(r"(?i)^\s*(?:apologies|absent|minutes|item|agenda|declarations?|welcome|introductions?|\d+[.)]?\s)")


def attendance_block_lines(text: str, start: int):
    """(kind, start, end) of each attendee line under a heading that stands alone on its line."""
    out = []
    for m in ATT_HEAD.finditer(text, start):
        kind = m.group(1).lower()
        kind = "present" if kind in ("attendance", "attendees") or kind.endswith(("members present", "councillors present", "members in attendance")) else kind
        pos = m.end() + 1
        n_lines, blank = 0, 0
        while pos < len(text) and n_lines < 60:
            nl = text.find("\n", pos)
            nl = len(text) if nl < 0 else nl
            line = text[pos:nl]
            if not line.strip():
                blank += 1
                if blank > 1 and n_lines:
                    break
                pos = nl + 1
                continue
            bullet = bool(re.match(r"[ \t]*[·•●▪◦\-\*–][ \t]", line))
            if ATT_STOP.match(line) or ATT_HEAD.match(line) or (blank and n_lines and not bullet) or len(line) > 300:
                break
            blank = 0
            s = pos + len(line) - len(line.lstrip())
            s += len(re.match(r"(?:[·•●▪◦\-\*–][ \t]+)?", text[s:nl]).group())
            out.append((kind, s, nl))
            n_lines += 1
            pos = nl + 1
    return out


def attendance_people(f: Finder, b: Builder, text: str, start: int):
    spans = []
    f.attended = []
    from .mentions import BARE_NAME
    lead = re.compile(r"(?:(?:Councillor|Cllr\.?|Mrs|Mr|Ms|Miss|Dr|Professor|Prof\.?)[ \t]+)*(" + BARE_NAME + r")(?=[ \t]*(?:,|\(|–|-|$))")
    for kind, s, e in attendance_block_lines(text, start):
        spans.append((kind + "|line", s, e))
        pm = lead.match(text, s, e)
        if pm and not any(w in LEX.vocab for w in pm.group(1).split()) and b.free(*pm.span(1)):
            f.add_person(pm.group(1), *pm.span(1))
    for m in ATT_RE.finditer(text, start):
        kind = m.group(1).lower()
        kind = "present" if kind in ("attendees", "councillors present", "members in attendance") else kind
        seg, base = m.group(2), m.start(2)
        if len(seg) < 4:
            continue
        spans.append((kind, base, base + len(seg)))
        from .mentions import BARE_NAME
        for pm in re.finditer(BARE_NAME, seg):
            raw = pm.group()
            if any(w in LEX.vocab for w in raw.split()):
                continue
            ps, pe = base + pm.start(), base + pm.end()
            if b.free(ps, pe):
                f.add_person(raw, ps, pe)
    return spans


LINE_CHAIR = re.compile(r"(?:^|,|\()[ \t]*(?:the[ \t]+)?((?:Vice[ -])?(?:Chairman|Chairwoman|Chairperson|Chair))(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:board|committee|panel|group|meeting|partnership))?[ \t]*(?:\)|,|;|$)", re.I | re.M)


def attendance_edges(f: Finder, b: Builder, text: str, spans, meeting: Ent | None) -> None:
    for kind, s, e in spans:
        people = [x for x in b.in_span(s, e) if x.label == "Person"]
        if kind.endswith("|line"):
            # one attendee a line: the name that opens it; "Chair of board" / "(Chair)" on the line chairs the meeting's body
            kind = kind[:-5]
            people = people[:1] if people and people[0].start - s < 25 else []
            if people and meeting is not None and kind == "present":
                p = people[0]
                b.edge("MEMBER_OF", p.eid, meeting.id, (s, e))
                cm = LINE_CHAIR.search(text, p.end, e)
                if cm:
                    word = cm.group(1)[0].upper() + cm.group(1)[1:].replace("Vice-", "Vice ")
                    role = b.add("Role", f"{word} of the {meeting.name}", (s, e), aliases=[word])
                    b.edge("HOLDS", p.eid, role.id, (s, e))
                    if not word.lower().startswith("vice"):
                        b.edge("CHAIRS", p.eid, meeting.id, (s, e))
                        b.edge("CHAIRS", role.id, meeting.id, (s, e))
                continue
        for p in people:
            after = text[p.end:p.end + 25]
            if kind == "present" or kind.startswith("members"):
                if meeting is not None:
                    b.edge("MEMBER_OF", p.eid, meeting.id, (p.start, p.end))
                    cm = re.match(r"\s*\((Vice[ -]?)?(Chairman|Chairperson|Chair|Chairwoman)(?:[ \t]+in[ \t]+the[ \t]+[Cc]hair)?\)", after)
                    if cm:
                        word = (cm.group(1) or "") + cm.group(2)
                        word = word.replace("Vice-", "Vice ")
                        role = b.add("Role", f"{word} of the {meeting.name}", (p.start, p.end + cm.end()), aliases=[word])
                        b.edge("HOLDS", p.eid, role.id, (p.start, p.end + cm.end()))
                        if not cm.group(1):
                            b.edge("CHAIRS", p.eid, meeting.id, (p.start, p.end + cm.end()))
                            b.edge("CHAIRS", role.id, meeting.id, (p.start, p.end + cm.end()))
            else:
                f.attended.append((p.eid, (p.start, p.end)))


# ------------------------------------------------------------------------------------------------
REC_INTRO = re.compile(r"(?i)recommendations?|areas? (?:for|of) (?:further )?(?:improvement|development|progress)|"
                       r"areas? for (?:further )?(?:progress and )?development|improvement actions|priority actions|"
                       r"areas? (?:that|which|where) (?:need|needed|required|requires?)|needed to improve|"
                       r"areas? to (?:improve|develop)|weaknesses")


def themes_of(text: str) -> list[str]:
    low = text.lower()
    out = []
    for theme, words in LEX.themes:
        if any(w.lower() in low for w in words):
            out.append(theme)
    if not out:
        words = [w for w in re.findall(r"[a-z][a-z-]{3,}", low) if w not in STOP]
        if words:
            out.append(" ".join(words[:3]))
    return out


STOP = set("that this with were have been from their there which would could should about into more most some than "
           "they them these those also very much such only other being does what when where while whose across "
           "the and for not was are had has all any its".split())


def recommendations(b: Builder, text: str, sents, ins: InspectionFinder, meeting: Ent | None) -> None:
    i = 0
    while i < len(sents):
        s = sents[i]
        # an intro line ends with ":" / "were" or comes before bullets (cheap tests first: speed)
        ends_intro = s.text.rstrip().endswith((":", "were", "were:", "These were:"))
        before_bullets = i + 1 < len(sents) and sents[i + 1].bullet
        if not s.bullet and (ends_intro or before_bullets):
            intro_text = s.text if not (i > 0 and re.match(r"(?i)(?:these|they) (?:were|are|included|include)", s.text)) else sents[i - 1].text + " " + s.text
            intro = REC_INTRO.search(intro_text) and not re.search(r"(?i)\b(?:rated|judged|graded)\b", s.text) and \
                (ends_intro or before_bullets and re.search(r"(?i)these were|were:|:$|include[ds]?:?$|following", s.text))
        else:
            intro = False
        if intro:
            # who made them: an inspection in this or the previous sentence, else a body named here
            maker = None
            for k in (i, i - 1, i - 2):
                if k >= 0 and ins.by_sentence.get(k):
                    maker = ins.by_sentence[k][0]
                    break
            if maker is None and re.search(r"(?i)ofsted|inspect", s.text) and ins.main is not None:
                maker = ins.main
            if maker is None:
                bodies = [x for x in b.in_span(s.start, s.end) if x.label in ("Body",)]
                maker = b.ents[bodies[0].eid] if bodies else (ins.main if ins.main else None)
            j = i + 1
            while j < len(sents) and sents[j].bullet:
                rs = sents[j]
                name = rs.text.strip().rstrip(".;,")
                if len(name) > 3:
                    if name[0].islower():
                        name = name[0].upper() + name[1:]
                    ent = b.add("Recommendation", name[:200], (rs.start, rs.end),
                                props={"themes": themes_of(name)})
                    if maker is not None:
                        b.edge("MADE", maker.id, ent.id, (rs.start, rs.end))
                j += 1
                if j < len(sents) and not sents[j].bullet and j + 1 < len(sents) and sents[j + 1].bullet and \
                        text[sents[j - 1].end:sents[j].start].count("\n") < 1:
                    j += 1  # a bullet's second sentence
            i = j
            continue
        i += 1


FINDING_RE = re.compile(r"(?i)\b(?:found|identified|highlighted|recurring theme|concluded|noted that|criticised|judged)\b")


def findings(b: Builder, sents, ins: InspectionFinder) -> None:
    """Weaknesses an inspection states (govgraph's Finding label); not scored."""
    for si, s in enumerate(sents):
        insps = ins.by_sentence.get(si)
        if not insps or not FINDING_RE.search(s.text):
            continue
        if not re.search(r"(?i)\bnot\b|weak|insufficient|lack|poor|inconsistent|variab|improv|oversight|recurring|concern|delay|drift", s.text):
            continue
        name = clean_name(s.text)[:200]
        theme_text = s.text
        ent = b.add("Finding", name, (s.start, s.end), props={"themes": themes_of(theme_text)})
        for x in insps:
            b.edge("MADE", x.id, ent.id, (s.start, s.end))


def inspected_bodies(b: Builder, sents, ins: InspectionFinder) -> None:
    """'Inspection of Children's Services' / 'an Ofsted report on the Fostering Agency' / 'the Council's Children's Services
    had been subject to an inspection' also INSPECTED the unit named; 'the Lead Inspector', 'inspected by Ofsted and CQC',
    'an LGA Peer Review, led by X' give CONDUCTED_BY."""
    for si, s in enumerate(sents):
        found = ins.by_sentence.get(si, [])
        for x in found:
            for m in re.finditer(r"(?i)(?:inspection|inspected|visit|review|report)\s+(?:of|into|on)\s+(?:the\s+)?(?:(?:council|authority)[’']s\s+|(\w+[’']s\s+))?", s.text):
                if m.group().lower().startswith("report") and not re.search(r"(?i)ofsted|inspect|cqc", s.text[max(0, m.start() - 30):m.start()]):
                    continue  # "a report on" is an inspection report only after the inspectorate
                pos = [s.start + m.end()] + ([s.start + m.start(1)] if m.group(1) else [])
                tgt = [y for y in b.in_span(min(pos), s.end) if y.label == "Body" and any(0 <= y.start - p_ < 3 for p_ in pos)][:1]
                if tgt:
                    b.edge("INSPECTED", x.id, tgt[0].eid, (s.start, s.end))
            if "subject to" in s.low:
                for m in re.finditer(r"(?i)\b(?:had|has|have|was|were|is|are)\s+(?:been\s+)?(?:subject|subjected)\s+to\s+(?:an?|the|its|their)\s+(?:\w+\s+){0,3}?(?:inspection|visit|review)", s.text):
                    pre = [y for y in b.in_span(s.start, s.start + m.start()) if y.label in ("Body", "Authority")][-1:]
                    if pre and re.fullmatch(r"\s*", s.text[pre[0].end - s.start:m.start()]):
                        b.edge("INSPECTED", x.id, pre[0].eid, (s.start, s.end))
        if not found:
            continue
        ms = b.in_span(s.start, s.end)
        # the Lead Inspector / HMI named in a sentence about the inspection
        for y in ms:
            if y.label == "Role" and re.fullmatch(r"(?i)(?:the\s+)?(?:lead\s+(?:inspector|HMI)|inspection\s+lead)", b.ents[y.eid].name):
                b.edge("CONDUCTED_BY", found[0].id, y.eid, (s.start, s.end))
        # "inspected by Ofsted and CQC", "the Ofsted/CQC inspection", "a joint Ofsted and CQC inspection": every inspectorate listed
        for y in ms:
            if y.label != "Organisation" or b.ents[y.eid].props.get("kind") != "inspectorate":
                continue
            conducted = {g for (t, s_, g, n) in b.edges if t == "CONDUCTED_BY" and s_ == found[0].id}
            if not conducted or y.eid in conducted:
                continue
            others = [z for z in ms if z.eid in conducted and z.label == "Organisation"]
            if any(re.fullmatch(r"\s*(?:and|&|/|,)\s*(?:the\s+)?", b.text[min(z.end, y.end):max(z.start, y.start)]) for z in others):
                b.edge("CONDUCTED_BY", found[0].id, y.eid, (s.start, s.end))
        # "an LGA Peer Review, led by Gloucestershire's Director of Children's Services"
        if "led by" in s.low:
            for m in re.finditer(r"(?i),?\s*(?:which\s+was\s+|was\s+|were\s+)?led\s+by\s+(?:the\s+)?", s.text):
                ve = s.start + m.end()
                ins_before = [y for y in ms if y.end <= s.start + m.start() + 1 and y.label == "Inspection"][-1:]
                if not ins_before or not re.fullmatch(r"[\s,]*(?:which\s+was\s+|was\s+)?", b.text[ins_before[0].end:s.start + m.start()]):
                    continue
                who = [y for y in ms if y.start >= ve][:3]
                who = [y for y in who if y.label in ("Role", "Organisation", "Authority")]
                if len(who) > 1 and who[0].label != "Role" and who[1].label == "Role" and \
                        re.fullmatch(r"[’']s?\s+", b.text[who[0].end:who[1].start]):
                    who = who[1:]  # "Gloucestershire County Council's Director of Children's Services"
                    ve = who[0].start
                if who and (who[0].start - ve < 3 or re.fullmatch(r"[\w ]+(?:Council|Authority)[’']s\s+", b.text[ve:who[0].start])):
                    b.edge("CONDUCTED_BY", ins_before[0].eid, who[0].eid, (s.start, s.end))