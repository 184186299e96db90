"""Does `annotator batch` use both cores? Align 1,000 news-sized pairs with 1 and with N workers.

    .venv/bin/python benchmarks/batch_scaling.py [--pairs 1000] [--words 1k]

Pairs come from ../shared/bench/make_pairs.py (10 distinct seeded pairs, repeated under distinct
ids, so every job does real work of the same size). Prints pairs/s for each worker count and the
speed-up ratio measured in the same run; records the table in RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.cli.batch import run_batch  # noqa: E402
from benchmarks.results_md import write_section  # noqa: E402

MAKE_PAIRS = ROOT.parent / "shared" / "bench" / "make_pairs.py"
OUT = ROOT / "benchmarks" / "out" / "batch"


def make_pairs(words: str, distinct: int) -> list[Path]:
    dirs = []
    for seed in range(1, distinct + 1):
        target = OUT / f"seed{seed}"
        if not (target / words / "B.txt").exists():
            subprocess.run(
                [
                    sys.executable,
                    str(MAKE_PAIRS),
                    "--src",
                    str(MAKE_PAIRS.parent / "gutenberg"),
                    "--out",
                    str(target),
                    "--sizes",
                    words,
                    "--seed",
                    str(seed),
                ],
                check=True,
                capture_output=True,
            )
        dirs.append(target / words)
    return dirs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--words", default="1k", help="size per pair, as make_pairs.py spells it")
    parser.add_argument("--no-record", action="store_true", help="don't rewrite RESULTS.md")
    args = parser.parse_args(argv)
    dirs = make_pairs(args.words, 10)
    tsv = OUT / "pairs.tsv"
    tsv.write_text(
        "".join(
            f"p{i}\t{dirs[i % len(dirs)]}/A.txt\t{dirs[i % len(dirs)]}/B.txt\n"
            for i in range(args.pairs)
        ),
        encoding="utf-8",
    )
    cores = os.cpu_count() or 1
    rows = []
    for jobs in sorted({1, cores}):
        start = time.perf_counter()
        code = run_batch(tsv, OUT / f"xml-j{jobs}", jobs=jobs)
        elapsed = time.perf_counter() - start
        if code != 0:
            print(f"batch with {jobs} worker(s) failed", file=sys.stderr)
            return 1
        rows.append((jobs, elapsed, args.pairs / elapsed))
    base = rows[0][1]
    lines = ["| workers | seconds | pairs/s | speed-up vs 1 worker |", "|---|---|---|---|"]
    lines += [f"| {j} | {t:.1f} | {r:.1f} | {base / t:.2f}x |" for j, t, r in rows]
    table = "\n".join(lines)
    print(table)
    if not args.no_record:
        note = (
            f"{args.pairs} pairs of {args.words} words each (10 distinct make_pairs.py pairs), "
            f"{cores} cores.\n\n{table}"
        )
        write_section(
            "batch",
            "`annotator batch` scaling",
            note,
            "python benchmarks/batch_scaling.py" + ("" if argv is None else " " + " ".join(argv)),
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
