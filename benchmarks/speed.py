"""Speed and scale: the default aligner against two baselines on long generated pairs.

    .venv/bin/python benchmarks/speed.py [--sizes 1.5k,10k,100k,1M] [--timeout 900] [--no-write]

Pairs come from ../shared/bench/make_pairs.py (seed 1, gold sentence links) and are cached in
benchmarks/out/pairs. Each method and size runs in its own process (speed_worker.py) so peak
RSS is its own. All methods read, normalise and segment with our code; the baselines are
rapidfuzz fuzz.ratio over all sentence pairs + greedy one-to-one, and difflib SequenceMatcher
over words; plain per-block pysbd is the segmentation baseline. A baseline is skipped where
the shared README projects it past a few minutes. F1 is sentence-link F1 with links mapped to
gold sentences by character overlap, once with our segmentation and once with the gold split
(so the aligner is also scored apart from sentence splitting). Ratios come from this one run;
the machine is shared and noisy, so read them, not the absolute times.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.results_md import write_section  # noqa: E402

MAKE_PAIRS = ROOT.parent / "shared" / "bench" / "make_pairs.py"
PAIRS = ROOT / "benchmarks" / "out" / "pairs"
WORKER = Path(__file__).with_name("speed_worker.py")
METHODS = ("default", "fuzz_ratio", "difflib", "pysbd_plain")
LABELS = {
    "default": "annotator (default)",
    "fuzz_ratio": "rapidfuzz fuzz.ratio all pairs + greedy",
    "difflib": "difflib SequenceMatcher on words",
    "pysbd_plain": "segmentation only: plain pysbd per block",
}
# Where a baseline would run for many minutes (projections in ../shared/bench/README.md).
SKIP = {
    ("fuzz_ratio", "1M"): "skipped: ~230 s and 2.6 GB projected",
    ("difflib", "1M"): "skipped: ~900 s projected",
    ("pysbd_plain", "1M"): "skipped: ~150 s projected (10x the 100k time)",
}
TARGETS = {"1.5k": 0.05, "100k": 0.5, "1M": 5.0}  # seconds, default aligner
RSS_TARGETS = {"100k": 150.0, "1M": 1024.0}  # MB


def make_pairs(sizes: list[str]) -> None:
    missing = [s for s in sizes if not (PAIRS / s / "gold.json").exists()]
    if missing:
        subprocess.run([sys.executable, str(MAKE_PAIRS), "--src",
                        str(MAKE_PAIRS.parent / "gutenberg"), "--out", str(PAIRS),
                        "--sizes", ",".join(missing), "--seed", "1"],
                       check=True, stdout=subprocess.DEVNULL)


def run(method: str, size: str, timeout: float, gold_split: bool = False) -> dict | str:
    cmd = [sys.executable, str(WORKER), method, str(PAIRS / size)]
    if size == "1.5k":
        cmd += ["--repeat", "5"]
    if gold_split:
        cmd.append("--gold-split")
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout:.0f} s"
    if done.returncode != 0:
        return "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    result: dict = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def words(size: str) -> int:
    stats = json.loads((PAIRS / size / "gold.json").read_text(encoding="utf-8"))["stats"]
    return int(stats["a_words"]) + int(stats["b_words"])


def _cell(value: float | None, fmt: str = "{:.3f}") -> str:
    return "-" if value is None else fmt.format(value)


def _idle(r: dict) -> float | None:
    """Segment + align on two idle cores, modelled from CPU times (speed_worker)."""
    est = r.get("idle_estimate")
    return sum(est.get(k, 0.0) for k in ("segment", "align")) if est else None


def _child(r: dict) -> str:
    """A forked child's peak RSS (shared pages included) and private memory, MB."""
    if not r.get("forked"):
        return "-"
    return f"{r['child_rss_mb']:.0f} ({r['child_private_mb']:.0f} private)"


