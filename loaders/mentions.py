"""Finding the entities a text names: authorities, organisations, people, roles, bodies, plans.

Each finder registers entities on the Builder and records mentions (character spans)
that the relation rules in relations.py work with. Earlier finders claim their spans,
so a later, vaguer pattern cannot re-read the same words.
"""
from __future__ import annotations

import re

from .graphbuild import Builder, Ent
from .lexicon import lexicon
from .segment import has_any

LEX = lexicon()

# --- building blocks ---------------------------------------------------------------
# Speed: a pattern that starts with a look-behind is tried at every position of the text; a leading look-ahead
# "(?=[...])" naming the characters its matches can start with (e.g. "(?=[A-Z])" before a name) rejects most
# positions with one test. Keep such a look-ahead in step with the alternatives after it.
MONTHS_WORDS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Mr|Mrs|Ms|Cllr|Councillor|Councillors)"
CAPW = rf"(?:[A-Z]&[A-Z](?![\w&])|(?!{MONTHS_WORDS}\b)[A-Z][\w’'\-]*|(?<=Cabinet[ \t])member(?![\w-])|(?<=Portfolio[ \t])holder(?![\w-]))"
WORDS = rf"{CAPW}(?:[ \t]+{CAPW})*"
LIST = rf"{WORDS}(?:,[ \t]+{WORDS})*,?[ \t]+(?:and|&)[ \t]+{WORDS}"
# a list ("Children, Families and Communities") or a run of capitalised words; written as WORDS + optional
# list tail rather than LIST|WORDS so that the regex does not match every run twice (same matches, 2x faster)
UNIT = rf"(?:{WORDS}(?:(?:,[ \t]+{WORDS})*,?[ \t]+(?:and|&)[ \t]+{WORDS})?)"
CONN = (r"(?:[ \t]+(?:with[ \t]+[Rr]esponsibility[ \t]+for|[Rr]esponsibility[ \t]+for|of[ \t]+the|of|for[ \t]+the|for|"
        r"in|and|&|[-–—])[ \t]+|[ \t]+\([A-Z&]{2,6}\)[ \t]+)")
# a bracketed qualifier that belongs to the name ("Media Manager (Strategic)"), not an abbreviation and not an
# agenda reference ("Children and Families Committee (Item 27)")
PAREN = r"(?:[ \t]+\((?![A-Z&]{2,6}\))(?!(?:Item|Minute|Agenda|Appendix|Page|Paper|Report)\b)[A-Z][^()\n]{2,60}\))"
# (the leading look-ahead names the characters a phrase can start with: a cheap test at each position, speed)
MAX_PHRASE_WORDS = 24
"""Longer capitalised runs (all-caps headings, tables flattened to one line) are read in windows:
no real name is that long, and take_phrase recurses once per name it peels off the front."""


def word_windows(text: str, s: int, e: int, size: int) -> list[tuple[int, int]]:
    """``text[s:e]`` as spans of at most ``size`` words (one span when it is short enough)."""
    if e - s < 2 * size:
        return [(s, e)]  # n words take at least 2n - 1 characters: too short to hold more than `size` (speed)
    words = [m.span() for m in re.finditer(r"\S+", text[s:e])]
    if len(words) <= size:
        return [(s, e)]
    return [(s + words[i][0], s + words[min(i + size, len(words)) - 1][1]) for i in range(0, len(words), size)]


PHRASE_RE = re.compile(rf"(?=[A-Zmh])(?<![\w’'&-]){UNIT}(?:{CONN}{UNIT})*{PAREN}?")
ABBR_DEF = re.compile(r"\(([A-Z][A-Za-z&]{1,7})\)")

TRIM_START = set("The A An In At On By For Following Since It This That These Those There Members Both All Each Any "
                 "Some When Where While Whilst If As After Before During Under Our Their His Her Its Whole Current "
                 "Previous Latest Recent New Further Moving Given Meanwhile Although However Additionally Also Once "
                 "Consideration Concern Councillors Councillor Cllr Cllrs Mr Mrs Ms Dr Minutes Agenda Resolved RESOLVED "
                 "Whether With Within Without Between Having Following Including Regarding Re Update Item Report".split())
GENERIC_SINGLE = set("Panel Board Committee Commission Directorate Service Services Group Team Partnership Forum "
                     "Sub-Committee Sub-Board Chair Chairman Chairwoman Chairperson Director Member Members Officer Officers Manager "
                     "Head Lead Vice-Chair Vice-Chairman Plan Council Scrutiny Trust Agency Hub Department".split()) | {
                     "Vice Chair", "Vice Chairman", "Vice Chairwoman", "Deputy Chair", "Deputy Chairman", "Vice-Chairwoman",
                     "Vice Chairperson", "Vice-Chairperson", "Deputy Chairperson"}
GENERIC_BODY_HEADS = ["Sub-Committee", "Sub-Board", "Sub-Group", "Committee", "Panel", "Board", "Commission",
                      "Select Committee", "Select Commission", "Partnership", "Working Group", "Group", "Directorate",
                      "Cabinet", "Executive", "Forum"]
PLACE_BAD = set("Children Children's Children’s Care Youth Full Parish Town Executive Cabinet Young People Parent "
                "Carer Carers Leavers District County City Borough Metropolitan".split())
AUTH_RE = re.compile(
    r"(?<![\w’'-])(?:(?:London|Royal)[ \t]+Borough[ \t]+of[ \t]+[A-Z][\w’'-]+(?:[ \t]+(?:and|upon|on)[ \t]+[A-Z][\w’'-]+)*"
    r"|(?:[A-Z][\w’'-]+,[ \t]+)*(?:[A-Z][\w’'-]+[ \t]+)*?(?:and[ \t]+)?[A-Z][\w’'-]+[ \t]+"
    r"(?:(?:County[ \t]+Borough|County|City|Borough|District|Metropolitan[ \t]+Borough|Metropolitan[ \t]+District)[ \t]+)?Council)(?![\w-])")
AUTH_END_RE = re.compile(
    r"(?=[A-Za])(?<![\w’'-])(?:[A-Z][\w’'-]+,[ \t]+)*(?:[A-Z][\w’'-]+[ \t]+)*?(?:and[ \t]+)?[A-Z][\w’'-]+[ \t]+"
    r"(?:(?:County[ \t]+Borough|County|City|Borough|District|Metropolitan[ \t]+Borough|Metropolitan[ \t]+District)[ \t]+)?Council$")
