"""Dump what the aligner and the segmenter produce on the benchmark pairs, to compare commits.

    .venv/bin/python benchmarks/dump_outputs.py OUT.json [--pairs DIR] [--sizes 1.5k,10k,100k]

For the sample pair and each generated pair (../shared/bench/make_pairs.py, seed 1, as
benchmarks/speed.py makes them): every sentence range of A and B, and every proposed link
(id, spans, exact score, status, method) from `align()` with the default options, in the
process's default mode (two cores for a long pair where the machine allows) and on one core
(ANNOTATOR_WORKERS=1). Run it on two commits and compare the files (`cmp`, or `--compare`):
a restructuring that changes nothing must give identical dumps. It uses only the API both
old and new commits have (Document.load, Document.sentences, align).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples"
ENV = "ANNOTATOR_WORKERS"


def _one(path_a: Path, path_b: Path) -> dict[str, object]:
    from annotator.core import Document, align

    with contextlib.suppress(ImportError):  # the pair door where it exists: two cores for a
        from annotator.core.pair import align_documents as align  # long pair, as align() did
    a, b = Document.load(path_a, "A"), Document.load(path_b, "B")
    started = time.perf_counter()
    links = align(a, b)
    seconds = time.perf_counter() - started
    return {
        "sentences_a": [[s.start, s.end, s.paragraph] for s in a.sentences],
        "sentences_b": [[s.start, s.end, s.paragraph] for s in b.sentences],
        "links": [[lk.id, [[s.start, s.end] for s in lk.a], [[s.start, s.end] for s in lk.b],
                   repr(lk.score), str(lk.status), lk.method] for lk in links],
        "_seconds": round(seconds, 3),
    }


def _child(path_a: str, path_b: str, workers: str | None) -> dict[str, object]:
    """One pair in a fresh process (so no memo or cache carries over between modes)."""
    env = dict(os.environ)
    env.pop(ENV, None)
    if workers is not None:
        env[ENV] = workers
    code = ("import json, sys; from pathlib import Path; sys.path.insert(0, sys.argv[3]);"
            "from benchmarks.dump_outputs import _one;"
            "print(json.dumps(_one(Path(sys.argv[1]), Path(sys.argv[2]))))")
    done = subprocess.run([sys.executable, "-c", code, path_a, path_b, str(ROOT)], env=env,
                          capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", help="JSON file to write")
    parser.add_argument("--pairs", default=str(ROOT / "benchmarks" / "out" / "pairs"),
                        help="folder of generated pairs (<size>/A.txt, B.txt)")
    parser.add_argument("--sizes", default="1.5k,10k,100k")
    parser.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"),
                        help="compare two dumps instead; exit 1 when they differ")
    args = parser.parse_args()
    if args.compare:
        return compare(Path(args.compare[0]), Path(args.compare[1]))
    if not args.out:
        parser.error("OUT is required")
    samples = sorted(SAMPLE.glob("*.txt"))
    pairs = {"sample": (samples[0], samples[1])}
    for size in args.sizes.split(","):
        folder = Path(args.pairs) / size
        pairs[size] = (folder / "A.txt", folder / "B.txt")
    dump: dict[str, dict[str, object]] = {}
    for name, (a, b) in pairs.items():
        for mode, workers in (("default", None), ("one_core", "1")):
            result = _child(str(a), str(b), workers)
            print(f"{name} {mode}: {len(result['links'])} links, "  # type: ignore[arg-type]
                  f"{len(result['sentences_a'])}+{len(result['sentences_b'])} sentences, "  # type: ignore[arg-type]
                  f"{result['_seconds']} s", file=sys.stderr)
            dump[f"{name}/{mode}"] = result
    Path(args.out).write_text(json.dumps(dump, indent=0, sort_keys=True), encoding="utf-8")
    return 0


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:12]


def compare(old_path: Path, new_path: Path) -> int:
    """Print, per pair and mode, whether sentences and links (ids, spans, scores) are equal."""
    old = json.loads(old_path.read_text(encoding="utf-8"))
    new = json.loads(new_path.read_text(encoding="utf-8"))
    same = True
    for key in sorted(set(old) | set(new)):
        if key not in old or key not in new:
            print(f"{key}: only in {'new' if key in new else 'old'}")
            same = False
            continue
        cells = []
        for part in ("sentences_a", "sentences_b", "links"):
            equal = old[key][part] == new[key][part]
            same &= equal
            cells.append(f"{part} {len(new[key][part])} "
                         f"{'identical' if equal else 'DIFFERENT'} ({_digest(new[key][part])})")
        cells.append(f"align {old[key]['_seconds']} s -> {new[key]['_seconds']} s")
        print(f"{key}: " + "; ".join(cells))
    print("IDENTICAL" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
