"""Regression guard: extraction quality on the development corpus must not drop.

The figures are the scorer's output recorded in docs/extraction.md; a change that
loses more than TOLERANCE of node or edge F1 fails here, and so does any label or
relationship type with ten or more gold instances falling below 0.5.
"""
from __future__ import annotations

import importlib.util
import json
from collections import defaultdict

from govgraph.loaders.extract import extract
from govgraph.loaders.reading import read_path

RECORDED_NODE_F1 = 0.883
RECORDED_EDGE_F1 = 0.751
TOLERANCE = 0.02
FLOOR = 0.5


def load_scorer(corpus_dir):
    path = corpus_dir.parent.parent / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_corpus_scores_do_not_regress(corpus_dir):
    scorer = load_scorer(corpus_dir)
    counts = defaultdict(lambda: {"tp": 0, "pred": 0, "gold": 0})
    for gold_path in sorted((corpus_dir / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = extract(read_path(corpus_dir / f"{gold_path.stem}.txt")).model_dump(mode="json")
        scorer.score_document(gold, pred, counts, False, gold_path.stem)
    totals = {k: {"tp": 0, "pred": 0, "gold": 0} for k in ("node", "edge")}
    for (kind, _), c in counts.items():
        for f in ("tp", "pred", "gold"):
            totals[kind][f] += c[f]
    node_f1 = scorer.prf(totals["node"])[2]
    edge_f1 = scorer.prf(totals["edge"])[2]
    assert node_f1 >= RECORDED_NODE_F1 - TOLERANCE, f"node F1 fell to {node_f1:.3f}"
    assert edge_f1 >= RECORDED_EDGE_F1 - TOLERANCE, f"edge F1 fell to {edge_f1:.3f}"
    weak = {f"{kind} {name}": round(scorer.prf(c)[2], 3) for (kind, name), c in counts.items()
            if c["gold"] >= 10 and scorer.prf(c)[2] < FLOOR}
    assert not weak, f"below {FLOOR} F1: {weak}"
