"""Extraction speed in MB of minutes per second on one core over the dev corpus.

python benchmarks/bench_extract.py [SECONDS]   (repeats the corpus until SECONDS, default 3, have passed)

Reports CPU time of this process (one core; not inflated when other jobs share the machine) and wall time.
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
    for s in srcs:  # warm-up: imports, regex compilation
        extract(s)
    done = 0
    t0, c0 = time.perf_counter(), time.process_time()
    while time.process_time() - c0 < seconds:
        for s in srcs:
            extract(s)
        done += size
    dt, ct = time.perf_counter() - t0, time.process_time() - c0
    print(f"{len(srcs)} documents, {size / 1e6:.3f} MB per pass, {done / 1e6:.2f} MB in {ct:.2f} s CPU "
          f"({dt:.2f} s wall): {done / 1e6 / ct:.2f} MB/s on one core ({done / 1e6 / dt:.2f} MB/s wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
