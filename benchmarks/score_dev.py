"""Extract the development corpus and score it: python benchmarks/score_dev.py [--verbose] [OUT_DIR]."""
from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

from govgraph.loaders.extract import extract
from govgraph.loaders.reading import read_path

SHARED = Path(os.environ.get("GOVGRAPH_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpus" / "dev"
SCORER = SHARED / "tools" / "score_extraction.py"


def extract_dir(corpus: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(corpus.glob("*.txt")):
        doc = extract(read_path(path))
        (out / f"{path.stem}.json").write_text(json.dumps(doc.model_dump(mode="json"), indent=1), encoding="utf-8")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    out = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="govgraph-dev-"))
    extract_dir(CORPUS, out)
    return load_scorer().main([str(CORPUS / "gold"), str(out)] + [a for a in argv if a.startswith("--")])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
