"""Extraction speed in MB of minutes per second on one core over the dev corpus.

python benchmarks/bench_extract.py [SECONDS]   (repeats the corpus until SECONDS, default 3, have passed)
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from govgraph.loaders.extract import extract
from govgraph.loaders.reading import read_path

SHARED = Path(os.environ.get("GOVGRAPH_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def main(argv: list[str]) -> int:
    seconds = float(argv[0]) if argv else 3.0
    srcs = [read_path(p) for p in sorted((SHARED / "corpus" / "dev").glob("*.txt"))]
    size = sum(len(s.text.encode("utf-8")) for s in srcs)
    done = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for s in srcs:
            extract(s)
        done += size
    dt = time.perf_counter() - t0
    print(f"{len(srcs)} documents, {size / 1e6:.3f} MB per pass, {done / 1e6:.2f} MB in {dt:.2f} s: "
          f"{done / 1e6 / dt:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