def table(sizes: list[str], res: dict, gold: dict) -> list[str]:
    rows = ["| pair | method | load s | segment s | align s | align CPU s | two idle cores s "
            "| total s | warm s | peak RSS MB | child MB | links | F1 (our split) "
            "| F1 (gold split) |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for size in sizes:
        for method in METHODS:
            r = res[size, method]
            if isinstance(r, str):
                rows.append(f"| {size} | {LABELS[method]} | {r} | | | | | | | | | | | |")
                continue
            st, g = r["stages"], gold.get((size, method))
            gf1 = g["f1"] if isinstance(g, dict) else None
            rows.append(
                f"| {size} | {LABELS[method]} | {st['load']:.3f} | {st['segment']:.3f} "
                f"| {st['align']:.3f} | {_cell(r.get('align_cpu'))} | {_cell(_idle(r))} "
                f"| {r['total']:.3f} | {r['warm']:.3f} | {r['rss_mb']:.0f} | {_child(r)} "
                f"| {r.get('links', '-')} | {_cell(r.get('f1'))} | {_cell(gf1)} |")
    return rows


def ratios(sizes: list[str], res: dict) -> list[str]:
    out = []
    for size in sizes:
        ours = res[size, "default"]
        if not isinstance(ours, dict):
            out.append(f"- {size}: default aligner did not finish ({ours})")
            continue
        parts = []
        for method in ("fuzz_ratio", "difflib"):
            base = res[size, method]
            if isinstance(base, dict):
                parts.append(f"{LABELS[method]} takes {base['total'] / ours['total']:.2f}x "
                             f"our time")
        plain = res[size, "pysbd_plain"]
        if isinstance(plain, dict) and plain.get("ours_segment_same_process"):
            parts.append(f"plain pysbd segmentation takes "
                         f"{plain['stages']['segment'] / plain['ours_segment_same_process']:.1f}x "
                         f"ours (both in one process, ours {plain['ours_segment_same_process']:.3f}"
                         f" s, checked equal)")
        out.append(f"- {size}: " + ("; ".join(parts) or "no baseline run at this size"))
    big = [s for s in ("100k", "1M") if isinstance(res.get((s, "default")), dict)]
    if len(big) == 2:
        scale = math.log(words("1M") / words("100k"))
        t0, t1 = (res[s, "default"]["total"] for s in big)
        a0, a1 = (res[s, "default"]["stages"]["align"] for s in big)
        line = (f"- growth exponent of the default aligner's total time, 100k -> 1M: "
                f"{math.log(t1 / t0) / scale:.2f} (align() alone: {math.log(a1 / a0) / scale:.2f}")
        c0, c1 = (res[s, "default"].get("align_cpu") for s in big)
        if c0 and c1:
            line += f", its CPU time: {math.log(c1 / c0) / scale:.2f}"
        out.append(line + "; segmentation is the rest)")
    return out


def targets(res: dict) -> list[str]:
    out = []
    for size, limit in TARGETS.items():
        r = res.get((size, "default"))
        if isinstance(r, str):
            out.append(f"- {size}: NOT met ({r})")
        if isinstance(r, dict):
            t = r["warm"] if size == "1.5k" else r["total"]
            mem = RSS_TARGETS.get(size)
            line = (f"- {size}: {t:.3f} s (target < {limit} s: {'met' if t < limit else 'NOT met'}"
                    f"; first run: segmentation {r['stages']['segment']:.3f} s, align() "
                    f"{r['stages']['align']:.3f} s)")
            idle = _idle(r)
            if idle is not None and r.get("forked"):
                line += (f"; on two idle cores, modelled from CPU times: {idle:.3f} s "
                         f"({'met' if idle < limit else 'NOT met'})")
            if mem:
                ok = "met" if r["rss_mb"] < mem else "NOT met"
                line += f"; peak RSS {r['rss_mb']:.0f} MB (target < {mem:.0f} MB: {ok})"
                if r.get("forked"):
                    both = r["rss_mb"] + r["child_private_mb"]
                    line += (f", with the forked child's private memory {both:.0f} MB "
                             f"({'met' if both < mem else 'NOT met'})")
            out.append(line)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1.5k,10k,100k,1M")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds per run")
    ap.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = ap.parse_args()
    sizes = args.sizes.split(",")
    make_pairs(sizes)
    res: dict = {}
    gold: dict = {}
    for size in sizes:
        for method in METHODS:
            res[size, method] = SKIP.get((method, size)) or run(method, size, args.timeout)
            if method != "pysbd_plain" and isinstance(res[size, method], dict):
                gold[size, method] = run(method, size, args.timeout, gold_split=True)
            print(size, method, json.dumps(res[size, method]), flush=True)
    idle = run_idle()
    lines = [*table(sizes, res, gold), "",
             f"Peak RSS includes the interpreter and imports ({idle:.0f} MB for a worker that "
             "only imports). 'warm' is the best of 5 runs for 1.5k (caches warm, as when "
             "re-aligning after a threshold change), else the single run. 'align CPU s' is the "
             "first run's align stage in CPU time, which the shared machine's load inflates "
             "less than wall time. Pairs of 150k+ characters use two cores "
             "(core/align/speed/twocore.py, through core/pair.py): "
             "'two idle cores' is the first run's segment + align time modelled from CPU "
             "times (this process's CPU time plus its wait for the child, had the child's "
             "CPU time been its wall time), 'child MB' the forked children's largest peak RSS "
             "(which counts the pages it shares with this process) and private memory.", "",
             "Ratios (same run):", *ratios(sizes, res), "", "Targets:", *targets(res)]
    print("\n".join(lines))
    if not args.no_write:
        command = ".venv/bin/python benchmarks/speed.py" + (
            f" --sizes {args.sizes}" if args.sizes != "1.5k,10k,100k,1M" else "") + (
            f" --timeout {args.timeout:g}" if args.timeout != 900.0 else "")
        write_section("speed", "Speed and scale", "\n".join(lines), command)


def run_idle() -> float:
    code = ("import resource, sys; sys.path.insert(0, sys.argv[1]); "
            "import benchmarks.speed_worker; "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True,
                          text=True, check=True)
    return float(done.stdout.strip())


if __name__ == "__main__":
    main()
