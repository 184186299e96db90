"""`annotator bench NAME [ARGS]`: run a benchmark script from benchmarks/ (source checkout)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

BENCHMARKS = {
    "quality": "quality.py",
    "speed": "speed.py",
    "batch": "batch_scaling.py",
    "app": "app_speed.py",
    "claims": "claim_edit_speed.py",
    "limits": "project_limits.py",
    "suggest": "suggest_quality.py",
}
CHECKOUT = Path(__file__).resolve().parents[2]  # annotator/cli/bench.py -> the checkout


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "bench", help="run a benchmark from benchmarks/ (source checkout only)")
    p.add_argument("name", choices=sorted(BENCHMARKS), help="which benchmark")
    p.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the benchmark script")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    script = CHECKOUT / "benchmarks" / BENCHMARKS[args.name]
    if not script.exists():
        print(
            f"error: {script} not found; benchmarks ship with the source checkout only",
            file=sys.stderr,
        )
        return 2
    return subprocess.call([sys.executable, str(script), *args.args])
