"""What the semantic model costs: a news-sized pair cold and warm, and the 100k pair against
words only (`lexical`), each measured in the same run.

    .venv/bin/python benchmarks/model_speed.py [--repeat 3]

"cold" is a fresh process: import, segmentation, model load and the first alignment of a
news pair (the sample pair and a 2,000-word pair of ../shared/bench). "warm" aligns another
pair in a process that has aligned one already (as the app's worker does). The 100k row
compares the default method with `lexical` in one process each, best of --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.results_md import write_section  # noqa: E402
from benchmarks.speed import PAIRS, make_pairs  # noqa: E402

CHILD = r"""
import json, sys, time
started = time.perf_counter()
from pathlib import Path
from annotator.core import AlignOptions, Document
from annotator.core.pair import align_documents as align
method, first, second, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def pair(folder):
    base = Path(folder)
    if base.is_dir():
        return (Document("A", (base / "A.txt").read_text(encoding="utf-8")),
                Document("B", (base / "B.txt").read_text(encoding="utf-8")))
    a, b = (Path(p).read_text(encoding="utf-8") for p in folder.split("|"))
    return Document("A", a), Document("B", b)
a, b = pair(first)
links = align(a, b, AlignOptions(method=method))
cold = time.perf_counter() - started
cold_cpu = time.process_time()
warm, cpu = [], []
for _ in range(repeat):
    c, d = pair(second)
    t, u = time.perf_counter(), time.process_time()
    align(c, d, AlignOptions(method=method))
    warm.append(time.perf_counter() - t)
    cpu.append(time.process_time() - u)
made = sorted({link.method for link in links} - {"copy"}) or ["copy"]
print(json.dumps({"cold": cold, "cold_cpu": cold_cpu, "warm": min(warm), "warm_cpu": min(cpu),
                  "method": "+".join(made)}))
"""


def run(method: str, first: str, second: str, repeat: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", CHILD, method, first, second, str(repeat)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    make_pairs(["2k", "100k"])
    sample = "|".join(str(p) for p in sorted((ROOT / "samples").glob("*.txt")))
    rows = [("sample pair (881 words), then the 2,000-word pair", sample, str(PAIRS / "2k")),
            ("2,000-word pair, then the sample pair", str(PAIRS / "2k"), sample),
            ("100k pair, cold then warm (same pair, memo cleared)", str(PAIRS / "100k"),
             str(PAIRS / "100k"))]
    lines = ["| pair | asked | links made by | cold s (CPU s) | warm s (CPU s) |",
             "|---|---|---|---:|---:|"]
    print("\n".join(lines))
    for label, first, second in rows:
        for method in ("default", "lexical"):
            r = run(method, first, second, args.repeat)
            lines.append(f"| {label} | {method} | {r['method']} | {r['cold']:.2f} "
                         f"({r['cold_cpu']:.2f}) | {r['warm']:.3f} ({r['warm_cpu']:.3f}) |")
            print(lines[-1], flush=True)
    if not args.no_write:
        command = "python benchmarks/model_speed.py" + (f" --repeat {args.repeat}"
                                                        if args.repeat != 3 else "")
        write_section("model-speed", "What the sentence-embedding model costs",
                      "\n".join(lines) + "\n\n" + NOTES, command)
    return 0


NOTES = """`cold` is a new process from its start to the first pair's links (imports, segmentation,
model load, alignment), what the app's first alignment costs; `warm` is the best of the repeats
of aligning another pair in that process with nothing memoised, as the app's worker does after
the first; CPU seconds in brackets (the machine is shared, so wall times vary by 2x between
runs; compare the CPU times). `links made by` is what the
links record: the 2,000-word and 100k pairs copy runs of 25+ words, so they are scored by words
alone whatever was asked.
The model embeds only sentences the copy stage did not link, and none at all when either text
has more than 150 of them (`pipeline.MEANING_MAX_SENTENCES`), so the 100k pair costs what it
did."""


if __name__ == "__main__":
    raise SystemExit(main())
