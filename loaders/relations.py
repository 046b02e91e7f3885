"""Sentence rules: who reports to, scrutinises, chairs, sits on, is responsible for what.

Each rule is a verb pattern plus where its subject and object sit around the verb.
Rules are data (RULES below) interpreted by `apply_rules`; special cases follow.
"""
from __future__ import annotations

import re

from .graphbuild import Builder, Mention
from .segment import Sentence, has_any

NEG = re.compile(r"(?i)\b(?:not|never|no longer|unable to|failed to|cannot|could not|did not|had not|has not|was not|were not)\b")

AGENTS = ("Person", "Role", "Body", "Organisation", "Authority")

# (type, verb regex, subject side, object side, allowed subject labels, allowed object labels, default object)
# Each verb regex opens with a look-ahead naming the first letters of its alternatives (matched ignoring case, like
# the rest): most positions fail that one test instead of the whole alternation (speed). Keep them in step.
RULES = [
    ("REPORTS_TO", r"(?=[apisgdurfbtw])\b(?:attended(?: the meeting)? to (?:feed ?back|present|update|report|provide|give|introduce|answer|respond)"
                   r"|presented|introduced (?:and \w+ )?(?:the|this|a|an|her|his|their) (?:[\w’'-]+ ){0,5}?(?:report|item|paper|presentation|proposals?|update|briefing)"
                   r"|submitted (?:a |an |the |her |his |their )?(?:written |verbal |annual |progress )?(?:report|update|briefing)|gave (?:a |an )?(?:verbal )?(?:presentation|update|report|overview)"
                   r"|delivered (?:a |an |her |his |the )?(?:presentation|update|report)|provided (?:a |an )?(?:verbal |brief |further )?(?:update|presentation|report|overview)"
                   r"|updated|reported (?:back )?to|fe(?:e|)d ?back to|feedback to|feed back to|fed back to|briefed|submitted (?:a |the )?report"
                   r"|took (?:the )?(?:members|committee|panel|board) through|is accountable to|was accountable to|accountable to|reports? to|reporting to)\b",
     "before", "after_to", ("Person", "Role", "Body", "Organisation"), ("Body", "Role", "Organisation", "Authority"), "meeting"),
    ("SCRUTINISES", r"(?=[sucotmhewq])\b(?:scrutinis\w*|scrutiniz\w*|undertake scrutiny|carry out scrutiny|oversee\w*|(?:to )?monitor(?:s|ed|ing)?|hold\w* \w+ to account"
                    r"|held \w+ to account|challenge[sd]?|examine[sd]?|question(?:ed)?|(?:would |will |to )?consider(?:ed)? the (?:draft |final |revised |updated )?(?:\w+ )?(?:plan|action plan|improvement plan))\b",
     "before", "after", ("Body", "Role", "Organisation"), ("Body", "Role", "Plan", "Authority", "Organisation"), "authority"),
    ("RESPONSIBLE_FOR", r"(?=[iawbhtol])\b(?:(?:is|are|was|were|be|being) responsible for|has responsibility for|have responsibility for|had responsibility for|to have responsibility for"
                        r"|owns|leads on|the lead for|lead for|accountable for delivering|accountable for)\b",
     "before", "after", ("Role", "Person", "Body", "Organisation", "Authority"), ("Plan", "Recommendation", "Body", "Authority"), None),
    ("CHAIRS", r"(?=c)\b(?:chairs|chaired|chairing|chair of|chairman of|chairwoman of|chairperson of|chairs the)\b",
     "before", "after", ("Person", "Role"), ("Body",), None),
    ("MEMBER_OF", r"(?=[siawjmr])\b(?:sits? on|sat on|(?:is|are|was|were) (?:a )?members? of|(?:is|are|was|were) represented on|joined|"
                  r"membership of|representatives? on|members on|were members of|since joining|after joining)\b",
     "before", "after", ("Person", "Role", "Organisation", "Authority"), ("Body",), None),
]
RULES = [(t, re.compile(v, re.I), ss, os, sl, ol, d) for t, v, ss, os, sl, ol, d in RULES]

# Speed: lowercase words that every match of a rule's verb regex contains; a sentence with none of them is skipped.
# Keep these in step with the regexes above (and those in the special rules below: each `has_any` / `cued_finditer` guards
# the regex next to it). Test them against `Sentence.low`, which also folds what re.I treats as ASCII letters.
RULE_CUES = {
    "REPORTS_TO": ("attended", "presented", "introduced", "submitted", "gave", "delivered", "provided", "updated", "report",
                   "back to", "briefed", "took", "accountable to"),
    "SCRUTINISES": ("scrutin", "oversee", "monitor", "to account", "challenge", "examine", "question", "consider"),
    "RESPONSIBLE_FOR": ("responsib", "owns", "lead", "accountable for"),
    "CHAIRS": ("chair",),
    "MEMBER_OF": ("sit", "sat on", "member", "represent", "joined", "joining"),
}



def cued_finditer(low: str, cues: tuple[str, ...], pattern: str, st: str):
    """re.finditer(pattern, st), skipped (no matches) when `low` holds none of `cues`, words every match contains."""
    return _compiled(pattern).finditer(st) if has_any(low, cues) else ()


_COMPILED: dict[str, re.Pattern] = {}


def _compiled(pattern: str) -> re.Pattern:
    """re.compile(pattern), looked up in a plain dict (cheaper than re's own cache on every call: speed)."""
    rx = _COMPILED.get(pattern)
    if rx is None:
        rx = _COMPILED[pattern] = re.compile(pattern)
    return rx


SCRUT_NOUN = re.compile(r"\s+(?:visits?|reports?|framework|data|information|arrangements|meetings?|officers?|groups?|boards?|letters?|activity|tools?|forms?)\b", re.I)

# "to" that names whom a report goes to, not "in response to", "in relation to", "up to", "due to"
TO_RECIPIENT = re.compile(r"(?<!\bresponse )(?<!\brelation )(?<!\bregard )(?<!\brespect )(?<!\brelating )(?<!\brelated )"
                          r"(?<!\bprior )(?<!\bdue )(?<!\baccording )(?<!\bup )(?<!\bresponses )(?<!\bchanges )(?<!\bimprovements )"
                          r"(?<!\bapproach )(?<!\bcontribution )(?<!\bsubject )(?<!\bnext )(?<!\bprogress )\bto\s+(?:the\s+)?", re.I)


# clause cuts: ";|\bbut\b|\bwhereas\b|\bwhich\b|\bwho\b|\bwhile\b|\bwhilst\b|\balthough\b(|\bhowever\b on the left)";
# written with each word's first letter before its "\b" test (as a look-behind) so that the regex engine skips ahead
# on the first character (a leading \b makes it try every position: speed). Same matches.
_CLAUSE_WORDS = r"b(?<!\wb)ut\b|w(?<!\ww)(?:hereas|hich|ho|hile|hilst)\b|a(?<!\wa)lthough\b"
_CLAUSE_LEFT = re.compile(r";|" + _CLAUSE_WORDS + r"|h(?<!\wh)owever\b")
_CLAUSE_RIGHT = re.compile(r";|" + _CLAUSE_WORDS)


def clause_bounds(st: str, pos: int) -> tuple[int, int]:
    """The clause around `pos`: cut at ';', ' but ', ' whereas ', sentence-internal ' and that '."""
    left = 0
    for m in _CLAUSE_LEFT.finditer(st[:pos]):
        left = m.end()
    rm = _CLAUSE_RIGHT.search(st[pos:])
    right = pos + rm.start() if rm else len(st)
    return left, right


