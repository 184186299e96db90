"""Shared test setup: Qt runs headless, and paths to the bundled samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.core.align.methods import DEFAULT_ENV, DEFAULT_INSTALL

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SAMPLE_A = SAMPLES / "000_7ef15a09e7207d90.txt"
SAMPLE_B = SAMPLES / "001_f395bdecfdbba89e.txt"


@pytest.fixture
def sample_paths() -> tuple[Path, Path]:
    return SAMPLE_A, SAMPLE_B


@pytest.fixture(autouse=True)
def default_install_model(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite describes the default install: with an optional model extra installed,
    "default" would resolve to MiniLM and every number measured on the sample pair would
    move. The variable reaches the app's spawned worker and the CLI's subprocesses too; tests
    marked `semantic` see what is really installed."""
    if request.node.get_closest_marker("semantic") is None:
        monkeypatch.setenv(DEFAULT_ENV, DEFAULT_INSTALL)
    else:
        monkeypatch.delenv(DEFAULT_ENV, raising=False)