HON = r"(?:County[ \t]+Councillor|Councillors|Councillor|Cllrs\.?|Cllr\.?|Mrs\.?|Mr\.?|Ms\.?|Miss|Dr\.?|Professor|Prof\.?)"
NAMEW = r"(?:Mc|Mac|O’|O')?[A-Z][a-z][\w’'\-]*"
PNAME = rf"(?:(?:[A-Z]\.?[ \t]){{0,3}}(?:[A-Z]\.?[ \t])?{NAMEW}(?:[ \t]+(?:de[ \t]+|van[ \t]+|le[ \t]+|la[ \t]+)?{NAMEW}){{0,2}})"
HON_RE = re.compile(rf"(?=[CMDP])(?<![\w-])((?:{HON}[ \t]+)+)({PNAME}(?:(?:,[ \t]*|[ \t]+and[ \t]+){PNAME})*)")
BARE_NAME = rf"{NAMEW}(?:[ \t]+(?:de[ \t]+|van[ \t]+)?{NAMEW}){{1,2}}"
PLAN_RE = re.compile(
    r"(?=[A-Z\diardptmsb])(?<![\w-])((?:(?:[A-Z]&[A-Z](?![\w&])|[A-Z][\w’'\-]*|\d+|SEND|ILACS)[ \t]+(?:(?:and|for|of|to|&)[ \t]+)?)*"
    r"(?:\d+[- ]point|[Ii]mprovement|[Aa]ction|[Rr]ecovery|[Dd]elivery|[Dd]evelopment|[Pp]rogress|[Tt]ransformation|"
    r"[Mm]anagement|[Ss]ufficiency|[Ss]ervice|[Bb]asics|[Pp]ractice)[ \t]+[Pp]lan"
    r"(?:[ \t]+for[ \t]+(?:[A-Z][\w’'\-]*)(?:[ \t]+[A-Z][\w’'\-]*)*)?)(?![\w-])")
WSOA_RE = re.compile(r"(?=[A-Zw])(?<![\w-])(?:[A-Z][\w’'\-]*[ \t]+)*[Ww]ritten [Ss]tatement of (?:the )?[Aa]ction(?![\w-])")
PLAN_BAD = re.compile(r"(?i)\b(care|support|pathway|child protection|personal|business|corporate|financial|council|"
                      r"education,? health and care|safety|risk|transition)\s+plans?$")
LOWER_BODY_RE = re.compile(
    r"(?=[aitn])(?<![\w-])(?:a|an|the|its|new)[ \t]+((?:sub-committee|sub-group|subgroup|working group|task and finish group)"
    r"(?:[ \t]+(?:for|on)[ \t]+(?:[A-Z][\w’'\-]*)(?:[ \t]+(?:and[ \t]+)?[A-Z][\w’'\-]*)*)?)")

# "the Children and Young People sub-group", "Quality Assurance working group": capitalised name, lower-case head
CAP_LOWER_BODY_RE = re.compile(
    r"(?=[A-Z])(?<![\w’'-])((?:[A-Z][\w’'-]*)(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w’'-]*|[ \t]+[A-Z][\w’'-]*){0,6}[ \t]+"
    r"(?:sub-group|subgroup|sub-committee|working group|task and finish group|steering group|reference group))(?![\w-])")
CAP_LOWER_ANCHOR = re.compile(r"[ \t](?:sub-?group|sub-committee|working group|task and finish group|steering group|reference group)(?![\w-])")

SUB_OF_RE = re.compile(r"((?:Joint[ \t]+)?(?:Working Group|Task and Finish Group|Task & Finish Group|Sub-Committee|Sub-committee|"
                       r"Sub-Group|Sub-group|Subgroup|Steering Group|Reference Group))[ \t]+of[ \t]+(?:the[ \t]+)?(.+)$")

_CLASSIFY_CACHE: dict[str, tuple | None] = {}
# lone words (no space or tab) for which take_phrase returns at once, naming nothing; its outcome for such a word
# depends on the word only, so phrases() skips them when they come again (speed)
_NAMES_NOTHING: set[str] = set()
_AUTH_TYPE_WORDS = {"county", "city", "borough", "district", "metropolitan", "royal", "london", "of", "the", "council", "cyngor"}
MID_HEAD_BAD = {"Member", "Partner", "Principal", "Head", "Representative", "Representatives", "Governor", "Executive"}
_PAREN_TAIL = re.compile(r"\s*\([^)]*\)$")
_PLAN_END = re.compile(r"\b[Pp]lan$")
_LOCAL_TRUST = re.compile(r"\bLocal Children(?:’s|'s)? Trust$")
_TRUST_WORDS = re.compile(r"(?i)children|foundation|nhs|academy|learning|health|care")
_DIRECTORATE_START = re.compile(r"^(?:Directorate|Department)\b")
_FIRST_WORD = re.compile(r"([\w’'&-]+)[ \t]+")
_POSSESSIVE = re.compile(r"(?:’s|'s)[ \t]+")
_OF_THE = re.compile(r"[ \t]+of(?:[ \t]+the)?[ \t]+")
_ABBR_AFTER = re.compile(r"[ \t]*\(([A-Z][A-Za-z&]{1,7})\)")


# "principal social worker", "Independent Chair" ...: each alternative starts with its letter so that the regex
# engine can skip ahead on the first character (a leading look-behind would disable that)
LOWER_ROLE_RE = re.compile(r"(?:[Pp](?<![\w-].)rincipal [Ss]ocial [Ww]orker|[Ii](?<![\w-].)ndependent [Cc]hair(?:man)?|"
                           r"[Ii](?<![\w-].)ndependent [Ii]mprovement [Aa]dvis[oe]r|[Cc](?<![\w-].)o-opted [Mm]ember|"
                           r"[Ll](?<![\w-].)ead [Mm]ember)(?![\w-])")
# words every LOWER_ROLE_RE match contains, lowercased: a text with none of them skips the scan (speed)
LOWER_ROLE_CUES = ("principal social worker", "independent chair", "independent improvement advis", "co-opted member", "lead member")




GENERIC_AUTH_RE = re.compile(
    r"(?=[TtOoLlC])(?:(?<![\w-])(?:[Tt]he|[Tt]his|[Oo]ur)[ \t]+(?:(?:County|City|Borough|Local)[ \t]+)?(?:Council|Authority|authority|council)(?:’s|'s)?(?![\w-])"
    r"|(?<![\w-])(?:[Tt]he[ \t]+)?[Ll]ocal [Aa]uthority(?![\w-])"
    r"|(?<![A-Za-z][ \t])(?<![\w-])County Council(?![\w-]))")