class Relations:
    def __init__(self, b: Builder, sents: list[Sentence], meeting_body: str | None, authority: str,
                 main_inspection: str | None):
        self.b = b
        self.sents = sents
        self.meeting = meeting_body
        self.auth = authority
        self.main_insp = main_inspection
        self.plan_ctx: str | None = None  # the plan the minutes last named ("it", "the plan")
        self.last_reporter: str | None = None  # the person / post who last reported ("She informed members")
        # speed: the rules whose cue words occur somewhere in the document, each with the cues that do (every
        # sentence's `low` is part of `doc_low`, so a cue missing there is missing from each sentence)
        doc_low = "\n".join(s.low for s in sents)
        self.rules = [(rule, live) for rule in RULES if (live := tuple(w for w in RULE_CUES[rule[0]] if w in doc_low))]
        if self.meeting is None:
            self.meeting = self.audience()

    def inside(self, m: Mention, label: str) -> bool:
        """`m` lies within a longer mention of `label` ("Ofsted" in "Ofsted Inspection")."""
        return any(x is not m and x.label == label and x.start <= m.start and m.end <= x.end
                   for x in self.b.in_span(max(0, m.start - 60), m.end + 60))

    def own_office(self, who: str, body: str) -> bool:
        """`who` chairs `body` or is one of its own offices ('Chairman of the Panel' telling the Panel)."""
        if any(t == "CHAIRS" and s == who and g == body for (t, s, g, n) in self.b.edges):
            return True
        ent, tgt = self.b.ents.get(who), self.b.ents.get(body)
        if ent is None or tgt is None or ent.label != "Role":
            return False
        low = ent.name.lower()
        return any(n.lower() in low for n in [tgt.name, *tgt.aliases] if len(n) > 5) or \
            bool(re.match(r"(?i)(?:vice[ -])?(?:chair|chairman|chairwoman|chairperson)$", ent.name))

    def ms(self, sent: Sentence) -> list[Mention]:
        return self.b.in_span(sent.start, sent.end)

    def run(self) -> None:
        self.roles_within()
        for sent in self.sents:
            ms = self.ms(sent)
            if not ms:
                # a sentence that names nothing: only the rules that can fall back on the plan or the reporter named
                # before ("To consider the plan", "She reported that") can apply; the others all need a mention
                self.plan_scrutiny(sent, ms)
                self.presented_by(sent, ms)
                self.note_reporter(sent, ms)
                continue
            self.apply_rules(sent, ms)
            self.invited(sent, ms)
            self.received_from(sent, ms)
            self.told(sent, ms)
            self.as_chair(sent, ms)
            self.plans(sent, ms)
            self.criticised(sent, ms)
            self.part_of(sent, ms)
            self.not_met(sent, ms)
            self.membership(sent, ms)
            self.plan_scrutiny(sent, ms)
            self.presented_by(sent, ms)
            self.note_reporter(sent, ms)
            self.responsible(sent, ms)
            plans = [m for m in ms if m.label == "Plan"]
            if plans:
                self.plan_ctx = plans[-1].eid
        self.possessive_units()
        self.plans_answer_inspection()
        self.chairs_through_post()

    def note_reporter(self, sent: Sentence, ms: list[Mention]) -> None:
        """Who reported in this sentence is who 'he' / 'she' means next."""
        # (the scan over all edges only when some REPORTS_TO edge was given this sentence as evidence)
        rep = [s_ for (t, s_, g, n), ev in self.b.edges.items() if t == "REPORTS_TO" and (sent.start, sent.end) in ev
               and self.b.ents.get(s_) is not None and self.b.ents[s_].label in ("Person", "Role")] \
            if ("REPORTS_TO", (sent.start, sent.end)) in self.b.evidenced else []
        if rep:
            self.last_reporter = rep[-1]
        elif ms and any(m.label in ("Person", "Role") for m in ms):
            self.last_reporter = None  # someone else is named: "he" is no longer clear

    def chairs_through_post(self) -> None:
        """'Walter McCulloch, Independent Chair of the Board': who holds a post that chairs a body chairs it."""
        chairs = {}
        for (t, s, g, n), ev in self.b.edges.items():
            if t == "CHAIRS" and not n and self.b.ents.get(s) is not None and self.b.ents[s].label == "Role":
                chairs.setdefault(s, []).append(g)
        if not chairs:
            return
        for (t, s, g, n), ev in list(self.b.edges.items()):
            if t == "HOLDS" and not n and g in chairs and self.b.ents.get(s) is not None and self.b.ents[s].label == "Person":
                for body in chairs[g]:
                    self.b.edge("CHAIRS", s, body, ev[0])

    # -------------------------------------------------------------- generic verb rules
    def apply_rules(self, sent: Sentence, ms: list[Mention]) -> None:
        st, low = sent.text, sent.low
        if not ms:
            return  # every rule needs a mention for its subject or agent
        for (etype, rx, sside, oside, slabels, olabels, default), cues in self.rules:
            if not has_any(low, cues):
                continue
            for vm in rx.finditer(st):
                if etype == "MEMBER_OF" and re.search(r"(?i)invit", st[:vm.start()]) and "join" in vm.group().lower():
                    continue
                if etype == "MEMBER_OF" and re.search(r"(?i)\b(?:nominations?|nominate[sd]?|volunteers?|invit\w*|would like|wish(?:ed|es)? to|asked to|if|whether)\b[^.;]{0,40}$", st[:vm.start()]):
                    continue  # "nominations to sit on the Group": a membership sought, not held
                if etype == "SCRUTINISES" and vm.group().lower().startswith("challenge") and not re.search(r"(?i)challenge[sd]?\s+the\b", st[vm.start():vm.end() + 5]):
                    continue
                if etype == "SCRUTINISES" and (SCRUT_NOUN.match(st, vm.end()) and re.search(r"(?i)monitor", vm.group())
                                               or vm.group().lower() == "question" and not re.search(r"(?i)\bto\s+$", st[max(0, vm.start() - 4):vm.start()])):
                    continue  # "monitoring visit", "a question was raised": nouns, not the verb
                cl, cr = clause_bounds(st, vm.start())
                vs, ve = sent.start + vm.start(), sent.start + vm.end()
                negated = bool(NEG.search(st[max(cl, vm.start() - 30):vm.start()]))
                subj = [m for m in ms if sent.start + cl <= m.start and m.end <= vs and m.label in slabels]
                obj_all = [m for m in ms if ve <= m.start and m.end <= sent.start + cr]
                passive = re.match(r"\s+by\b", st[vm.end():vm.end() + 4]) or re.search(r"\b(?:be|been|being|is|are|was|were)\s+$", st[max(0, vm.start() - 12):vm.start()]) and re.search(r"\bby\b", st[vm.end():cr])
                if etype == "SCRUTINISES" and passive:
                    by = re.search(r"\bby\b", st[vm.end():cr])
                    agents = [m for m in obj_all if m.start >= vs + (by.end() if by else 0) and m.label in slabels][:1]
                    objs = [m for m in ms if sent.start + cl <= m.start and m.end <= vs and m.label in olabels
                            and not self.inside(m, "Inspection")][-1:]
                    if agents:
                        tgt = [o.eid for o in objs] or [self.auth]
                        for t in tgt:
                            self.b.edge(etype, agents[0].eid, t, (sent.start, sent.end), negated)
                    continue
                if etype == "SCRUTINISES" and re.search(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$", st[max(0, vm.start() - 24):vm.start()]):
                    continue  # passive with no agent: the subject is what is scrutinised, not who
                subj = [m for m in subj if not self.inside(m, "Inspection")]
                if etype == "SCRUTINISES" and subj and re.search(r"(?i)\b(?:that|advised|informed|told)\b", self.b.text[subj[-1].end:vs]):
                    continue  # the agent is in a reported clause the sentence does not name
                if not subj:
                    continue
                # the subject nearest the verb and those listed with it
                subj = self.subject_group(st, sent, subj, vs)
                if etype == "REPORTS_TO":
                    objs = [m for m in obj_all if m.label in olabels]
                    to_m = TO_RECIPIENT.search(st[vm.end():cr]) if not vm.group().lower().endswith(" to") else None
                    objs = [o for o in objs if not self.inside(o, "Inspection")]
                    if vm.group().lower().startswith(("updated", "briefed", "took")):
                        objs = objs[:1] if objs and objs[0].start - ve < 6 else []
                    elif vm.group().lower().endswith("to") or vm.group().lower().endswith("accountable to"):
                        objs = objs[:1] if objs and objs[0].start - ve < 6 else []
                    elif to_m:
                        objs = [o for o in objs if o.start - ve >= to_m.start() and o.start - (ve + to_m.end()) < 4][:1]
                    else:
                        objs = []
                    targets = [o.eid for o in objs if o.label in ("Body", "Role", "Organisation", "Authority")]
                    if not targets and self.meeting and not objs:
                        if not re.search(r"(?i)\bto\s+(?:the\s+)?(?:council|cabinet|board|committee|panel)\b", st[vm.end():cr]) or \
                                re.search(r"(?i)\bto\s+(?:the\s+)?(?:panel|committee|board|commission|sub-committee)\b", st[vm.end():cr]):
                            targets = [self.meeting]
                elif etype == "SCRUTINISES":
                    objs = [o for o in obj_all if o.label in olabels and not self.inside(o, "Inspection")][:3]
                    if re.search(r"(?i)consider", vm.group()):
                        objs = [o for o in ms if vs <= o.start and o.end <= sent.start + cr and o.label == "Plan"][:1]
                        if not objs:
                            continue
                    targets = [o.eid for o in objs]
                    if not targets and default == "authority" and not vm.group().lower().startswith("question"):
                        targets = [self.auth]
                else:
                    objs = [o for o in obj_all if o.label in olabels][:1]
                    targets = [o.eid for o in objs]
                for s in subj:
                    if self.b.ents[s.eid].label not in slabels:
                        continue
                    for t in targets:
                        if t in self.b.ents and (self.b.ents[t].label in olabels or t == self.meeting):
                            self.b.edge(etype, s.eid, t, (sent.start, sent.end), negated)

    def subject_group(self, st: str, sent: Sentence, subj: list[Mention], vs: int) -> list[Mention]:
        """Mentions joined to the verb by commas/'and' only (a list of presenters)."""
        out = [subj[-1]]
        for m in reversed(subj[:-1]):
            gap = self.b.text[m.end:out[-1].start]
            if re.fullmatch(r"[\s,()]*(?:and|&|the|,|\s)*[\s,()]*", gap) or re.fullmatch(r"\s*,?\s*(?:the\s+)?", gap):
                out.append(m)
            elif re.fullmatch(r"\s*,\s*(?:the\s+)?[\w’'\s-]{0,40}\s*,\s*(?:and\s+)?(?:the\s+)?", gap):
                out.append(m)
            else:
                break
        return out

    # -------------------------------------------------------------- document-level patterns
    def roles_within(self) -> None:
        """A post scoped to its organisation: 'Jane Smith, Designated Nurse, NHS Exampleshire',
        'Headteacher at X School', '(Senior HMI Ofsted)', "the LGA's Improvement Adviser" -> Role PART_OF Org."""
        ms, text = self.b.mentions, self.b.text
        orgs = ("Organisation", "Authority")
        for i, r in enumerate(ms):
            if r.label != "Role":
                continue
            nxt = [x for x in ms[i + 1:i + 4] if x.start >= r.end][:1]
            prev = [x for x in ms[max(0, i - 3):i] if x.end <= r.start][-1:]
            if nxt and nxt[0].label in orgs and (nxt[0].start - r.end < 12 or
                                                 re.fullmatch(r"[ \t]+(?:appointed|employed|seconded|commissioned) by[ \t]+(?:the[ \t]+)?", text[r.end:nxt[0].start])):
                n = nxt[0]
                gap, tail = text[r.end:n.start], text[n.end:n.end + 6]
                ends = re.match(r"[ \t]*(?:[,;.)\n–]|and\b|pdf\b|$)", tail)
                by_person = prev and prev[0].label == "Person" and \
                    re.fullmatch(r"\s*(?:,|\(|–|-)\s*(?:the\s+|our\s+)?", text[prev[0].end:r.start])
                if ends and (re.fullmatch(r"[ \t]+(?:at|from|(?:appointed|employed|seconded) by)[ \t]+(?:the[ \t]+)?", gap) or
                             (by_person and re.fullmatch(r"[ \t]*,[ \t]*(?:the[ \t]+)?|[ \t]+", gap))):
                    self.b.edge("PART_OF", r.eid, n.eid, (r.start, n.end))
                    continue
            if prev and prev[0].label == "Organisation" and re.fullmatch(r"[’']s[ \t]+", text[prev[0].end:r.start]):
                self.b.edge("PART_OF", r.eid, prev[0].eid, (prev[0].start, r.end))
        # a post named after the unit it works in: "Headteacher of the Virtual School", "Head of the Fostering Service"
        for ent in list(self.b.ents.values()):
            if ent.label != "Role" or not ent.spans:
                continue
            mm = re.match(r"(?i)(?:(?:acting|interim|deputy|assistant|senior|executive)\s+)?(?:head|headteacher|head teacher|principal|manager|"
                          r"team manager|service manager|service lead|lead|officer)\s+(?:of|for|at)\s+(?:the\s+)?(.+)$", ent.name)
            if not mm:
                continue
            unit = mm.group(1).lower()
            for par in self.b.ents.values():
                if par.label == "Body" and par.spans and par.name.lower() == unit and \
                        (par.props.get("kind") in ("service", "team", "directorate") or
                         re.search(r"(?i)\b(?:school|service|services|team|directorate|unit|hub|agency)$", par.name)):
                    self.b.edge("PART_OF", ent.id, par.id, ent.spans[0])
        # a unit named after its parent: "Through Care Service Management Team" within "Through Care Service"
        units = re.compile(r"(?i)(?:team|sub-?group|sub group|sub-?committee|working group|task group|task and finish group|agency|unit|hub)$")
        ents = list(self.b.ents.values())
        for child in ents:
            if child.label != "Body" or not units.search(child.name) or not child.spans:
                continue
            cn = child.name.lower().replace("’", "'")
            best = None
            for par in ents:
                if par is child or par.label not in ("Body", "Organisation") or not par.spans:
                    continue
                pn = par.name.lower().replace("’", "'")
                if len(pn.split()) >= 2 and cn.startswith(pn + " ") and (best is None or len(pn) > len(best.name)):
                    best = par
            if best is not None:
                self.b.edge("PART_OF", child.id, best.id, child.spans[0])

    # -------------------------------------------------------------- special patterns
    def invited(self, sent: Sentence, ms: list[Mention]) -> None:
        st = sent.text
        if not ms or not has_any(sent.low, ("invited", "welcome")):
            return
        for m in re.finditer(r"\b(?:invited|welcomed?)\b(.*?)\bto\s+(?:address|present|deliver|introduce|update|provide|report|give|feed ?back|inform|brief|"
                             r"(?:the\s+)?(?:[Mm]eeting|[Cc]ommittee|[Pp]anel|[Bb]oard)\s+to\s+(?:address|present|deliver|introduce|update|provide|report|give|feed ?back|inform|brief))", st):
            s, e = sent.start + m.start(1), sent.start + m.end(1)
            subs = [x for x in ms if s <= x.start and x.end <= e and x.label in ("Person", "Role")]
            if not subs or not self.meeting:
                continue
            tail = [x for x in ms if x.start >= sent.start + m.end() and x.label == "Body"][:1]
            tgt = tail[0].eid if tail and tail[0].start - (sent.start + m.end()) < 30 else self.meeting
            for x in subs:
                self.b.edge("REPORTS_TO", x.eid, tgt, (sent.start, sent.end))

    def told(self, sent: Sentence, ms: list[Mention]) -> None:
        """'The Director informed the Committee that', 'X advised members', 'the Panel to meet X ... to receive a report'."""
        st = sent.text
        if not ms:
            return
        # (case-sensitive: its verbs appear as written, tested on st)
        for m in cued_finditer(st, ("informed", "advised", "assured", "told", "reminded", "updated", "briefed"),
                               r"\b(?:informed|advised|assured|told|reminded|updated|briefed)\s+(?:the\s+)?(?:([Cc]ommittee|[Pp]anel|[Bb]oard|[Cc]ommission|[Ss]ub-[Cc]ommittee)|[Mm]embers)\b", st):
            if not self.meeting:
                break
            vs = sent.start + m.start()
            cl, _ = clause_bounds(st, m.start())
            subj = [x for x in ms if sent.start + cl <= x.start and x.end <= vs and x.label in ("Person", "Role", "Body", "Organisation")]
            if not subj or re.search(r"[,;:]|\b(?:was|were|been|being|that)\b", self.b.text[subj[-1].end:vs]) and \
                    not re.fullmatch(r"[\s,]*(?:\([^)]*\))?[\s,]*", self.b.text[subj[-1].end:vs]):
                continue
            negated = bool(NEG.search(st[max(cl, m.start() - 30):m.start()]))
            tgt = [x for x in ms if x.start >= sent.start + m.start() and x.end <= sent.start + m.end() and x.label == "Body"]
            target = tgt[0].eid if tgt else self.meeting
            for x in self.subject_group(st, sent, subj, vs):
                if not self.own_office(x.eid, target):
                    self.b.edge("REPORTS_TO", x.eid, target, (sent.start, sent.end), negated)
        # agenda: "The Panel to meet Councillor X, Cabinet Member, and Y, Director, to receive a report"
        m = "to meet" in st and re.search(r"\bto meet\b(.*?)\bto (?:receive|consider|hear|discuss|present|provide|give)\b(?:\s+(?:a|an|the|their|her|his)\s+(?:\w+\s+)?(?:report|update|presentation|briefing|overview))", st)
        if m and self.meeting:
            s, e = sent.start + m.start(1), sent.start + m.end(1)
            for x in ms:
                if s <= x.start and x.end <= e and x.label in ("Person", "Role"):
                    self.b.edge("REPORTS_TO", x.eid, self.meeting, (sent.start, sent.end))

    def received_from(self, sent: Sentence, ms: list[Mention]) -> None:
        st = sent.text
        if not ms or not has_any(st, ("received", "considered", "noted", "heard", "welcomed")):
            return
        for m in re.finditer(r"\b(?:received|considered|noted|heard|welcomed)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:report|presentation|update|briefing)s?\s+(?:from|of|by)\s+", st):
            after = [x for x in ms if x.start >= sent.start + m.end() and x.label in ("Person", "Role", "Body", "Organisation")]
            if not after or after[0].start - (sent.start + m.end()) > 6:
                continue
            subj = [x for x in ms if x.end <= sent.start + m.start() and x.label == "Body"]
            tgt = subj[-1].eid if subj else self.meeting
            if tgt:
                grp = [after[0]]
                for x in after[1:]:
                    if re.fullmatch(r"[\s,]*(?:and\s+)?(?:the\s+)?", self.b.text[grp[-1].end:x.start]):
                        grp.append(x)
                for x in grp:
                    self.b.edge("REPORTS_TO", x.eid, tgt, (sent.start, sent.end))

    def as_chair(self, sent: Sentence, ms: list[Mention]) -> None:
        st = sent.text
        if not ms or "Chair" not in st:
            return
        for m in re.finditer(r"\bas (?:the )?(?:Independent )?(?:Chair|Chairman|Chairwoman|Chairperson) of\b", st):
            body = [x for x in ms if x.start >= sent.start + m.end() and x.label == "Body"][:1]
            who = [x for x in ms if x.start > (body[0].end if body else 0) and x.label in ("Role", "Person")][:1]
            if body and who and who[0].start - body[0].end < 12:
                self.b.edge("CHAIRS", who[0].eid, body[0].eid, (sent.start, sent.end))
        for m in re.finditer(r"\b(?:is|was|be|as|been)\s+(?:the\s+)?(?:Chair|Chairman|Chairwoman|Chairperson)\s+of\s+(?:the\s+)?", st):
            who = [x for x in ms if x.end <= sent.start + m.start() and x.label in ("Role", "Person")][-1:]
            body = [x for x in ms if x.start >= sent.start + m.start() and x.label in ("Body", "Role")][:1]
            if who and body:
                tgt = body[0].eid
                if self.b.ents[tgt].label == "Role":
                    self.b.edge("HOLDS", who[0].eid, tgt, (sent.start, sent.end)) if self.b.ents[who[0].eid].label == "Person" else None
                    bodies = [e for (t, s, g, n) in self.b.edges if t == "CHAIRS" and s == tgt for e in [g]]
                    for g in bodies:
                        self.b.edge("CHAIRS", who[0].eid, g, (sent.start, sent.end))
                else:
                    self.b.edge("CHAIRS", who[0].eid, tgt, (sent.start, sent.end))

    def plans(self, sent: Sentence, ms: list[Mention]) -> None:
        st = sent.text
        plans = [m for m in ms if m.label == "Plan"]
        if not plans:
            return
        insps = [m for m in ms if m.label == "Inspection"]
        if plans and (insps or re.search(r"(?i)ofsted|inspection", st)):
            if re.search(r"(?i)address|respon[sd]|following|informed by|arising|result(?:ed)? of|led to|findings|recommendations|"
                         r"submitted to ofsted|sent to ofsted|in (?:the )?light of|after the|since the", st):
                tgts = [i.eid for i in insps if not self.b.ents[i.eid].props.get("historic")] or [i.eid for i in insps] or \
                    ([self.main_insp] if self.main_insp else [])
                for p in plans:
                    pt = tgts[:1]
                    if re.search(r"(?i)statement of action|\bWSoA\b|\bSEND\b", self.b.ents[p.eid].name + " " + " ".join(self.b.ents[p.eid].aliases)):
                        # a Written Statement of Action answers the SEND area inspection
                        send = [t for t in tgts if self.b.ents[t].props.get("kind") == "send_area"] or \
                            [e.id for e in self.b.ents.values() if e.label == "Inspection" and e.props.get("kind") == "send_area"]
                        pt = send[:1] or pt
                    for t in pt:
                        self.b.edge("ADDRESSES", p.eid, t, (sent.start, sent.end))
        for p in plans:
            pname = self.b.ents[p.eid].name.lower()
            if self.main_insp and re.search(r"ofsted|ilacs|inspection", pname):
                self.b.edge("ADDRESSES", p.eid, self.main_insp, (p.start, p.end))
        # the authority's own plan: "the Council's Improvement Plan", "submit its improvement plan", "deliver the plan"
        auths = [m for m in ms if m.label == "Authority" and m.eid == self.auth]
        for p in plans:
            pre = self.b.text[max(sent.start, p.start - 40):p.start]
            if re.search(r"(?:Council|Authority|council|authority)(?:’s|'s|s’)\s+(?:\w+\s+)?$", pre) or \
                    (auths and re.search(r"(?i)\b(?:submit|deliver|develop|publish|produc|prepar|implement|own)\w*\s+(?:its|the|their|an?)\s+", self.b.text[max(sent.start, p.start - 30):p.start])):
                self.b.edge("RESPONSIBLE_FOR", self.auth, p.eid, (sent.start, sent.end))

    def plans_answer_inspection(self) -> None:
        """An improvement / action plan that the minutes tie to the inspection they discuss (in its sentence or the
        next or previous one: "Ofsted ... The improvement plan ...") ADDRESSES it; a Written Statement of Action
        answers the SEND area inspection."""
        if not any(m.label == "Plan" for m in self.b.mentions):
            return  # no plan named: nothing to link (speed)
        linked = {s for (t, s, g, n) in self.b.edges if t == "ADDRESSES"}
        send = [e.id for e in self.b.ents.values() if e.label == "Inspection" and e.props.get("kind") == "send_area"]
        insp_words = re.compile(r"(?i)ofsted|inspect|\bCQC\b|\bJTAI\b|\bILACS\b|recommendations|areas? for (?:improvement|development)")
        for i, sent in enumerate(self.sents):
            for p in self.ms(sent):
                if p.label != "Plan" or p.eid in linked:
                    continue
                ent = self.b.ents[p.eid]
                names = ent.name + " " + " ".join(ent.aliases)
                if not re.search(r"(?i)improvement|action|recovery|point plan|statement|\bWSoA\b", names):
                    continue
                wsoa = re.search(r"(?i)statement of action|\bWSoA\b|\bSEND\b", names)
                tgt = (send[:1] if wsoa else []) or ([self.main_insp] if self.main_insp else [])
                if not tgt:
                    continue
                near = " ".join(x.text for x in self.sents[max(0, i - 1):i + 2])
                if insp_words.search(near) and not re.search(r"(?i)\b(?:if|whether|would need to|should)\b[^.]{0,40}$", self.b.text[sent.start:p.start]):
                    self.b.edge("ADDRESSES", p.eid, tgt[0], (sent.start, sent.end))
                    linked.add(p.eid)

    def criticised(self, sent: Sentence, ms: list[Mention]) -> None:
        st = sent.text
        if not ms or not has_any(sent.low, ("challenge", "criticis", "effective", "robust", "lacked")):
            return
        m = re.search(r"(?i)not offered sufficient challenge|insufficient challenge|lack(?:ed)? of (?:effective )?challenge|criticis(?:ed|m of)|"
                      r"not (?:been )?(?:sufficiently )?effective|had not been robust|lacked (?:rigour|challenge)", st)
        if not m:
            return
        targets = [x for x in ms if x.label in ("Body", "Role")]
        if not targets:
            return
        # the criticised body is the one nearest before the phrase, or right after "criticised"
        after = [x for x in targets if x.start >= sent.start + m.end()]
        before = [x for x in targets if x.end <= sent.start + m.start()]
        tgt = after[0] if m.group().lower().startswith("criticis") and after else (before[-1] if before else None)
        if tgt is None:
            return
        insps = [x for x in ms if x.label == "Inspection"]
        src = insps[0].eid if insps else (self.main_insp if re.search(r"(?i)report|inspect|ofsted|paragraph", st) else None)
        if src:
            self.b.edge("CRITICISED", src, tgt.eid, (sent.start, sent.end))

    def part_of(self, sent: Sentence, ms: list[Mention]) -> None:
        st, low = sent.text, sent.low
        if not ms:
            return
        for m in cued_finditer(low, ("sub", "working group", "team", "service"), r"(?i)(?=[atsw])\b(?:a |the )?(?:sub-committee|sub-group|subgroup|sub group|working group|sub-board|team|service)s?\s+(?:of|within)\s+(?:the\s+)?", st):
            parent = [x for x in ms if x.start >= sent.start + m.end() and x.label in ("Body", "Organisation", "Authority")][:1]
            child = [x for x in ms if x.start <= sent.start + m.start() + 2 and x.end >= sent.start + m.start() and x.label == "Body"] or \
                    [x for x in ms if x.end <= sent.start + m.end() and x.label == "Body" and x.end > sent.start + m.start() - 3]
            if parent and child and parent[0].start - (sent.start + m.end()) < 3:
                self.b.edge("PART_OF", child[0].eid, parent[0].eid, (sent.start, sent.end))
        for m in cued_finditer(low, ("set up", "established", "created", "formed", "in place"), r"(?i)(?=h)\b(?:had|has|have)\s+(?:now\s+)?(?:set up|established|created|formed|in place|put in place)\s+(?:a|an)\s+(?:(?:new|dedicated|talented|strong|small|joint)\s+)?", st):
            parent = [x for x in ms if x.end <= sent.start + m.start() and x.label == "Body"][-1:]
            child = [x for x in ms if x.start >= sent.start + m.end() and x.label == "Body"][:1]
            if parent and child and child[0].start - (sent.start + m.end()) < 3:
                self.b.edge("PART_OF", child[0].eid, parent[0].eid, (sent.start, sent.end))

    MEMBER_CUES = ("member", "made up", "compris", "consist", "compos", "substitut", "replaced")

    def membership(self, sent: Sentence, ms: list[Mention]) -> None:
        """'Jan Angell and Paula Ridgway, members of the X Working Group'; 'the Members of X were the A, Councillor B and ...';
        'the Partnership was made up of the Council, the Police and the NHS'; 'Councillor A was substituting for Councillor B'
        (both sit on the meeting's body); 'A has replaced B as a member of the Committee'."""
        st, low, b = sent.text, sent.low, self.b
        if not ms or not has_any(low, self.MEMBER_CUES):
            return
        members = ("Person", "Role", "Organisation", "Authority")
        hypo = re.compile(r"(?i)\b(?:if|whether|should|could|would|might|proposed|invited|asked)\b")
        # apposition: "<names>, (the lead) member(s) of <Body>"
        for m in cued_finditer(low, ("member",), r"(?i),\s*(?:the\s+|a\s+|an\s+|both\s+)?(?:lead\s+|co-opted\s+|voting\s+|elected\s+|independent\s+|other\s+|founding\s+|existing\s+|new\s+)?members?\s+of\s+(?:the\s+)?", st):
            ve, vs = sent.start + m.end(), sent.start + m.start()
            body = [x for x in ms if x.start >= ve][:1]
            if not body or body[0].label != "Body" or body[0].start - ve > 2:
                continue
            pre = [x for x in ms if x.end <= vs and not self.inside(x, "Role")]
            if not pre or pre[-1].label not in members or not re.fullmatch(r"\s*(?:\([^)]{0,60}\))?\s*", b.text[pre[-1].end:vs]):
                continue
            for x in self.subject_group(st, sent, pre, vs):
                if x.label in members and x.eid != body[0].eid:
                    b.edge("MEMBER_OF", x.eid, body[0].eid, (sent.start, sent.end))
        # "the members of <Body> were / are / included <list>"
        for m in cued_finditer(low, ("members",), r"(?i)\bmembers(?:hip)?\s+of\s+(?:the\s+)?", st):
            ve = sent.start + m.end()
            body = [x for x in ms if x.start >= ve][:1]
            if not body or body[0].label != "Body" or body[0].start - ve > 2:
                continue
            vm = re.match(r"\s*(?:\([^)]{0,40}\)\s*)?(?:were|are|was|is|included?|includes|comprised?|comprises)\s*:?\s+(?:as follows:?\s*)?", b.text[body[0].end:sent.end])
            if not vm or hypo.search(st[:m.start()]):
                continue
            ls = body[0].end + vm.end()
            for x in ms:
                if x.start >= ls and x.label in members and not self.inside(x, "Role") and not self.inside(x, "Body"):
                    b.edge("MEMBER_OF", x.eid, body[0].eid, (sent.start, sent.end))
        # "<Body> was made up of / comprised / consists of <list>"
        for m in cued_finditer(low, ("made up", "compris", "consist", "compos"), r"(?i)\b(?:(?:is|are|was|were|be|been)\s+(?:made up|comprised|composed|formed)\s+of|consist(?:s|ed)?\s+of|comprise[sd]?)\b", st):
            vs, ve = sent.start + m.start(), sent.start + m.end()
            pre = [x for x in ms if x.end <= vs]
            if not pre or pre[-1].label != "Body" or hypo.search(b.text[pre[-1].end:vs]) or \
                    not re.fullmatch(r"[\s,]*(?:\([^)]{0,40}\))?[\s,]*(?:\w+ly\s+)?", b.text[pre[-1].end:vs]):
                continue
            body = pre[-1].eid
            _, cr = clause_bounds(st, m.start())
            for x in ms:
                if ve <= x.start and x.end <= sent.start + cr and x.label in members and not self.inside(x, "Role") \
                        and not self.inside(x, "Body"):
                    b.edge("MEMBER_OF", x.eid, body, (sent.start, sent.end))
        # substitutes sit on the meeting's body, as do those they stand in for
        if self.meeting:
            for m in cued_finditer(low, ("substitut",), r"(?i)\b(?:was\s+|were\s+|is\s+)?(?:substituting|substituted|attended as (?:a\s+)?substitute|(?:as\s+)?(?:a\s+)?substitute)\s+for\s+", st):
                vs, ve = sent.start + m.start(), sent.start + m.end()
                before = [x for x in ms if x.end <= vs and x.label == "Person"][-1:]
                after = [x for x in ms if x.start >= ve][:1]
                if not before or not after or after[0].label != "Person" or after[0].start - ve > 25 or \
                        not re.fullmatch(r"\s*(?:\([^)]{0,60}\))?\s*", b.text[before[0].end:vs]) or hypo.search(st[:m.start()]):
                    continue
                for x in (before[0], after[0]):
                    b.edge("MEMBER_OF", x.eid, self.meeting, (sent.start, sent.end))
        # "A has replaced B as a member of the Committee"
        for m in cued_finditer(low, ("replaced",), r"(?i)\b(?:has|had|have)\s+(?:now\s+)?replaced\s+([^,;.]{2,60}?)\s+as\s+(?:a\s+)?(?:\w+\s+)?member\s+of\s+(?:the\s+)?", st):
            vs, ve = sent.start + m.start(), sent.start + m.end()
            who = [x for x in ms if x.end <= vs][-1:]
            body = [x for x in ms if x.start >= ve][:1]
            if who and body and who[0].label in ("Person", "Organisation", "Authority") and body[0].label == "Body" and body[0].start - ve < 3:
                b.edge("MEMBER_OF", who[0].eid, body[0].eid, (sent.start, sent.end))

    def not_met(self, sent: Sentence, ms: list[Mention]) -> None:
        st = sent.text
        if not ms or "met" not in sent.low:
            return
        m = re.search(r"(?i)(?:had|has|have)\s+not\s+met\s+since\s+((?:[A-Z][a-z]+\s+)?(\d{4}))|never met", st)
        if not m:
            return
        bodies = [x for x in ms if x.label == "Body" and x.end <= sent.start + m.start()]
        if not bodies:
            return
        ent = self.b.ents[bodies[-1].eid]
        if m.group(1):
            from .header import MONTHS
            parts = m.group(1).split()
            val = m.group(2)
            if len(parts) == 2 and parts[0].lower() in MONTHS:
                val = f"{m.group(2)}-{MONTHS[parts[0].lower()]:02d}"
            ent.props["not_met_since"] = val
            q = self.b.text[bodies[-1].start:sent.start + m.end()]
            ent.props["not_met_quote"] = " ".join(q.split()) if len(q) < 300 else self.b.text[sent.start + m.start():sent.start + m.end()]
            self.b.cite(ent, (bodies[-1].start, sent.start + m.end()))

    # -------------------------------------------------------------- plans: who scrutinises, who is responsible
    GENERIC_PLAN = re.compile(r"(?i)(?:the|this|that|its|their|our)\s+(?:(?:draft|final|revised|updated|new|whole|entire|full)\s+)?"
                              r"(?:(?:improvement|action|recovery)\s+)?plan\b")

    def plan_after(self, sent: Sentence, ms: list[Mention], pos: int, limit: int = 70) -> list[str]:
        """The plan(s) that are the object of a verb ending at absolute `pos`: the first Plan mention within `limit`
        characters with no other agent named in between (and plans listed with it), or 'the plan' / 'it' for the
        plan the minutes last named."""
        _, cr = clause_bounds(sent.text, pos - sent.start)
        end = sent.start + cr
        out: list[Mention] = []
        for x in ms:
            if x.start < pos or x.end > end:
                continue
            if x.label == "Plan":
                if not out and x.start - pos > limit:
                    break
                if out and not re.fullmatch(r"[\s,]*(?:and|&)?\s*(?:the\s+)?", self.b.text[out[-1].end:x.start]):
                    break
                out.append(x)
            elif x.label in ("Body", "Role", "Person", "Organisation", "Authority") and not out:
                if not self.inside(x, "Plan"):
                    return []
        if out:
            return [x.eid for x in out]
        g = self.GENERIC_PLAN.match(self.b.text, pos + len(re.match(r"\s*", self.b.text[pos:pos + 5]).group()))
        if g and self.plan_ctx and self.plan_ctx in self.b.ents:
            return [self.plan_ctx]
        return []

    def agent_before(self, sent: Sentence, ms: list[Mention], pos: int, labels: tuple) -> list[Mention]:
        """The subject of a verb at absolute `pos`: the nearest mention of `labels` in its clause (and those listed with it);
        none when the verb sits in a reported clause ('advised that the Board would ...' keeps the Board)."""
        cl, _ = clause_bounds(sent.text, pos - sent.start)
        subj = [m for m in ms if sent.start + cl <= m.start and m.end <= pos and not self.inside(m, "Inspection")
                and not self.inside(m, "Plan") and m.label != "Plan"]
        if not subj or subj[-1].label not in labels:
            return []
        return [m for m in self.subject_group(sent.text, sent, subj, pos) if m.label in labels]

    def plan_scrutiny(self, sent: Sentence, ms: list[Mention]) -> None:
        """'the Cabinet considered the Action Plan', 'the Panel will scrutinise the plan', 'the WSoA was approved by Ofsted',
        'the plan had been submitted to Ofsted', 'X would have strategic oversight of the WSoA', 'subject to monitoring by
        the DfE and NHS England', 'the DfE would review progress' (no object: the authority)."""
        st, b, low = sent.text, self.b, sent.low
        scrutineers = ("Body", "Role", "Organisation")
        # active: X considered / reviewed / scrutinised / monitored / oversaw / had oversight of <plan>
        # (plan_after finds a plan only among this sentence's Plan mentions or as the plan named before: speed)
        can_plan = self.plan_ctx is not None or any(x.label == "Plan" for x in ms)
        for m in cued_finditer(low if can_plan else "", ("consider", "review", "scrutini", "monitor", "overs", "challenge", "receive"), r"(?i)(?=[wtacrsmoi])\b(?:(?:would |will |to |also )?consider(?:ed|s)?|review(?:ed|s)?|scrutini[sz](?:e|ed|es)|"
                             r"monitor(?:ed|s)?|overs(?:ee|ees|aw)|challenge[sd]?|(?:strategic |overall |independent )?oversight of|"
                             r"receive[sd]? (?:a |an |the )?(?:\w+ )?(?:report|update)s? (?:on|about) (?:the )?progress (?:of|on|against|with|in delivering))\s+(?:the\s+)?", st):
            if re.search(r"(?i)\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$", st[max(0, m.start() - 20):m.start()]):
                continue  # passive: handled below
            vs, ve = sent.start + m.start(), sent.start + m.end()
            plans = self.plan_after(sent, ms, ve)
            if not plans:
                continue
            who = self.agent_before(sent, ms, vs, scrutineers)
            if not who and self.meeting and re.match(r"\s*(?:To|to)\s+(?:consider|review|scrutinise|scrutinize)\b", st):
                who_ids = [self.meeting]  # agenda item: "To consider the final version of the improvement plan"
            else:
                who_ids = [w.eid for w in who]
            cl, _ = clause_bounds(st, m.start())
            negated = bool(NEG.search(st[max(cl, m.start() - 30):m.start()]))
            for w in who_ids:
                for p in plans:
                    b.edge("SCRUTINISES", w, p, (sent.start, sent.end), negated)
        if not ms:
            return  # the forms below need a mention for the agent
        # passive: <plan> was approved / considered / reviewed / scrutinised / monitored by X (and Y)
        for m in cued_finditer(low, ("by",), r"(?i)(?=[iawb])\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|also\s+)?(?:approved|accepted|considered|reviewed|scrutini[sz]ed|"
                             r"monitored|overseen|challenged|signed off|endorsed|ratified)\b(?:[^.;]{0,40}?)\bby\s+(?:the\s+)?", st):
            vs, ve = sent.start + m.start(), sent.start + m.end()
            agents = [x for x in ms if x.start >= ve and x.label in scrutineers][:1]
            if not agents or agents[0].start - ve > 3:
                continue
            agents = self.group_after(agents[0], ms, scrutineers)
            pre = [x for x in ms if x.end <= vs and x.label not in ("Inspection", "Recommendation")][-1:]
            gap = b.text[pre[0].end:vs] if pre else ""
            plans = [pre[0].eid] if pre and pre[0].label == "Plan" and (re.fullmatch(
                r"[\s,]*(?:(?:which|that|had|has|have|would|will|could|should|must|may|might|now|previously|already|also|then|\w+ly)\s+)*", gap)
                or re.search(r"\band\s+$", gap) and len(gap) < 150) else []
            if not plans and not pre and re.search(r"(?i)\b(?:it|this)\s+(?:\w+\s+){0,3}$", st[max(0, m.start() - 30):m.start()]) \
                    and self.plan_ctx in b.ents:
                plans = [self.plan_ctx]  # "it was approved by Ofsted" after the plan was named
            for a in agents:
                for p in plans:
                    b.edge("SCRUTINISES", a.eid, p, (sent.start, sent.end))
        # subject to monitoring / scrutiny / review by X and Y
        for m in cued_finditer(low, ("subject to",), r"(?i)\bsubject to (?:\w+ )?(?:monitoring|scrutiny|review|oversight|challenge)\s+(?:by|from)\s+(?:the\s+)?", st):
            ve = sent.start + m.end()
            agents = [x for x in ms if x.start >= ve and x.label in scrutineers][:1]
            if not agents or agents[0].start - ve > 3:
                continue
            cl, _ = clause_bounds(st, m.start())
            pre = [x for x in ms if sent.start + cl <= x.start and x.end <= sent.start + m.start() and x.label in ("Plan", "Body", "Authority")]
            tgt = [pre[-1].eid] if pre else [self.auth]
            for a in self.group_after(agents[0], ms, scrutineers):
                for t in tgt:
                    b.edge("SCRUTINISES", a.eid, t, (sent.start, sent.end))
        # a plan submitted / sent to the inspectorate or the department is scrutinised by it
        for m in cued_finditer(low, ("submi", "sent", "send"), r"(?i)\b(?:submitted|sent|submit|send|submission)\b([^.;:]{0,70}?)\s+to\s+(?:the\s+)?", st):
            ve = sent.start + m.end()
            inner = [x for x in ms if sent.start + m.start(1) <= x.start and x.end <= sent.start + m.end(1)]
            org = [x for x in ms if x.start >= ve][:1]
            if not org or org[0].start - ve > 2 or org[0].label != "Organisation" or \
                    b.ents[org[0].eid].props.get("kind") not in ("inspectorate", "government"):
                continue
            if re.match(r"\s+(?:for|by)\b", self.b.text[org[0].end:org[0].end + 5]) and False:
                continue
            if any(x.label != "Plan" for x in inner):
                continue
            pre = inner or [x for x in ms if x.end <= sent.start + m.start() and x.label == "Plan"]
            plans = [pre[-1].eid] if pre else []
            if not plans and re.search(r"(?i)\b(?:it|this)\s+(?:\w+\s+){0,2}$", st[max(0, m.start() - 20):m.start()]) and self.plan_ctx:
                plans = [self.plan_ctx]
            if re.search(r"(?i)\b(?:if|whether|should|could|must|needs?|needed)\b", st[max(0, m.start() - 40):m.start()]) and \
                    not re.search(r"(?i)\bbefore\b", st[max(0, m.start() - 40):m.start()]):
                continue  # a requirement or a question, not a submission ("needed to be submitted to Ofsted")
            for p in plans:
                b.edge("SCRUTINISES", org[0].eid, p, (sent.start, sent.end))
        # X would review / monitor progress (no object named: the authority)
        for m in cued_finditer(low, ("progress",), r"(?i)\b(?:review|monitor|oversee|track|scrutinise|scrutinize|challenge)(?:s|ed|d)?\s+(?:the\s+)?(?:authority[’']s\s+|council[’']s\s+)?progress\b", st):
            vs, ve = sent.start + m.start(), sent.start + m.end()
            if re.search(r"(?i)\b(?:be|been|being|is|are|was|were)\s+$", st[max(0, m.start() - 10):m.start()]):
                continue
            who = self.agent_before(sent, ms, vs, scrutineers)
            if not who:
                continue
            tail = self.b.text[ve:sent.start + clause_bounds(st, m.start())[1]]
            plans = self.plan_after(sent, ms, ve, 60) if re.match(r"\s+(?:and \w+ )?(?:of|on|against|with|in)\b", tail) else []
            objs = [x for x in ms if x.start >= ve and x.end <= ve + len(tail) and x.label in ("Body", "Authority")][:1]
            tgts = plans or ([objs[0].eid] if objs and objs[0].start - ve < 20 else [self.auth])
            for w in who:
                for t in tgts:
                    b.edge("SCRUTINISES", w.eid, t, (sent.start, sent.end))

    def group_after(self, first: Mention, ms: list[Mention], labels: tuple) -> list[Mention]:
        """`first` and the mentions listed after it ('Ofsted and the CQC', 'the DfE, NHS England and Ofsted')."""
        out = [first]
        for x in ms:
            if x.start < out[-1].end or x.label not in labels:
                continue
            if re.fullmatch(r"\s*(?:,|and|&|/|,\s*and)\s*(?:the\s+)?", self.b.text[out[-1].end:x.start]):
                out.append(x)
            else:
                break
        return out

    def responsible(self, sent: Sentence, ms: list[Mention]) -> None:
        """'an action plan being led by the Assistant Director', 'accountable to the Board for delivery of the WSoA and the
        Improvement Plan', 'the Council was required to produce an Action Plan', 'Children's Services had begun work on an
        improvement plan', 'X had developed its improvement plan'."""
        st, b, low = sent.text, self.b, sent.low
        if not ms:
            return  # every form needs a mention for who is responsible
        owners = ("Role", "Person", "Body", "Organisation", "Authority")
        # <plan / body>, (being) led by X
        for m in cued_finditer(low, ("led",), r"(?i)(?=[iawbnjl])\b(?:(?:is|are|was|were|be|been|being|now)\s+)?(?:jointly\s+)?led\s+by\s+(?:the\s+)?", st):
            ve = sent.start + m.end()
            who = [x for x in ms if x.start >= ve][:1]
            if not who or who[0].start - ve > 2 or who[0].label not in ("Role", "Person", "Body", "Organisation"):
                continue
            pre = [x for x in ms if x.end <= sent.start + m.start()][-1:]
            if not pre or pre[0].label not in ("Plan", "Body") or \
                    not re.fullmatch(r"[\s,]*(?:which|that|who)?\s*", b.text[pre[0].end:sent.start + m.start()]):
                continue
            grp = [who[0]]
            for x in ms:  # "the Assistant Director, Stuart Ashley" / "the Director and the Head of Service"
                if x.start >= grp[-1].end and x.label in ("Role", "Person") and \
                        re.fullmatch(r"\s*(?:,|and|&)\s*(?:the\s+)?", b.text[grp[-1].end:x.start]):
                    grp.append(x)
                elif x.start >= grp[-1].end:
                    break
            for x in grp:
                b.edge("RESPONSIBLE_FOR", x.eid, pre[0].eid, (sent.start, sent.end))
        # X ... accountable (to Y) for (the) delivery of <plans>
        for m in cued_finditer(low, ("accountable",), r"(?i)\baccountable\b(?:\s+to\s+[^,;.]{0,90}?)?\s+for\s+(?:the\s+)?(?:successful\s+)?(?:delivery|delivering|implementation|implementing|progress)(?:\s+of)?\s+(?:the\s+)?", st):
            vs, ve = sent.start + m.start(), sent.start + m.end()
            plans = self.plan_after(sent, ms, ve, 10)
            who = self.agent_before(sent, ms, vs, owners)
            cl, _ = clause_bounds(st, m.start())
            negated = bool(NEG.search(st[max(cl, m.start() - 30):m.start()]))
            for w in who:
                for p in plans:
                    b.edge("RESPONSIBLE_FOR", w.eid, p, (sent.start, sent.end), negated)
        # X was required to produce / had begun work on / had developed / is developing <plan>
        for m in cued_finditer(low, ("required", "begun", "started", "commenced", "develop", "produc", "prepar", "drawn", "draft", "writ",
                                     "publish", "deliver", "implement"), r"(?i)(?=[iawbh])\b(?:(?:is|are|was|were|be|been|being)\s+required\s+to\s+(?:produce|prepare|provide|submit|publish|develop|write|draw up|deliver|implement|co-produce)"
                             r"|(?:had|has|have)\s+(?:now\s+)?(?:begun|started|commenced)\s+(?:work|working)\s+on"
                             r"|(?:had|has|have)\s+(?:now\s+)?(?:developed|produced|prepared|drawn up|drafted|written|co-produced|published)"
                             r"|(?:is|are|was|were)\s+(?:currently\s+|now\s+)?(?:developing|producing|preparing|drafting|writing|delivering|implementing))\b", st):
            vs, ve = sent.start + m.start(), sent.start + m.end()
            tail = b.text[ve:ve + 40]
            gap = re.match(r"\s+(?:the\s+)?[\w’'&/ -]{2,50}?\s+with\b", tail) if re.search(r"(?i)provide$", m.group()) else None
            plans = self.plan_after(sent, ms, ve + (gap.end() if gap else 0), 35)  # "provide Ofsted with an Action Plan"
            if not plans:
                continue
            who = self.agent_before(sent, ms, vs, ("Body", "Authority", "Organisation", "Role", "Person"))
            for w in who:
                for p in plans:
                    b.edge("RESPONSIBLE_FOR", w.eid, p, (sent.start, sent.end))

    def possessive_units(self) -> None:
        """'the Council's senior leadership team', 'Exampleshire County Council's Children's Services': a unit of the authority."""
        text = self.b.text
        units = re.compile(r"(?i)(?:team|service|services|directorate|department|unit|hub|group)$")
        for i, m in enumerate(self.b.mentions):
            if m.label != "Authority":
                continue
            if not re.search(r"(?i)(?:council|authority)$", text[m.start:m.end]):
                continue
            nxt = [x for x in self.b.mentions[i + 1:i + 4] if x.start >= m.end][:1]
            if not nxt or nxt[0].label != "Body" or not re.fullmatch(r"[’']s?\s+", text[m.end:nxt[0].start]):
                continue
            ent = self.b.ents.get(nxt[0].eid)
            if ent is None or not units.search(ent.name) or ent.props.get("kind") in ("scrutiny", "executive", "council", "board", "improvement_board"):
                continue
            self.b.edge("PART_OF", nxt[0].eid, m.eid, (m.start, nxt[0].end))

    # -------------------------------------------------------------- reporting: passive and agenda forms
    def audience(self) -> str | None:
        """Minutes whose own body was not found still show whom officers report to: the body that 'considered' /
        'received' / 'noted' the items or that a report 'advised' / 'informed'. Used only as REPORTS_TO's default."""
        counts: dict[str, int] = {}
        text = self.b.text
        for m in self.b.mentions:
            if m.label != "Body":
                continue
            ent = self.b.ents.get(m.eid)
            if ent is None or ent.props.get("kind") not in ("scrutiny", "executive", "council", "board", "improvement_board", "partnership"):
                continue
            after, before = text[m.end:m.end + 40], text[max(0, m.start - 30):m.start]
            if re.match(r"\s+(?:(?:was|were|will be|would be)\s+(?:also\s+)?asked\s+to\s+\w+|considered|received|noted|agreed|welcomed|resolved|"
                        r"endorsed|discussed|was (?:informed|advised|updated|briefed))\b", after) or \
                    re.search(r"\b(?:advised|informed|updated|briefed|reminded)\s+(?:the\s+)?$", before):
                counts[m.eid] = counts.get(m.eid, 0) + 1
        if not counts:
            return None
        best = max(counts, key=lambda k: counts[k])
        return best if list(counts.values()).count(counts[best]) == 1 else None

    def presented_by(self, sent: Sentence, ms: list[Mention]) -> None:
        """'a presentation delivered by X', 'Presented By: X', 'X, ..., who introduced the item'."""
        if not self.meeting:
            return
        st, b = sent.text, self.b
        who_l = ("Person", "Role", "Body", "Organisation")
        low = sent.low
        for m in cued_finditer(low, ("by",), r"(?i)(?=[pruib])\b(?:presentation|report|update|briefing|item)s?\s+(?:was\s+|were\s+)?(?:delivered|given|made|presented|introduced)\s+by\s+(?:the\s+)?"
                             r"|^\s*Presented\s+By\s*:\s*", st):
            ve = sent.start + m.end()
            first = [x for x in ms if x.start >= ve][:1]
            if not first or first[0].start - ve > 2 or first[0].label not in who_l:
                continue
            pre = b.text[max(sent.start, sent.start + m.start() - 40):sent.start + m.start()]
            if re.search(r"(?i)\b(?:if|whether|should|could|would|will|to be)\b", pre):
                continue
            grp = [first[0]]
            for x in ms:
                if x.start >= grp[-1].end and x.label in ("Person", "Role"):
                    if re.fullmatch(r"\s*(?:,|\(|\)|and|&|–|-)\s*(?:the\s+)?|\s*\)?\s*(?:,|and)\s*(?:the\s+)?", b.text[grp[-1].end:x.start]):
                        grp.append(x)
                        continue
                    break
            for x in grp:
                if not self.own_office(x.eid, self.meeting):
                    b.edge("REPORTS_TO", x.eid, self.meeting, (sent.start, sent.end))
        # agenda heading "Report of the Executive Director of Children's Services" / "Report from Chair X Board"
        if has_any(low, ("report",)):
            m = re.match(r"\s*Report\s+(?:of|from|by)\s+(?:the\s+)?", st)
            if m and len(st) < 160 and "\n" not in st.strip():
                ve = sent.start + m.end()
                first = [x for x in ms if x.start >= ve][:1]
                if first and first[0].start - ve < 8 and first[0].label in who_l and first[0].eid != self.meeting and \
                        not self.own_office(first[0].eid, self.meeting):
                    b.edge("REPORTS_TO", first[0].eid, self.meeting, (sent.start, sent.end))
        # "The Director reported that ...", "She informed members that ..." (she: the officer last reporting)
        for m in cued_finditer(low, ("reported", "informed", "advised", "updated", "briefed", "told"), r"(?i)(?=[hsafr])\b(?:(He|She)\s+(?:also\s+|further\s+)?(?:reported|informed|advised|updated|briefed|told)\s+(?:that|the\s+(?:panel|committee|board|commission)|members)\b"
                             r"|(?:also\s+|further\s+)?reported\s+(?:to\s+(?:the\s+)?(?:members|panel|committee|board)\s+)?that\b)", st):
            vs = sent.start + m.start()
            if m.group(1):
                if m.start() > 2 or not self.last_reporter or self.last_reporter not in b.ents:
                    continue
                b.edge("REPORTS_TO", self.last_reporter, self.meeting, (sent.start, sent.end))
                continue
            pre = [x for x in ms if x.end <= vs and x.label in ("Person", "Role")]
            if not pre or not re.fullmatch(r"\s*(?:\([^)]{0,80}\))?\s*", b.text[pre[-1].end:vs]):
                continue
            cl, _ = clause_bounds(st, m.start())
            if pre[-1].start < sent.start + cl:
                continue
            for x in self.subject_group(st, sent, pre, vs):
                if x.label in ("Person", "Role") and not self.own_office(x.eid, self.meeting):
                    b.edge("REPORTS_TO", x.eid, self.meeting, (sent.start, sent.end))
        # "Jean Daintith, Independent Chair of the Board, who introduced the item"
        for m in cued_finditer(low, ("who",), r"(?i)(?=w)\bwho\s+(?:then\s+|also\s+)?(?:presented|introduced|gave|delivered|provided)\s+(?:the|this|a|an|her|his|their)\s+(?:[\w’'-]+\s+){0,5}?"
                             r"(?:report|item|presentation|update|briefing|overview)\b", st):
            if re.search(r"(?i)\bto\s+(?:the\s+)?(?!panel|committee|board|commission|meeting)[A-Z]", st[m.end():m.end() + 30]):
                continue
            vs = sent.start + m.start()
            pre = [x for x in ms if x.end <= vs and x.label in ("Person", "Role")]
            if not pre or not re.fullmatch(r"[\s,)]*(?:\([A-Z][\w&’'-]{1,12}\)[\s,]*)?", b.text[pre[-1].end:vs]):
                continue  # "Jean Daintith, Independent Chair of the Board (LSCB), who introduced"
            grp = [pre[-1]]
            for x in reversed(pre[:-1]):
                if re.fullmatch(r"\s*(?:,|\(|–|-)\s*(?:the\s+)?", b.text[x.end:grp[-1].start]):
                    grp.append(x)
                else:
                    break
            for x in grp:
                if not self.own_office(x.eid, self.meeting):
                    b.edge("REPORTS_TO", x.eid, self.meeting, (sent.start, sent.end))
