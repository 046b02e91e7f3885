"""Loads the rule data in lexicon/lexicon.json and compiles the regexes built from it."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).with_name("lexicon") / "lexicon.json"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _first_chars(words) -> str:
    """A look-ahead for the first characters of `words`: put before a look-behind and an alternation of `words`,
    it lets the regex reject most positions with one test (speed; same matches). None when a word is empty."""
    if not words or not all(words):
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


def typo_variants(word: str | None) -> list[str]:
    """Common keying slips of a distinctive name ("typo_tolerant" in the lexicon): one interior letter dropped or two
    neighbours swapped (first letter kept), written Title-case, UPPER-case or with the shift key held one letter too
    long ("OFsted"). Only for words of 6+ letters, whose one-slip variants are not other English words."""
    if not word or len(word) < 6:
        return []
    w = word.lower()
    forms = {w}
    for i in range(1, len(w)):
        forms.add(w[:i] + w[i + 1:])                       # a dropped letter
        if i + 1 < len(w):
            forms.add(w[:i] + w[i + 1] + w[i] + w[i + 2:])  # two neighbours swapped
    out = []
    for f in sorted(forms):
        if len(f) < 5:
            continue
        for v in (f.capitalize(), f.upper(), f[:2].upper() + f[2:]):
            if v not in out:
                out.append(v)
    return out


class Lexicon:
    def __init__(self, data: dict):
        self.data = data
        self.organisations = data["organisations"]
        org_pats = []
        self.org_by_pattern: dict[str, dict] = {}
        for org in self.organisations:
            pats = list(org["patterns"]) + typo_variants(org.get("typo_tolerant"))
            for p in pats:
                if p in self.org_by_pattern:
                    continue
                self.org_by_pattern[p] = org
                org_pats.append(p)
        self.org_re = re.compile(_first_chars(org_pats) + r"(?<![\w-])(?:" + _alt(org_pats) + r")(?![\w-])")
        self.org_heads = data["organisation_heads"]
        self.body_heads: dict[str, str] = data["body_heads"]
        self.body_kind_words = data["body_kind_words"]
        self.role_heads = data["role_heads"]
        self.role_prefixes = data["role_prefixes"]
        self.role_lowercase = data["role_lowercase"]
        self.honorifics = data["honorifics"]
        self.inspection_kinds = data["inspection_kinds"]
        self.kind_words = data["kind_words"]
        self.judgements = data["judgements"]
        self.themes = [(t, [w.lower() for w in ws]) for t, ws in data["themes"]]
        self.role_head_re = re.compile(r"(?<![\w-])(?:" + _alt(self.role_heads) + r")(?![\w-])")
        self.body_head_re = re.compile(r"(?<![\w-])(?:" + _alt(self.body_heads) + r")$")
        # every capitalised word that belongs to governance vocabulary: never part of a person's name
        vocab = set()
        for w in list(self.role_heads) + list(self.body_heads) + list(self.role_prefixes):
            vocab.update(w.split())
        for p in self.org_by_pattern:
            vocab.update(p.split())
        vocab.update(
            "Children Children's Children’s Child Families Family Young People Education Social Care Council County "
            "City Borough District Local Authority Services Service Safeguarding Health Wellbeing Well-being Well-Being "
            "Scrutiny Overview Select Improvement Corporate Parenting Plan Action Inspection Report Minutes Agenda Item "
            "Members Member The A An It This That There These Those Following In On At For Of And With To From By As "
            "Also Apologies Present Officers Resolved RESOLVED Councillor Councillors Mr Mrs Ms Dr Cabinet Chair "
            "Chairman Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
            "July August September October November December Annual Review Update Meeting Panel Board Committee "
            "SEND Special Needs Disabilities Quality Strategic Partnership Partners Programme Transformation Directorate "
            "Director Executive Head Cabinet Portfolio Holder Leader Deputy Assistant Interim Acting Lead Ofsted "
            "Learning Skills Adult Adults Public Democratic Legal Finance Financial Performance Strategy Policy Practice "
            "Early Help Protection Looked After Leavers Leaver Virtual School Schools Inclusion Integrated Youth Justice "
            "Front Door Team Group Working Sub Commission Trust Agency Fostering Adoption Regional Joint Targeted Area "
            "National Government Department Secretary State Minister Office Standards Chief Officer Manager "
            "Independent Commissioner Adviser Advisor Governor Representative Representatives Lead Senior Elected Mayor "
            "Care-Leavers Communities Community Culture Infrastructure Recovery Operations Partnerships Support "
            "Commissioning Resources People Work Workforce Social Worker Workers Housing".split())
        self.vocab = vocab

    def organisation(self, text: str) -> dict | None:
        return self.org_by_pattern.get(text)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with LEXICON_PATH.open(encoding="utf-8") as f:
        return Lexicon(json.load(f))
