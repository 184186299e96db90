"""The README cannot lie: its API example runs, and CI runs exactly its test command."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    block = re.search(r"## Python API.*?```python\n(.*?)```", README, re.S)
    assert block is not None
    code = block.group(1).replace('"samples/', f'"{ROOT}/samples/')
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "pair.xml").stat().st_size > 1000


def test_ci_runs_the_readme_test_command() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^(scripts/\S+)\s+#", quick_start, re.M)
    assert commands == ["scripts/run", "scripts/test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    steps = [line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd "))]
    assert steps == ["scripts/test"]
    assert os.access(ROOT / "scripts" / "test", os.X_OK)
    assert os.access(ROOT / "scripts" / "run", os.X_OK)


def test_inputs_table_lists_every_readable_suffix() -> None:
    from annotator.core.inputs import SUFFIXES

    table = README.split("## What you can open", 1)[1].split("\n## ", 1)[0]
    for suffix in SUFFIXES:
        if suffix:
            assert f"`{suffix}`" in table, suffix
