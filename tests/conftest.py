"""Shared test setup: Qt runs headless, and paths to the bundled samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SAMPLE_A = SAMPLES / "000_7ef15a09e7207d90.txt"
SAMPLE_B = SAMPLES / "001_f395bdecfdbba89e.txt"


@pytest.fixture
def sample_paths() -> tuple[Path, Path]:
    return SAMPLE_A, SAMPLE_B
