"""Minutes the rules were not written for still extract: no crash, and every quote is verbatim.

Each corpus document is damaged the ways real inputs are (no header, cut
mid-sentence, shouted, flattened to one line, words shuffled, passed through
HTML), plus a few pathological strings.
"""
from __future__ import annotations

import html
import random

import pytest

from govgraph.loaders.extract import extract
from govgraph.loaders.html import html_to_text
from govgraph.loaders.source import LoadError, SourceText


def variants(text: str, rng: random.Random) -> dict[str, str]:
    words = text.split(" ")
    rng.shuffle(words)
    cut = rng.randint(1, len(text))
    return {
        "no header": text.split("---\n", 1)[-1],
        "cut": text[:cut],
        "upper": text.upper(),
        "lower": text.lower(),
        "one line": text.replace("\n", " "),
        "shuffled": " ".join(words),
        "html": html_to_text("<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
                             + "</body></html>"),
    }


def assert_extracts(text: str, label: str) -> None:
    doc = extract(SourceText(text=text, source=label))
    for part in doc.nodes + doc.edges:
        assert part.evidence, (label, part)
        for ev in part.evidence:
            assert text[ev.start:ev.end] == ev.quote, label


def test_damaged_corpus_minutes_extract_with_verbatim_evidence(corpus_dir):
    rng = random.Random(20261125)
    for path in sorted(corpus_dir.glob("*.txt")):
        for kind, text in variants(path.read_text(encoding="utf-8"), rng).items():
            if text.strip():
                assert_extracts(text, f"{path.name} [{kind}]")


@pytest.mark.parametrize("text", ["a", "---", "COUNCIL: X\n---\n", "(((((", "Present: " * 50,
                                  "Ofsted " * 1000, "THE " * 2000, "Board\u2028Panel\u2029Council\x0c", "Mr " * 300])
def test_pathological_text_extracts(text):
    assert_extracts(text, repr(text[:12]))


def test_empty_text_is_a_load_error_not_a_crash():
    with pytest.raises(LoadError, match="empty document"):
        extract(SourceText(text=" \n", source="blank.txt"))
