"""Inspections, their judgements, recommendations and findings."""
from __future__ import annotations

import re

from .graphbuild import Builder, Ent
from .ids import inspection_id
from .lexicon import lexicon
from .segment import Sentence

LEX = lexicon()
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTH_RE = "|".join(MONTHS)
NOUN_RE = re.compile(
    r"(?<![\w-])(?:(?:[Rr]e-?)?[Ii]nspections?|INSPECTION|[Mm]onitoring [Vv]isit|[Ff]ocus(?:s?ed)? (?:[Vv]isit|[Rr]eview)|"
    r"[Aa]ssurance [Vv]isit|[Pp]eer [Rr]eview|[Pp]eer [Cc]hallenge|JTAI|ILACS|[Rr]eview [Vv]isit|[Rr]eports?|[Jj]udge?ments?|"
    r"[Ii]nspected|[Vv]isit)(?![\w-])")
JUDGE_HINT = re.compile(r"(?i)judg|rated|grade|overall|found\s+(?:it\s+)?to\s+be|outcome was")
JUDGE_CUES = ("judg", "rated", "grade", "overall", "found", "outcome was")  # words every JUDGE_HINT match contains (speed)
NOUN_WORDS = ("inspect", "visit", "review", "report", "judg", "jtai", "ilacs", "challenge")
# (the look-ahead: the first letters of the alternatives, a cheap test at each position: speed)
HYPOTHETICAL = re.compile(r"(?i)(?=[wtcmsnfueapird])(?:\b(?:would|will|to|could|may|might|shall)\s+(?:be\s+)?(?:inspected|undergo|receive|undertake|carry out|conduct)\b|"
                          r"\b(?:next|future|upcoming|expected|forthcoming|anticipated|possible|planned|another)\s+"
                          r"(?:full\s+|ofsted\s+|\w+\s+)?(?:inspection|visit|review)|\binspection\s+was\s+expected|"
                          r"\b(?:in\s+preparation\s+for|prepare\s+for|readiness\s+for)\b|"
                          r"\bdue\s+to\s+(?:take\s+place|be\s+held|be\s+carried\s+out|commence|start|begin)\b)")
SEND_WORDS = re.compile(r"\bSEND\b|[Ss]pecial [Ee]ducational [Nn]eeds")
HISTORIC = re.compile(r"(?i)\b(?:last|previous|earlier|prior)\b")
YEAR_RE = re.compile(r"(?<![\d/£-])(20[0-3]\d|19[89]\d)(?![\d/])(?!\s*/\s*\d)")

# years_near's patterns (compiled once: speed)
_YEARS_LIST = re.compile(rf"s?\s+(?:of\s+)?((?:20\d\d)(?:\s*,\s*20\d\d)*(?:,?\s+and\s+20\d\d))")
_YEAR_PAREN = re.compile(rf"s?\s*\((?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:({MONTH_RE})\s+)?(20[0-3]\d)\)")
_YEAR_AFTER = re.compile(rf"(?:in|on|of|during|between|conducted in|took place in|carried out in)\s+(?:(?:early|late|mid)-?\s*)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:(?:and|to|-|–)\s+\d{{1,2}}(?:st|nd|rd|th)?\s+)?)?(?:({MONTH_RE})\s+(?:and\s+(?:{MONTH_RE})\s+)?)?(20[0-3]\d)(?!\s*/)")
_YEAR_FAR = re.compile(rf"\b(?:in|during)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:({MONTH_RE})\s+)?(20[0-3]\d)(?!\s*/)")
_YEAR_BEFORE = re.compile(rf"(?:({MONTH_RE})\s+)?(20[0-3]\d)\s+(?:[A-Z]\w*\s+){{0,3}}$")
_YEAR_OPENING = re.compile(rf"\s*(?:[Ii]n|[Dd]uring|[Oo]n)\s+(?:\d{{1,2}}\s+)?(?:({MONTH_RE})\s+)?(20[0-3]\d)\b")


class Insp:
    def __init__(self, inspectorates: tuple[str, ...], kind: str, year: int | None, month: int | None):
        self.inspectorates = inspectorates
        self.kind = kind
        self.year = year
        self.month = month
        self.historic = False
        self.ent: Ent | None = None


_KIND_AREA = re.compile(r"CQC|Care Quality|[Ll]ocal [Aa]rea|[Aa]rea")
_KIND_PEER = re.compile(r"(?i)\bpeer\b")
_KIND_MONITORING = re.compile(r"(?i)\bmonitoring visit")
_KIND_FOCUSED = re.compile(r"(?i)\bfocus(?:s?ed)? (?:visit|review)")
_KIND_REVIEW = re.compile(r"(?i)\breview\b")
_KIND_INSPECTION = re.compile(r"(?i)inspection")
_KIND_ASSURANCE = re.compile(r"(?i)\bassurance visit")


