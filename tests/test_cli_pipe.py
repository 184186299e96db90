"""A reader that goes away early (`annotator … | head`): every subcommand stops quietly with
the exit code Python itself uses for a broken pipe (1), whether the write that fails is one
during the run or the last flush as the interpreter exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_A, SAMPLE_B = sorted((ROOT / "samples").glob("*.txt"))[:2]


def _run_with_reader_gone(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run `python -m annotator ARGS` with its stdout a pipe whose only reader is closed
    before the child writes anything, so each of its writes to stdout fails with EPIPE.
    Its stdout is buffered, as for a user (the failing write is then often the last flush)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    proc = subprocess.Popen([sys.executable, "-m", "annotator", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=cwd, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    return proc.wait(timeout=120), err


@pytest.mark.parametrize("args", [
    ["check", str(SAMPLE_A), str(SAMPLE_B)],  # a short report, written at the final flush
    ["check", str(SAMPLE_A), str(SAMPLE_B), "--json"],
    ["align", str(SAMPLE_A), str(SAMPLE_B), "-o", "-"],
    ["--help"],  # argparse's own output and exit
], ids=["check", "check-json", "align-stdout", "help"])
def test_closed_stdout_ends_quietly(args: list[str], tmp_path: Path) -> None:
    code, err = _run_with_reader_gone(args, tmp_path)
    assert err == "", err  # no traceback, no "Exception ignored … BrokenPipeError"
    assert code == 1
