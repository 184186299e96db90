"""Segment and align CPU time of this checkout against another commit's, alternated in one run.

    git worktree add /tmp/old COMMIT
    .venv/bin/python benchmarks/commit_ab.py /tmp/old [--sizes 1.5k,100k,1M] [--rounds 3]

Each round runs both checkouts in fresh processes on one core (ANNOTATOR_WORKERS=1), with
this checkout's virtual environment and the other's source first on the path, on the pairs
`speed.py` generated under benchmarks/out/pairs. Alternating the two in one run is what makes
the ratio fair on a shared machine; CPU time is what the load inflates least.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "benchmarks" / "out" / "pairs"

# Uses only what old and new commits both have: Document.load, .sentences, and the pair door
# (core.pair.align_documents) where it exists, else align().
_CHILD = r"""
import sys, time
from pathlib import Path
from annotator.core import Document
try:
    from annotator.core.pair import align_documents as align
except ImportError:
    from annotator.core import align
pair = Path(sys.argv[1])
a, b = Document.load(pair / "A.txt", "A"), Document.load(pair / "B.txt", "B")
t0 = time.process_time(); a.sentences; b.sentences
t1 = time.process_time(); links = align(a, b)
t2 = time.process_time()
print(f"{t1 - t0:.4f} {t2 - t1:.4f} {len(links)}")
"""


def _run(source: Path, pair: Path) -> tuple[float, float, int]:
    env = dict(os.environ, PYTHONPATH=str(source), ANNOTATOR_WORKERS="1")
    done = subprocess.run([sys.executable, "-c", _CHILD, str(pair)], env=env, cwd=source,
                          capture_output=True, text=True, check=True)
    segment, align, links = done.stdout.split()
    return float(segment), float(align), int(links)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="a checkout of the commit to compare with")
    parser.add_argument("--sizes", default="1.5k,100k,1M")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    sources = {"other": args.other.resolve(), "this": ROOT}
    print("| pair | checkout | segment CPU s | align CPU s | links |")
    print("|---|---|---:|---:|---:|")
    for size in args.sizes.split(","):
        pair = PAIRS / size
        if not (pair / "A.txt").exists():
            print(f"{pair}: not generated; run benchmarks/speed.py --sizes {size} first",
                  file=sys.stderr)
            return 2
        runs: dict[str, list[tuple[float, float, int]]] = {name: [] for name in sources}
        for _ in range(args.rounds):
            for name, source in sources.items():
                runs[name].append(_run(source, pair))
        for name, rows in runs.items():
            print(f"| {size} | {name} | {statistics.median(r[0] for r in rows):.3f} | "
                  f"{statistics.median(r[1] for r in rows):.3f} | {rows[0][2]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