def kind_of(window: str) -> str:
    for pat, kind in LEX.inspection_kinds:
        if pat in window:
            return kind
    # "Ofsted/CQC inspection of the provision for Special Educational Needs (SEND)": a SEND area inspection
    if "nspection" in window and SEND_WORDS.search(window) and _KIND_AREA.search(window):
        return "send_area"
    if _KIND_PEER.search(window):
        return "peer_review"
    if _KIND_MONITORING.search(window):
        return "monitoring_visit"
    if _KIND_FOCUSED.search(window):
        return "focused_visit"
    if _KIND_REVIEW.search(window) and not _KIND_INSPECTION.search(window):
        return "review"
    if _KIND_ASSURANCE.search(window):
        return "assurance_visit"
    return "other"


class InspectionFinder:
    def __init__(self, b: Builder, authority: Ent, sentences: list[Sentence], text: str):
        self.b = b
        self.auth = authority
        self.sents = sentences
        self.text = text
        self.insp: dict[tuple, Insp] = {}
        self.by_sentence: dict[int, list[Ent]] = {}
        self.main: Ent | None = None
        self.pos: dict[tuple[int, str], int] = {}

    def orgs_in(self, s: int, e: int) -> list[Ent]:
        out = []
        for m in self.b.in_span(s, e):
            if m.label == "Organisation":
                ent = self.b.ents[m.eid]
                if ent.props.get("kind") in ("inspectorate",) or ent.name in ("Local Government Association", "Department for Education", "NHS England"):
                    if ent not in out:
                        out.append(ent)
        return out

    def inspectorate_before(self, pos: int) -> bool:
        """An inspectorate's name ends right before `pos` ("Ofsted inspected", "Estyn inspected")."""
        for x in self.b.in_span(max(0, pos - 80), pos):
            if x.label == "Organisation" and self.b.ents[x.eid].props.get("kind") == "inspectorate" and \
                    re.fullmatch(r"\s+", self.text[x.end:pos]):
                return True
        return False

    def run(self) -> None:
        pending: list[tuple[int, Sentence, tuple, bool, int, int]] = []
        for si, sent in enumerate(self.sents):
            st = sent.text
            low = sent.low  # (lowercased once per sentence, shared with the relation rules)
            for w in NOUN_WORDS:
                if w in low:
                    break
            else:
                continue  # cheap pre-check: most sentences name no inspection, visit, review or report
            if HYPOTHETICAL.search(st) and not re.search(r"(?i)\b(took place|was carried out|had been|were|was)\b.*\b(19|20)\d\d", st):
                hyp = True
            else:
                hyp = False
            for m in NOUN_RE.finditer(st):
                noun = m.group().lower()
                ws, we = max(0, m.start() - 70), min(len(st), m.end() + 70)
                window = st[ws:we]
                abs_s = sent.start + ws
                orgs = self.orgs_in(sent.start + max(0, m.start() - 45), sent.start + min(len(st), m.end() + 40))
                if noun in ("reports", "report", "judgement", "judgements", "judgment", "judgments", "visit"):
                    # only "Ofsted report", "inspection report", "report of 2014": needs an inspectorate right beside it
                    near = st[max(0, m.start() - 25):m.start()]
                    if not (orgs and re.search(r"(?i)(ofsted|cqc|inspection|hmip|probation)[’'s]*\s*(?:inspection\s+)?$", near)) and noun != "visit":
                        if not (noun.startswith("report") and re.match(r"s?\s+of\s+(20\d\d)", st[m.end():m.end() + 12]) and orgs):
                            continue
                kind = kind_of(window)  # (after the test above, which most report mentions fail: speed)
                if noun == "visit" and kind not in ("monitoring_visit", "focused_visit", "assurance_visit"):
                    continue
                if noun in ("inspections",) and not re.search(r"\b20\d\d\b.*\band\b.*\b20\d\d", window):
                    continue
                if noun == "inspected":
                    if not (re.search(r"inspected\s+by", st[m.start():m.end() + 10]) or self.inspectorate_before(sent.start + m.start())) or re.search(r"(?i)(would|will|to)\s+be\s+inspected", st[max(0, m.start() - 12):m.end()]):
                        continue
                if hyp and not YEAR_RE.search(window):
                    continue
                if not orgs and kind in ("other", "review") and noun not in ("inspection", "inspected") and "ILACS" not in window:
                    continue
                if noun.startswith("review") and kind == "review" and not orgs:
                    continue
                if kind == "other" and not orgs and noun in ("inspection",):
                    # "the inspection" / "the unannounced inspection": the document's main inspection
                    if not re.search(r"(?i)(ofsted|ilacs|inspection of|children'?s services)", window) and not YEAR_RE.search(window):
                        pending.append((si, sent, (), False, sent.start + m.start(), sent.start + m.end()))
                        continue
                years = self.years_near(st, m.start(), m.end())
                historic = bool(HISTORIC.search(st[max(0, m.start() - 25):m.start()]))
                insps = tuple(sorted({o.name for o in orgs})) or self.default_inspectorate(kind)
                if not years and hyp:
                    continue  # "the expected Ofsted inspection", "due to take place in the autumn"
                if not years:
                    pending.append((si, sent, insps + (kind,), historic, sent.start + m.start(), sent.start + m.end()))
                    continue
                for y, mo in years:
                    self.register(si, sent, insps, kind, y, mo, historic, sent.start + m.start(), sent.start + m.end(), orgs)
        # yearless mentions
        for si, sent, key, historic, s, e in pending:
            if historic and not key:
                continue
            insps, kind = (key[:-1], key[-1]) if key else ((), "other")
            # the dated inspection it refers to: same inspectorates, or some of them ("the Ofsted inspection" of a joint
            # Ofsted and CQC one)
            cands = [i for i in self.insp.values() if i.year and (not insps or set(insps) <= set(i.inspectorates))
                     and (kind == "other" or i.kind == kind or i.kind in ("ilacs", "sif", "other")) and not i.historic]
            if not cands and kind == "other":
                # "the inspection" when the document names one inspection of a given kind and no dated one
                others = {i.ent.id: i for i in self.insp.values() if i.ent is not None and not i.historic
                          and (not insps or set(insps) <= set(i.inspectorates))}
                if len(others) == 1:
                    self.cite(next(iter(others.values())), si, s, e)
                    continue
            if historic:
                continue
            if cands:
                best = max(cands, key=lambda i: (i.year, i.month or 0))
                self.cite(best, si, s, e)
            elif insps or key:
                self.register(si, sent, insps or ("Ofsted",), kind, None, None, False, s, e, [])
            else:
                existing = [i for i in self.insp.values()]
                if existing:
                    self.cite(max(existing, key=lambda i: (i.year or 0)), si, s, e)
        dated = [i for i in self.insp.values() if i.ent is not None]
        if dated:
            nonhist = [i for i in dated if not i.historic] or dated
            self.main = max(nonhist, key=lambda i: (i.year or 9999, i.ent.count)).ent

    def default_inspectorate(self, kind: str) -> tuple[str, ...]:
        if kind == "peer_review":
            return ("Local Government Association",)
        return ("Ofsted",) if any(e.name == "Ofsted" for e in self.b.ents.values()) else ()

    def years_near(self, st: str, s: int, e: int) -> list[tuple[int, int | None]]:
        out = []
        after = st[e:e + 45]
        far = st[e:e + 80].split(";")[0]
        before = st[max(0, s - 30):s]
        m = _YEARS_LIST.match(after)
        if m:
            return [(int(y), None) for y in re.findall(r"20\d\d", m.group(1))]
        # "Ofsted Focus Review (October 2020)"
        m = _YEAR_PAREN.match(far)
        if m:
            return [(int(m.group(2)), MONTHS.index(m.group(1)) + 1 if m.group(1) else None)]
        m = _YEAR_AFTER.search(after)
        if m and not re.search(r"(?i)since\s*$", after[:m.start() + 6]):
            mo = MONTHS.index(m.group(1)) + 1 if m.group(1) else None
            return [(int(m.group(2)), mo)]
        # "an inspection into the Adoption Agency in December 2022": a longer reach, only for "in"/"during"
        # and not past another event ("published on", "approved by Ofsted on")
        m = _YEAR_FAR.search(far)
        if m and not re.search(r"(?i)\b(?:since|publish\w*|approv\w*|submit\w*|due|will|would|until)\b|[.,:]", far[:m.start()]):
            mo = MONTHS.index(m.group(1)) + 1 if m.group(1) else None
            return [(int(m.group(2)), mo)]
        m = _YEAR_BEFORE.search(before)
        if m and not re.search(r"(?i)since\s+$", before[:m.start()]):
            mo = MONTHS.index(m.group(1)) + 1 if m.group(1) else None
            return [(int(m.group(2)), mo)]
        # a sentence that dates the event: "In July 2023, the Council was subject to a Standard Inspection"
        m = _YEAR_OPENING.match(st)
        if m and s < 120:
            mo = MONTHS.index(m.group(1)) + 1 if m.group(1) else None
            return [(int(m.group(2)), mo)]
        return out

    def register(self, si, sent, insps, kind, year, month, historic, s, e, orgs) -> Insp:
        k = (insps, self.kind_group(kind), year)
        ins = self.insp.get(k)
        if ins is None:
            ins = Insp(insps, kind, year, month)
            self.insp[k] = ins
            ins.historic = historic
        else:
            if ins.kind in ("other", "review") and kind not in ("other", "review"):
                ins.kind = kind
            ins.month = ins.month or month
            ins.historic = ins.historic and historic
        self.cite(ins, si, s, e)
        return ins

    @staticmethod
    def kind_group(kind: str) -> str:
        return "inspection" if kind in ("ilacs", "sif", "other") else kind

    def cite(self, ins: Insp, si: int, s: int, e: int) -> None:
        b = self.b
        if ins.ent is None:
            word = LEX.kind_words.get(ins.kind, "inspection") if ins.kind != "assurance_visit" else "assurance visit"
            if ins.kind == "send_area" and set(ins.inspectorates) <= {"Ofsted", "Care Quality Commission"}:
                # local area SEND inspections are joint Ofsted and CQC inspections (one or both may be named)
                ins.inspectorates = ("Ofsted", "Care Quality Commission")
            who = " and ".join(ins.inspectorates)
            short = {"Local Government Association": "LGA", "Department for Education": "DfE",
                     "Care Quality Commission": "CQC"}
            who = " and ".join(short.get(x, x) for x in ins.inspectorates)
            name = " ".join(x for x in (who, word, str(ins.year) if ins.year else "") if x)
            eid = inspection_id(self.b.authority, "-".join(short.get(x, x) for x in ins.inspectorates) or "unknown",
                                self.kind_group(ins.kind), ins.year)
            props = {"kind": ins.kind if ins.kind not in ("other", "review", "assurance_visit") else "other",
                     "year": ins.year, "date": f"{ins.year}-{ins.month:02d}" if ins.year and ins.month else None}
            ins.ent = b.add("Inspection", name, None, eid=eid, props=props)
            for o in ins.inspectorates:
                org = next((x for x in b.ents.values() if x.label == "Organisation" and (x.name == o or o in x.aliases)), None)
                if org is not None:
                    b.edge("CONDUCTED_BY", ins.ent.id, org.id, (s, e))
            b.edge("INSPECTED", ins.ent.id, self.auth.id, (s, e))
        ins.ent.aliases.add(self.text[s:e])
        b.mention(ins.ent, s, e, claim=False)
        lst = self.by_sentence.setdefault(si, [])
        if ins.ent not in lst:
            lst.append(ins.ent)
            self.pos[(si, ins.ent.id)] = s
            lst.sort(key=lambda x: self.pos.get((si, x.id), 0))
        ins.ent.props["_last"] = s

    # ------------------------------------------------------------------ judgements
    def judgements(self) -> None:
        recent: Ent | None = None
        for si, sent in enumerate(self.sents):
            ents = self.by_sentence.get(si)
            if ents:
                recent = ents[-1]
            st = sent.text
            if recent is None:
                continue
            if not any(c in sent.low for c in JUDGE_CUES) or not JUDGE_HINT.search(st):
                continue
            if not ents and not re.search(r"(?i)overall|judge?ment", st):
                continue
            if re.search(r"(?i)\bno areas\b|\bnot\s+(?:been\s+)?(?:judged|rated)\b|other (?:boroughs|councils|authorities|local authorities)|councils rated", st):
                continue
            low = st.lower()
            best = None
            for phrase, value in LEX.judgements:
                if phrase not in low:
                    continue
                for m in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", low):
                    pos = m.start()
                    ov = low.rfind("overall", 0, pos)
                    score = (0 if ov >= 0 and pos - ov < 80 else 1, pos)
                    if best is None or score < best[0]:
                        best = (score, value)
            if best is None:
                continue
            target = ents[0] if ents else recent
            if best[0][0] == 0 or target.props.get("judgement") is None:
                if "requires improvement" in low and best[1] == "good" and "requires improvement to be good" in low:
                    continue
                target.props["judgement"] = best[1]