COUNCIL_ANCHOR = re.compile(r"[Cc]ouncil|[Aa]uthority")
# a bare name before a role title ("Tom Hoghton, Policy Manager") or after it ("Commissioner Julie Kenny",
# "... and Jane Roe"); NOT_NAME: words that follow names on contact lines
LEAD_PERSON_RE = re.compile(rf"({BARE_NAME})(?:,[ \t]*|[ \t]+[-–—][ \t]+|[ \t]*\([ \t]*)(?=[A-Z])")
TRAIL_PERSON_RE = re.compile(rf"(?=[, \t])(,?[ \t]+and)?[ \t]+(?:(?:Sir|Dame)[ \t]+)?({BARE_NAME})$")
NOT_NAME = {"Tel", "Tel:", "Telephone", "Email", "E-mail", "Mobile", "Ext", "Contact", "Sir", "Dame"}
# "Contact: Jane Roe", "ACTION: Jane Roe", "Contact: Jane Roe/Tom Brown", "Lead Officer: Jane Roe"
CONTACT_RE = re.compile(rf"(?:Contact(?: [Oo]fficer)?|Presented [Bb]y|Officer|Author|Report [Aa]uthor|ACTION|Action(?: [Bb]y)?|"
                        rf"Lead(?: [Oo]fficer)?|Responsible [Oo]fficer|Owner):[ \t\u00a0]+({BARE_NAME}(?:[ \t]*/[ \t]*{BARE_NAME})*)")
# "Claire Burgess, LGA Children's Improvement Adviser" (an organisation's abbreviation may stand between)
BESIDE_ROLE_RE = re.compile(rf"(?=[A-Z])(?<![\w’'-])({BARE_NAME})(?:,[ \t]*(?:the[ \t]+|our[ \t]+)?(?:[A-Z]{{2,6}}(?:’s|'s)?[ \t]+)?|[ \t]*\()$")
TRAIL_CONTACT_RE = re.compile(r"[ \t]+(?:Tel|Telephone|Email|E-mail|Mobile|Ext|Phone)\.?$")
TRAIL_CONN_RE = re.compile(r"[ \t]+(?:and|&|of|for|the|of the|for the|in|with)$")
# "Cabinet Member for Children, Young People and Public Health": a portfolio, not the organisation Public Health
PORTFOLIO_BEFORE_RE = re.compile(r"\b(?:Member|Director|Lead|Holder|Head|Manager|Officer|Councillor|Commissioner)[ \t]+(?:for|of)[ \t]+"
                                 r"(?:(?:[A-Z][\w’'-]*,?[ \t]+)*(?:and|&)[ \t]+)?$")
NUMBERED_GROUP_RE = re.compile(r"(?=[WTS])(?<![\w-])(?:Working Group|Task and Finish Group|Sub-Group|Subgroup|Workstream|Work Stream)[ \t]+\d{1,2}"
                               r"[ \t]+[-–—:][ \t]+[A-Z][\w’'-]*(?:[ \t]+(?:[A-Z][\w’'-]*|and|of|for|&|the|in))*(?<![ \t]and)(?<![ \t]of)")
TEAM_RE = re.compile(r"(?=[A-Z])(?<![\w’'-])((?:[A-Z][\w’'-]*[ \t]+){1,4}team)(?![\w-])")
TEAM_ANCHOR = re.compile(r"[ \t]team(?![\w-])")
NOT_TEAM = {"Ofsted", "Inspection", "Council", "Project", "Leadership", "Management", "Senior", "LGA", "DfE", "Peer"}
HON_ANCHOR = re.compile(r"Co(?:unty[ \t]+Co)?uncillors?|Cllrs?|Mrs?|Ms|Miss|Dr|Prof")
PLAN_ANCHOR = re.compile(r"[Pp]lan(?![\w-])")
WSOA_ANCHOR = re.compile(r"[Ww]ritten [Ss]tatement of")


def word_pattern(word: str, not_before: str = r"[\w-]") -> str:
    """rf"(?<!{not_before}){re.escape(word)}", written with the word's first character ahead of the look-behind so
    that the regex engine searches for that character instead of trying every position (speed; same matches)."""
    return re.escape(word[:1]) + rf"(?<!{not_before}(?s:.))" + re.escape(word[1:]) if word else ""


def anchored_finditer(rx: re.Pattern, anchor: re.Pattern, text: str, start: int = 0, back: int = 250, fwd: int = 150):
    """The matches of `rx` that contain a match of the cheap `anchor` (e.g. the word "Plan"), found by searching
    a window around each anchor: same matches as rx.finditer for patterns that always contain the anchor,
    without running a pattern with a long optional prefix at every position of the text."""
    last = start
    n = len(text)
    for a in anchor.finditer(text, start):
        if a.start() < last:
            continue
        m = rx.search(text, max(last, a.start() - back), min(n, a.end() + fwd))
        while m is not None and m.end() < a.end():
            m = rx.search(text, max(m.end(), m.start() + 1), min(n, a.end() + fwd))
        if m is not None and m.start() <= a.start():
            last = m.end()
            yield m


NAME_VERBS = (r"(?:updated|presented|introduced|informed|advised|gave|reported|explained|confirmed|said|stated|"
              r"highlighted|outlined|provided|delivered|attended|welcomed|thanked|responded|agreed|referred|"
              r"added|noted|commented|suggested|asked|acknowledged|reminded|emphasi[sz]ed|summari[sz]ed|spoke|joined|"
              r"was|is|had|has|would|will|led|chaired)")
VERB_ANCHOR = re.compile(rf"[ \t]+{NAME_VERBS}\b")
NAMES_END_RE = re.compile(rf"(?=[A-Z])(?<![\w’'-])({BARE_NAME}(?:(?:,[ \t]*|[ \t]+and[ \t]+){BARE_NAME})*)\Z")


def names_before_verbs(text: str):
    """Runs of bare names right before a reporting verb ("Jane Smith and Tom Brown presented"): found from each
    verb backwards (a name regex tried at every position of the text is slow)."""
    last = 0
    for a in VERB_ANCHOR.finditer(text):
        p = a.start()
        if p <= last or not text[p - 1].isalpha():
            continue
        # the white space before the word: looked for in the last 100 characters first (a text with no tabs
        # would otherwise be searched back to its start at every verb: speed), then in all the text before
        lo = max(0, p - 100)
        ws = max(text.rfind(" ", lo, p), text.rfind("\n", lo, p), text.rfind("\t", lo, p))
        if ws < 0 and lo > 0:
            ws = max(text.rfind(" ", 0, lo), text.rfind("\n", 0, lo), text.rfind("\t", 0, lo))
        if not text[ws + 1:ws + 2].isupper():
            continue
        m = NAMES_END_RE.search(text, max(last, p - 250), p)
        if m is not None:
            last = p
            yield m


