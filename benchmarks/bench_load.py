"""Load throughput: documents and MB of minutes per second into a store, first load vs reload.

    .venv/bin/python benchmarks/bench_load.py [--db URL] [FILES_OR_FOLDERS...]

Defaults to a fresh embedded store in a temporary folder and the development
corpus at ../shared/corpus/dev. Reports rates and the reload/first-load ratio,
never pass/fail: rerun it before and after a change and compare.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from govgraph.graph.store import open_store
from govgraph.loaders.pipeline import discover, load_inputs

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(REPO.parent / "shared" / "corpus" / "dev")])
    parser.add_argument("--db", help="store URL (default: a fresh embedded store)")
    args = parser.parse_args()
    refs, _ = discover(args.inputs)
    size_mb = sum(Path(r).stat().st_size for r in refs) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(args.db or str(Path(tmp) / "bench.db"))
        if args.db:
            store.clear()
        try:
            t0 = time.perf_counter()
            first = load_inputs(store, refs)
            t1 = time.perf_counter()
            again = load_inputs(store, refs)
            t2 = time.perf_counter()
            forced = load_inputs(store, refs, force=True)
            t3 = time.perf_counter()
        finally:
            store.close()
    n = len(refs)
    print(f"store: {store.dialect}  documents: {n}  size: {size_mb:.2f} MB  errors: {len(first.errors)}")
    print(f"first load : {n / (t1 - t0):8.1f} docs/s  {size_mb / (t1 - t0):6.3f} MB/s  "
          f"(+{first.counters.nodes_created} nodes, +{first.counters.relationships_created} rels)")
    print(f"reload     : {n / (t2 - t1):8.1f} docs/s  (unchanged {len(again.skipped)}; "
          f"{(t2 - t1) / (t1 - t0):.2f}x the first load's time)")
    print(f"forced     : {n / (t3 - t2):8.1f} docs/s  ({(t3 - t2) / (t1 - t0):.2f}x the first load's time)")
    _ = forced


if __name__ == "__main__":
    main()
