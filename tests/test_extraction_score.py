"""Regression guard: extraction quality on the development corpus must not drop.

The figures are the scorer's output recorded in docs/extraction.md; a change that
loses more than TOLERANCE of node or edge F1 fails here.
"""
from __future__ import annotations

import importlib.util
import json
from collections import defaultdict

from govgraph.loaders.extract import extract
from govgraph.loaders.reading import read_path



SCORER = None
RECORDED_NODE_F1 = 0.785
RECORDED_EDGE_F1 = 0.429
TOLERANCE = 0.02


def _scorer():
    global SCORER
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_dev_corpus_scores_do_not_regress(corpus_dir):
    global SCORER
    SCORER = corpus_dir.parent.parent / "tools" / "score_extraction.py"
    sc = _scorer()
    counts = defaultdict(lambda: {"tp": 0, "pred": 0, "gold": 0})
    for gold_path in sorted((corpus_dir / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = extract(read_path(corpus_dir / f"{gold_path.stem}.txt")).model_dump(mode="json")
        sc.score_document(gold, pred, counts, False, gold_path.stem)
    totals = {k: {"tp": 0, "pred": 0, "gold": 0} for k in ("node", "edge")}
    for (kind, _), c in counts.items():
        for f in ("tp", "pred", "gold"):
            totals[kind][f] += c[f]
    node_f1 = sc.prf(totals["node"])[2]
    edge_f1 = sc.prf(totals["edge"])[2]
    assert node_f1 >= RECORDED_NODE_F1 - TOLERANCE, f"node F1 fell to {node_f1:.3f}"
    assert edge_f1 >= RECORDED_EDGE_F1 - TOLERANCE, f"edge F1 fell to {edge_f1:.3f}"
