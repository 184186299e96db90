"""One core against two for one long pair, interleaved in the same run.

    .venv/bin/python benchmarks/twocore_ab.py [--pairs DIR] [--sizes 100k,1M] [--rounds 3]

Each measurement is a fresh process that loads the pair and times `align()` (segmentation
included) with ANNOTATOR_WORKERS=1 or 2; the two modes alternate (in a shuffled order per
round) so both see the same machine load. Wall seconds are what a user waits; CPU seconds
(this process plus its reaped forked children) are what the machine spends. The load
average before each run is printed: on a busy machine the second core is not free and two
cores cannot pay.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[3])
from annotator.core import Document
try:
    from annotator.core.pair import align_documents as align
except ImportError:
    from annotator.core import align
a, b = Document.load(sys.argv[1], "A"), Document.load(sys.argv[2], "B")
def cpu():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime
c0, w0 = cpu(), time.perf_counter()
links = align(a, b)
print(json.dumps({"wall": time.perf_counter() - w0, "cpu": cpu() - c0, "links": len(links)}))
"""


def measure(pair: Path, workers: str) -> dict[str, float]:
    env = dict(os.environ, ANNOTATOR_WORKERS=workers)
    done = subprocess.run([sys.executable, "-c", CHILD, str(pair / "A.txt"), str(pair / "B.txt"),
                           str(ROOT)], env=env, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", default=str(ROOT / "benchmarks" / "out" / "pairs"))
    parser.add_argument("--sizes", default="100k,1M")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for size in args.sizes.split(","):
        pair = Path(args.pairs) / size
        runs: dict[str, list[dict[str, float]]] = {"1": [], "2": []}
        for _ in range(args.rounds):
            for workers in rng.sample(["1", "2"], 2):
                load = os.getloadavg()[0]
                result = measure(pair, workers)
                runs[workers].append(result)
                print(f"{size} cores={workers} load={load:.1f} wall={result['wall']:.2f} s "
                      f"cpu={result['cpu']:.2f} s links={result['links']:.0f}", flush=True)
        one, two = runs["1"], runs["2"]
        w1, w2 = (statistics.median(r["wall"] for r in rs) for rs in (one, two))
        c1, c2 = (statistics.median(r["cpu"] for r in rs) for rs in (one, two))
        print(f"{size}: median wall one core {w1:.2f} s, two cores {w2:.2f} s "
              f"(two/one {w2 / w1:.2f}); median CPU {c1:.2f} s vs {c2:.2f} s "
              f"(two/one {c2 / c1:.2f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
