"""Every citation is verbatim: quote == text[start:end], on every node and edge of the corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from govgraph.loaders.extract import extract
from govgraph.loaders.reading import read_path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _files(corpus_dir: Path) -> list[Path]:
    return sorted(corpus_dir.glob("*.txt")) + sorted(SAMPLES.glob("*.txt"))


def test_every_quote_is_the_text_at_its_offsets(corpus_dir):
    for path in _files(corpus_dir):
        src = read_path(path)
        doc = extract(src)
        for thing in list(doc.nodes) + list(doc.edges):
            assert thing.evidence, f"{path.name}: {thing} has no evidence"
            for ev in thing.evidence:
                assert src.text[ev.start:ev.end] == ev.quote, f"{path.name}: {ev}"


def test_every_edge_joins_nodes_of_the_document(corpus_dir):
    for path in _files(corpus_dir):
        doc = extract(read_path(path))
        ids = {n.id for n in doc.nodes}
        assert all(e.source in ids and e.target in ids for e in doc.edges)


def test_extraction_is_deterministic(corpus_dir):
    path = _files(corpus_dir)[0]
    a = extract(read_path(path)).model_dump(mode="json")
    b = extract(read_path(path)).model_dump(mode="json")
    assert a == b