def clean_name(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split()).strip(" ,;:-–")


def tokens(s: str) -> list[str]:
    return s.split()


SPLIT_RE = re.compile(r"[ \t]+(?:and|&)[ \t]+(?:the[ \t]+)?(?=(?:" + "|".join(
    re.escape(h) for h in sorted(LEX.role_heads + LEX.role_prefixes, key=len, reverse=True)) + r")\b)")
ORG_HEADS_SORTED = sorted(LEX.org_heads.items(), key=lambda x: -len(x[0]))


class Finder:
    def __init__(self, b: Builder, text: str, start: int, header_council: str | None):
        self.b = b
        self.text = text
        self.start = start
        self.auth: Ent | None = None
        self.header_council = header_council
        self.abbr: dict[str, str] = {}           # ABBR -> entity id
        self.abbr_expansion: dict[str, str] = {}  # ABBR -> expanded words
        self.meeting_body: Ent | None = None
        self.persons_roles: list[tuple[str, str, tuple[int, int]]] = []  # (person id, role id, span)

    # ------------------------------------------------------------------ authorities
    def authorities(self) -> None:
        b, text = self.b, self.text
        name = b.authority
        self.auth = b.add("Authority", name, None, scope=False)
        short = self.short_place(name)
        if name:
            for m in re.finditer(re.escape(name), text[self.start:]):
                s = self.start + m.start()
                b.mention(self.auth, s, s + len(name))
        for m in self.authority_matches():
            s, e = m
            cand = clean_name(text[s:e])
            words = cand.replace(",", "").split()
            while words and (words[0] in TRIM_START or words[0] in ("and",)):
                words = words[1:]
            cand2 = " ".join(words)
            if not b.free(s, e) or len(words) < 2:
                continue
            s = e - len(text[s:e].split(words[0], 1)[1]) - len(words[0]) if words[0] in text[s:e] else s
            pre = words[:-1]
            if pre[-1] in ("County", "City", "Borough", "District") and len(pre) == 1:
                if pre[-1] in ("County",):
                    b.mention(self.auth, s, e, generic=True)
                    self.auth.aliases.add(cand2)
                continue
            if any(w in PLACE_BAD or w in LEX.vocab for w in pre if w not in ("County", "City", "Borough", "District", "Metropolitan", "and", "of", "London", "Royal")):
                continue
            if text[e:e + 1] == "s":
                continue
            if self.same_authority(cand2, name):
                b.mention(self.auth, s, e)
                if cand2 != name:
                    self.auth.aliases.add(cand2)
            else:
                other = b.add("Authority", cand2, None, scope=False)
                b.mention(other, s, e)
        for m in anchored_finditer(GENERIC_AUTH_RE, COUNCIL_ANCHOR, text, self.start, back=40, fwd=10):
            s, e = m.span()
            if b.free(s, e):
                b.mention(self.auth, s, e, generic=True)
                self.auth.aliases.add(re.sub(r"(’s|'s)$", "", m.group()))
        if short and short != name:
            for m in re.finditer(word_pattern(short) + r"(?![\w-])(?![ \t]+[A-Z])", text[self.start:]):
                s = self.start + m.start()
                if b.free(s, s + len(short)):
                    b.mention(self.auth, s, s + len(short), generic=True)
                    self.auth.aliases.add(short)

    def authority_matches(self):
        """AUTH_RE, anchored on each 'Council' (scanning every capital letter is slow)."""
        text = self.text
        out = []
        for cm in re.finditer(r"Council(?![\w-])", text[self.start:]):
            end = self.start + cm.end()
            ws = max(self.start, end - 120)
            m = AUTH_END_RE.search(text, ws, end)
            if m:
                out.append(m.span())
        for m in re.finditer(r"(?:London|Royal)[ \t]+Borough[ \t]+of[ \t]+[A-Z][\w’'-]+(?:[ \t]+(?:and|upon|on)[ \t]+[A-Z][\w’'-]+)*", text[self.start:]):
            out.append((self.start + m.start(), self.start + m.end()))
        return sorted(set(out))

    @staticmethod
    def short_place(name: str) -> str | None:
        n = re.sub(r"^(?:London|Royal) Borough of ", "", name)
        n = re.sub(r"^City of ", "", n)
        n = re.sub(r"\s+(?:(?:County Borough|County|City|Borough|District|Metropolitan Borough|Metropolitan District)\s+)?Council$", "", n)
        return n if n and n != name else None

    @staticmethod
    def same_authority(a: str, b: str) -> bool:
        # the place words only: "London Borough of Barnet" = "Barnet Council", "Bridgend County Borough Council" = "Bridgend Council"
        norm = lambda x: [w for w in re.sub(r"[^a-z ]", "", x.lower()).split() if w not in _AUTH_TYPE_WORDS]
        na = norm(a)
        return bool(na) and na == norm(b)

    # ------------------------------------------------------------------ organisations
    def organisations(self) -> None:
        b, text = self.b, self.text
        for m in LEX.org_re.finditer(text, self.start):
            s, e = m.span()
            if not b.free(s, e):
                continue
            org = LEX.organisation(m.group())
            if org["kind"] not in ("inspectorate", "government") and PORTFOLIO_BEFORE_RE.search(text, max(0, s - 100), s):
                continue
            # "Ofsted Inspection" etc. still mention Ofsted; a pattern inside a longer capitalised name
            # ("NHS Devon") is left to the phrase finder unless it is an inspectorate
            ent = b.add("Organisation", org["name"], None, scope=False, props={"kind": org["kind"]},
                        aliases=[m.group()] if m.group() not in (org["name"], "the Police", "the police") else [])
            b.mention(ent, s, e)
            if len(m.group()) <= 6 and m.group().isupper():
                pass

    # ------------------------------------------------------------------ people
    def person_from(self, raw: str) -> str | None:
        words = raw.replace(".", " ").split()
        out = []
        while words and words[0] in LEX.honorifics + ["County"]:
            words = words[1:]
        for w in words:
            if (w in LEX.vocab or w in NOT_NAME) and not (len(w) == 1 and w.isupper()):
                break
            out.append(w)
        while out and len(out[-1]) == 1:
            out.pop()
        if not out or all(len(w) == 1 for w in out):
            return None
        return " ".join(out)

    def add_person(self, name: str, s: int, e: int) -> Ent:
        # a surname alone joins a fuller name with that surname already seen
        if " " not in name:
            for ent in self.b.ents.values():
                if ent.label == "Person" and ent.name.split()[-1] == name:
                    self.b.mention(ent, s, e)
                    return ent
        ent = self.b.add("Person", name, None)
        self.b.mention(ent, s, e)
        return ent

    def people(self) -> None:
        b, text = self.b, self.text
        for m in anchored_finditer(HON_RE, HON_ANCHOR, text, self.start, back=40, fwd=200):
            names = m.group(2)
            base = m.start(2)
            for pm in re.finditer(PNAME, names):
                raw = pm.group()
                name = self.person_from(raw)
                if not name:
                    continue
                s = base + pm.start()
                e = s + len(raw)
                # shrink span to the kept words
                e = s + raw.find(name.split()[-1]) + len(name.split()[-1]) if name.split()[-1] in raw else e
                if b.free(s, e):
                    self.add_person(name, s, e)
        # Contact: / Presented By: / apologies from ...
        for m in CONTACT_RE.finditer(text):
            seg, base = m.group(1), m.start(1)
            for pm in re.finditer(BARE_NAME, seg):
                name = self.person_from(pm.group())
                ps = base + pm.start()
                if name and " " in name and b.free(ps, ps + len(name)):
                    self.add_person(name, ps, ps + len(name))
        for m in re.finditer(r"[Aa]pologies[^.\n]{0,60}?(?:from|:)[ \t]+([^.\n]+)", text):
            seg, base = m.group(1), m.start(1)
            for pm in re.finditer(BARE_NAME, seg):
                name = self.person_from(pm.group())
                if name and " " in name and b.free(base + pm.start(), base + pm.end()):
                    self.add_person(name, base + pm.start(), base + pm.start() + len(name))
        # "Lorraine Butcher and Tony Crane gave a presentation", "Catherine Driscoll updated the Board"
        verbs = (r"(?:updated|presented|introduced|informed|advised|gave|reported|explained|confirmed|said|stated|"
                 r"highlighted|outlined|provided|delivered|attended|welcomed|thanked|responded|agreed|referred|"
                 r"added|noted|commented|suggested|asked|acknowledged|reminded|emphasi[sz]ed|summari[sz]ed|spoke|joined|"
                 r"was|is|had|has|would|will|led|chaired)")
        for m in names_before_verbs(text):
            seg, base = m.group(1), m.start(1)
            for pm in re.finditer(BARE_NAME, seg):
                raw = pm.group()
                if any(w in LEX.vocab for w in raw.split()):
                    continue
                if b.free(base + pm.start(), base + pm.end()):
                    self.add_person(raw, base + pm.start(), base + pm.end())

    def people_beside_roles(self) -> None:
        """'Claire Burgess, LGA Children's Improvement Adviser' / 'Tina Russell (Assistant Director)'."""
        b, text = self.b, self.text
        for m in list(b.mentions):
            if m.label != "Role":
                continue
            before = text[max(self.start, m.start - 60):m.start]
            mm = BESIDE_ROLE_RE.search(before)
            if mm:
                raw = mm.group(1)
                if any(w in LEX.vocab for w in raw.split()):
                    continue
                s = m.start - len(before) + mm.start(1)
                if b.free(s, s + len(raw)):
                    self.add_person(raw, s, s + len(raw))

    # ------------------------------------------------------------------ roles, bodies, plans
    def classify(self, phrase: str):
        """-> (label, kind) for a capitalised phrase, or None (cached: it depends on the phrase only)."""
        try:
            return _CLASSIFY_CACHE[phrase]
        except KeyError:
            pass
        out = _CLASSIFY_CACHE[phrase] = self._classify(phrase)
        return out

    def _classify(self, phrase: str):
        words = phrase.split()
        if not words:
            return None
        last = words[-1]
        last2 = " ".join(words[-2:])
        first = words[0]
        first2 = " ".join(words[:2])
        # role when it starts with (prefixes +) a role head followed by of/for/with/-, or ends with a role head
        i = 0
        while i < len(words) - 1 and words[i] in LEX.role_prefixes and not self.is_role_head(" ".join(words[i:i + 2])) \
                and not self.is_role_head(words[i]):
            i += 1
        if self.is_role_head(words[i]) or self.is_role_head(" ".join(words[i:i + 2])) or self.is_role_head(" ".join(words[i:i + 3])):
            hw = words[i]
            if hw in ("Head",) and (len(words) == i + 1 or words[i + 1] not in ("of", "for")) \
                    and not self.is_role_head(" ".join(words[i:i + 2])):
                pass
            elif not (hw == "Member" and i == 0 and len(words) > 1 and words[1] not in ("of", "for")):
                if hw not in ("Member", "Partner", "Principal") or i > 0:
                    return ("Role", None)
        # a role head after a few descriptive words, then "of"/"for": "Designated Clinical Officer for SEND",
        # "Intervention Case Lead for SEND and Social Care"
        for j in range(1, min(4, len(words) - 1)):
            if words[j + 1] in ("of", "for") and words[j] in LEX.role_heads and words[j] not in MID_HEAD_BAD \
                    and all(w[:1].isupper() and w not in LEX.body_heads and w not in LEX.org_heads for w in words[:j]):
                return ("Role", None)
        rest = _PAREN_TAIL.sub("", phrase)
        rw = rest.split()
        if rw and (self.is_role_head(rw[-1]) or self.is_role_head(" ".join(rw[-2:]))) and rw[-1] not in ("Member", "Lead") \
                and not (rw[-1] in ("Executive",) and len(rw) > 1 and rw[-2] not in ("Chief",)):
            if rw[-1] in ("Executive",) and len(rw) == 1:
                return ("Body", "executive")
            return ("Role", None)
        if rw and rw[-1] == "Lead" and len(rw) > 1:
            return ("Role", None)
        if _PLAN_END.search(rest):
            return ("Plan", None)
        if rest.endswith("Trust") and _LOCAL_TRUST.search(rest):
            return ("Body", "partnership")  # "Wyre Forest Local Children's Trust": a local partnership, not a company
        for head, kind in ORG_HEADS_SORTED:
            if rest.endswith(" " + head) and head not in ("Trust",) and not rest.endswith("Virtual School"):
                return ("Organisation", kind)
        if rest.endswith(" Trust") and len(rw) > 1:
            if _TRUST_WORDS.search(rest):
                return ("Organisation", "trust")
        if _DIRECTORATE_START.match(rest) and len(rw) > 2:
            return ("Body", "directorate")
        m = LEX.body_head_re.search(rest)
        if m:
            return ("Body", LEX.body_heads[m.group()])
        return None

    def is_role_head(self, w: str) -> bool:
        return w in LEX.role_heads

    def body_kind(self, name: str, kind: str | None) -> str:
        if name == "Full Council":
            return "council"
        for word, k in LEX.body_kind_words:
            if word in name:
                if k == "board" and not name.endswith("Board"):
                    continue
                return k
        if name.endswith("Board"):
            return "board"
        if name.endswith("Team") or name.endswith("team"):
            return "team"
        if name.endswith("Services") or name.endswith("Service") or name.endswith("Social Care"):
            return "service"
        return kind or "other"

    def phrases(self) -> None:
        b, text = self.b, self.text
        low_text = text.lower() if ("sub" in text or "roup" in text) else ""
        if "sub" in text or "group" in text:
            for m in anchored_finditer(CAP_LOWER_BODY_RE, CAP_LOWER_ANCHOR, text, self.start, back=150, fwd=2):
                s, e = m.span(1)
                words = m.group(1).split()
                while len(words) > 2 and words[0] in TRIM_START:
                    s = text.index(words[1], s + len(words[0]))
                    words = words[1:]
                if words[0] in TRIM_START or words[0] in LEX.body_heads or not b.free(s, e):
                    continue
                ent = b.add("Body", clean_name(text[s:e]), None, props={"kind": "other"})
                b.mention(ent, s, e)
        for m in (LOWER_BODY_RE.finditer(text, self.start) if ("sub-" in low_text or "subgroup" in low_text or " group" in low_text) else ()):
            s, e = m.span(1)
            if b.free(s, e):
                name = clean_name(m.group(1))
                ent = b.add("Body", name, None, props={"kind": "other"})
                b.mention(ent, s, e)
        # "Working Group 2 – Commissioning", "Workstream 3 - Early Help": numbered groups with their titles
        if "roup " in text or "orkstream " in text:
            for m in NUMBERED_GROUP_RE.finditer(text, self.start):
                s, e = m.span()
                if b.free(s, e):
                    ent = b.add("Body", clean_name(m.group()), None, props={"kind": "other"})
                    b.mention(ent, s, e)
        # "the Youth Justice team", "the Complaints team": a capitalised unit name with a lower-case "team"
        if " team" in text:
            for m in anchored_finditer(TEAM_RE, TEAM_ANCHOR, text, self.start, back=150, fwd=2):
                s, e = m.span(1)
                words = m.group(1).split()
                while words and words[0] in TRIM_START:
                    s = text.index(words[1], s) if len(words) > 1 else e
                    words = words[1:]
                if words and b.free(s, e) and not any(w in NOT_TEAM for w in words):
                    ent = b.add("Body", clean_name(text[s:e]), None, props={"kind": "team"})
                    b.mention(ent, s, e)
        for m in PHRASE_RE.finditer(text, self.start):
            if m.group() in _NAMES_NOTHING:
                continue  # speed
            for ps, pe in word_windows(text, m.start(), m.end(), MAX_PHRASE_WORDS):
                self.take_phrase(ps, pe)
        low_all = text.lower()
        for m in LOWER_ROLE_RE.finditer(text, self.start) if has_any(low_all, LOWER_ROLE_CUES) else ():
            s, e = m.start(), m.end()
            if b.free(s, e):
                nm = m.group()
                ent = b.add("Role", nm[0].upper() + nm[1:], None)
                b.mention(ent, s, e)
        # plans
        for rx, anchor in ((PLAN_RE, PLAN_ANCHOR), (WSOA_RE, WSOA_ANCHOR)):
            for m in anchored_finditer(rx, anchor, text, self.start):
                s, e = m.span(1) if rx is PLAN_RE else m.span()
                raw = text[s:e]
                words = raw.split()
                while words and (words[0] in TRIM_START or (words[0][0].isupper() and words[0] in ("Council’s", "Council's"))):
                    s = text.index(words[1], s) if len(words) > 1 else e
                    words = words[1:]
                if not words:
                    continue
                raw = text[s:e]
                if PLAN_BAD.search(raw) or not b.free(s, e):
                    # a plan inside an already-claimed phrase (e.g. claimed as Role) is skipped
                    if not PLAN_BAD.search(raw):
                        pass
                    continue
                name = clean_name(raw)
                ent = self.plan_entity(name)
                b.mention(ent, s, e)
                # abbreviation right after
                am = re.match(r"[ \t]*\(([A-Z][A-Za-z]{1,6})\)", text[e:e + 12])
                if am:
                    self.abbr[am.group(1)] = ent.id
                    ent.aliases.add(am.group(1))

    def plan_entity(self, name: str) -> Ent:
        for ent in self.b.ents.values():
            if ent.label == "Plan" and ent.name.lower() == name.lower():
                return ent
        return self.b.add("Plan", name, None)

    def take_phrase(self, s: int, e: int) -> None:
        b, text = self.b, self.text
        raw = whole = text[s:e]
        spaced = " " in raw or "\t" in raw  # (a lone word, most phrases, skips the word regexes below: speed)
        # trim leading function words
        while spaced:
            m = _FIRST_WORD.match(raw)
            if m and (m.group(1) in TRIM_START or m.group(1) in ("and", "of", "for", "the")):
                s += m.end()
                raw = text[s:e]
            else:
                break
        raw_stripped = raw.rstrip(" \t-–—,")
        # a phrase cut short at a line end or a claimed name: no dangling "and"/"of"/"for"/"the" or ")"
        while spaced:
            tm = TRAIL_CONN_RE.search(raw_stripped) or TRAIL_CONTACT_RE.search(raw_stripped)
            if not tm:
                break
            raw_stripped = raw_stripped[:tm.start()].rstrip(" \t-–—,")
        if raw_stripped.endswith(")") and "(" not in raw_stripped:
            raw_stripped = raw_stripped[:-1].rstrip(" \t-–—,")
        e = s + len(raw_stripped)
        raw = raw_stripped
        if not raw or len(raw) < 3:
            return
        # a bracketed list after a name: "Jane Roe (Parent Governor, Voting Co-opted Member)"; commas without
        # "and" only come from such a bracket (a list of units always ends with "and")
        if "," in raw and " and " not in raw and "&" not in raw:
            k = s
            for part in raw.split(","):
                ps = k + len(part) - len(part.lstrip(" \t("))
                pe = k + len(part.rstrip(" \t)"))
                if pe - ps >= 3:
                    self.take_phrase(ps, pe)
                k += len(part) + 1
            return
        if " " not in raw and "\t" not in raw and self.classify(clean_name(raw)) is None:
            if not spaced:
                _NAMES_NOTHING.add(whole)
            return  # a lone capitalised word that names nothing (most phrases): no further work
        if b.claimed[s] and any(x.start == s and x.label == "Person" for x in b.in_span(s, e)):
            # a person's name first ("Jane Roe, Senior Committee and Governance Officer"): the rest on its own
            k = s
            while k < e and b.claimed[k]:
                k += 1
            while k < e and text[k] in " \t,(-–—":
                k += 1
            if e - k >= 4:
                self.take_phrase(k, e)
            return
        # split at "and (the) <role head>" / "and the" after a complete head
        parts = self.split_conjoined(s, e)
        if len(parts) > 1:
            for ps, pe in parts:
                self.take_phrase(ps, pe)
            return
        if self.split_person(s, e, raw):
            return
        # possessive owner: "Gloucestershire County Council's Director of Children's Services"
        pm = _POSSESSIVE.search(raw) if "s" in raw else None
        owner = None
        if pm:
            head = raw[:pm.start()]
            ments = [x for x in b.in_span(s, s + pm.start()) if x.label in ("Authority", "Organisation")
                     and x.end == s + pm.start()]  # the owner is the whole word(s) before 's, not "LGA Children's"
            if ments or head in ("Council", "Authority") or LEX.organisation(head):
                owner = ments[0].eid if ments else (self.auth.id if head in ("Council", "Authority") else None)
                s = s + pm.end()
                raw = text[s:e]
        lead_org = None
        if not b.free(s, e) and b.claimed[s]:
            # "LGA Children's Improvement Adviser": a role title that starts with its organisation's name keeps it
            first = [x for x in b.in_span(s, e) if x.start == s and x.label == "Organisation"]
            if first and b.free(first[0].end, e) and ((self.classify(clean_name(raw)) or ("",))[0] == "Role" or
                                                      (self.classify(clean_name(raw)) or ("",))[0] == "Plan" and " and " not in raw):
                lead_org = first[0]
        if not b.free(s, e) and lead_org is None:
            cut = b.claimed.find(1, s, e)  # the first claimed position (there is one: the span is not free)
            if cut == s:
                # a claimed name first ("Jane Roe  Senior Governance Officer", "Cllr Roe, Deputy Leader",
                # "Roe (Cabinet Member for ...)"): read what follows it on its own
                k = s
                while k < e and b.claimed[k]:
                    k += 1
                while k < e and text[k] in " \t,(-–—":
                    k += 1
                if e - k >= 4 and k > s:
                    self.take_phrase(k, e)
                return
            if cut - s < 4:
                return
            e = cut
            raw = text[s:e].rstrip(" \t,(-–")
            e = s + len(raw)
        name = clean_name(raw)
        if name in GENERIC_SINGLE:
            return
        om = _OF_THE.search(raw) if " of" in raw else None
        # "Member of the X Committee": a membership (a relation), not a body called "Member of ..."; the body is X
        member_of = om is not None and raw[:om.start()].strip() in ("Member", "Members")
        if om and (member_of or self.classify(clean_name(raw[:om.start()])) is None and not self.is_role_head(raw.split()[0])):
            right = clean_name(raw[om.end():])
            if self.classify(right) is not None and (not member_of or self.classify(right)[0] == "Body"):
                self.take_phrase(s + om.end(), e)
                return
        if name in TRIM_START or len(name) < 3:
            return
        cls = self.classify(name)
        if cls is None:
            return
        label, kind = cls
        abbr_m = ABBR_DEF.search(name)
        aliases = []
        if abbr_m and label in ("Role", "Body", "Organisation"):
            ab = abbr_m.group(1)
            full = clean_name(name.replace(abbr_m.group(), " "))
            before = clean_name(name[:abbr_m.start()])
            exp = self.expand(ab, before)
            after = name[abbr_m.end():].strip()
            if exp:
                short = clean_name(name[:abbr_m.start()][:len(before) - len(exp)] + " " + ab + " " + after)
                aliases.append(short)
                self.abbr_expansion[ab] = exp
            name = full
        if label == "Body" and name.lower() in ("council",):
            return
        if label == "Role":
            ent = self.role_entity(name, s, e, owner)
        elif label == "Body":
            if name in ("Council",):
                return
            sub = SUB_OF_RE.match(name) if " of " in name else None
            if sub and (self.classify(sub.group(2)) or ("",))[0] == "Body" and len(sub.group(2).split()) > 1:
                # "Working Group of the Children's Services Overview and Scrutiny Committee": two bodies, one PART_OF
                # the other; the sub-body keeps its short name with the full phrase as an alias
                ps = s + raw.rfind(sub.group(2)) if sub.group(2) in raw else e
                parent = b.add("Body", sub.group(2), None, props={"kind": self.body_kind(sub.group(2), None)})
                b.mention(parent, ps, e)
                ent = b.add("Body", sub.group(1), None, aliases=aliases + [name], props={"kind": "other"})
                b.mention(ent, s, s + len(sub.group(1)))
                b.edge("PART_OF", ent.id, parent.id, (s, e))
            elif sub and sub.group(2) in GENERIC_SINGLE:
                # "Working Group of the Committee": the working group; "the Committee" is left to the resolution
                ent = b.add("Body", sub.group(1), None, aliases=aliases + [name], props={"kind": "other"})
                b.mention(ent, s, s + len(sub.group(1)))
            else:
                ent = b.add("Body", name, None, aliases=aliases, props={"kind": self.body_kind(name, kind)})
                b.mention(ent, s, e)
            if owner:
                b.edge("PART_OF", ent.id, owner, (s, e))
        elif label == "Plan":
            if PLAN_BAD.search(name):
                return
            ent = self.plan_entity(name)
            b.mention(ent, s, e)
        elif label == "Organisation":
            ent = b.add("Organisation", name, None, scope=False, props={"kind": kind})
            b.mention(ent, s, e)
        else:
            return
        for a in aliases:
            ent.aliases.add(a)
        if abbr_m:
            self.abbr[abbr_m.group(1)] = ent.id
        # abbreviation defined right after: "Corporate Parenting Board (CPB)"
        am = _ABBR_AFTER.match(text[e:e + 12]) if "(" in text[e:e + 12] else None
        if am and label in ("Body", "Organisation", "Plan", "Role"):
            ab = am.group(1)
            if self.expand(ab, name) or len(ab) <= 5:
                self.abbr[ab] = ent.id
                ent.aliases.add(ab)
                b.claim(e, e + am.end())

    def is_name(self, raw: str) -> bool:
        return not any(w in LEX.vocab or w in NOT_NAME for w in raw.split())

    def split_person(self, s: int, e: int, raw: str) -> bool:
        """A person's name written into a role phrase: 'Tom Hoghton, Policy Manager', 'Jane Roe - Head of Service',
        'Jane Roe (Senior HMI', 'Commissioner Sir Derek Myers', 'Cabinet Member for Children and Jane Roe':
        the name becomes a Person and the rest is read again as its own phrase. True when split."""
        b = self.b
        m = LEAD_PERSON_RE.match(raw)
        if m and self.is_name(m.group(1)):
            rs = s + m.end()
            re_ = b.claimed.find(1, rs, e)  # up to a claimed organisation ("... Ofsted)")
            re_ = e if re_ < 0 else re_
            rest = clean_name(self.text[rs:re_]).rstrip(")").strip()
            cls = self.classify(rest) if rest else None
            if cls and cls[0] == "Role":
                ps, pe = s + m.start(1), s + m.end(1)
                if b.free(ps, pe):
                    self.add_person(m.group(1), ps, pe)
                self.take_phrase(s + m.end(), e)
                return True
        m = TRAIL_PERSON_RE.search(raw)
        if m and self.is_name(m.group(2)):
            left = raw[:m.start()]
            lw = left.split()
            known = any(x.label == "Person" and x.name == m.group(2) for x in b.ents.values())
            cls = self.classify(clean_name(left)) if lw else None
            if cls and cls[0] == "Role" and (m.group(1) or known or self.is_role_head(lw[-1])):
                ps, pe = s + m.start(2), s + m.end(2)
                self.take_phrase(s, s + len(left.rstrip(" ,")))
                if b.free(ps, pe):
                    self.add_person(m.group(2), ps, pe)
                return True
        return False

    @staticmethod
    def expand(abbr: str, words: str) -> str | None:
        """The trailing words of `words` whose initials spell `abbr` ('Cabinet Member with Responsibility' / CMR)."""
        letters = [c for c in abbr.upper() if c.isalpha()]
        ws = words.split()
        for k in range(1, len(ws) + 1):
            tail = ws[-k:]
            initials = [w[0].upper() for w in tail if w.lower() not in ("of", "and", "the", "for", "with", "&", "in")]
            if initials == letters:
                return " ".join(tail)
            if len(initials) > len(letters) + 1:
                break
        return None

    def split_conjoined(self, s: int, e: int) -> list[tuple[int, int]]:
        raw = self.text[s:e]
        if " and " not in raw and "&" not in raw:
            return [(s, e)]
        for m in SPLIT_RE.finditer(raw):
            left = raw[:m.start()]
            right = raw[m.end():].split()
            k = 0
            while k < len(right) - 1 and right[k] in LEX.role_prefixes and not self.is_role_head(right[k]):
                k += 1
            if not right or not (self.is_role_head(right[k]) or self.is_role_head(" ".join(right[k:k + 2]))):
                continue
            lw = left.split()
            # keep "Director of Children, Families and Communities" style lists together
            if lw and (self.classify(left) is not None) and not re.search(r"\b(?:of|for)$", left):
                right_s = s + m.end()
                return [(s, s + m.start())] + self.split_conjoined(right_s, e)
        m = re.search(r"[ \t]+(?:and|&)[ \t]+", raw)
        if m:
            left, right = raw[:m.start()], raw[m.end():]
            lc, rc = self.classify(left), self.classify(right)
            if lc and rc and lc[0] == "Body" and left.split()[-1] in LEX.body_heads and rc[0] in ("Body", "Role") \
                    and left.split()[0] not in ("Senior", "Assistant", "Deputy", "Interim", "Acting", "Principal", "Chief"):
                return [(s, s + m.start()), (s + m.end(), e)]
        return [(s, e)]

    def role_entity(self, name: str, s: int, e: int, owner: str | None) -> Ent:
        b = self.b
        scope = True
        if owner and owner != (self.auth.id if self.auth else None):
            oent = b.ents[owner]
            scope = oent.name
        ent = b.add("Role", name, None, scope=scope)
        b.mention(ent, s, e)
        # the body a role title names: "Chairman of the Safeguarding Children Board"
        om = re.search(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?", self.text[s:e])
        if om:
            bs = s + om.end()
            inner = clean_name(self.text[bs:e])
            if not b.in_span(bs, e) and self.classify(inner) == ("Body", self.classify(inner)[1] if self.classify(inner) else None) \
                    and inner not in GENERIC_SINGLE and not inner.endswith("Services") and len(inner.split()) > 1 \
                    and not ("for" in om.group() and self.body_kind(inner, None) in ("service", "directorate")):
                body = b.add("Body", inner, None, props={"kind": self.body_kind(inner, None)})
                b.mention(body, bs, bs + len(self.text[bs:e].rstrip()), claim=False)
            elif not b.in_span(bs, e) and len(inner.split()) > 1 and (self.classify(inner) or ("",))[0] == "Organisation" \
                    and not re.match(r"[ \t][A-Z]", self.text[e:e + 2]):
                # the organisation a role title names: "Chief Executive of Sandwell Children's Trust",
                # "Head Teacher for Lampard Community School" (role_bodies makes the role PART_OF it)
                org = b.add("Organisation", inner, None, scope=False, props={"kind": self.classify(inner)[1]})
                b.mention(org, bs, bs + len(self.text[bs:e].rstrip()), claim=False)
        if owner:
            b.edge("PART_OF", ent.id, owner, (s, e))
        return ent

    # ------------------------------------------------------------------ abbreviations used later
    def abbreviations(self) -> None:
        b, text = self.b, self.text
        for ab, eid in self.abbr.items():
            if eid not in b.ents:
                continue
            for m in re.finditer(word_pattern(ab, r"[\w&-]") + r"(?![\w&-])", text[self.start:]):
                s, e = self.start + m.start(), self.start + m.end()
                if not b.free(s, e):
                    continue
                exp = self.abbr_expansion.get(ab)
                ent = b.ents[eid]
                # "CMR for Children and Families": abbreviation + rest of a longer name
                tail = re.match(r"[ \t]+(?:for|of)[ \t]+" + UNIT, text[e:e + 80])
                if exp and tail:
                    full = clean_name(exp + text[e:e + tail.end()])
                    tgt = next((x for x in b.ents.values() if x.label == ent.label and x.name == full), ent)
                    tgt.aliases.add(clean_name(ab + text[e:e + tail.end()]))
                    b.mention(tgt, s, e + tail.end())
                else:
                    b.mention(ent, s, e)
