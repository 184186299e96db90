"""Where the shipped resources (schema, default taxonomy) live."""

from __future__ import annotations

import sys
from pathlib import Path

_CANDIDATES = (
    Path(__file__).resolve().parents[2] / "resources",  # source checkout / editable install
    Path(sys.prefix) / "share" / "annotator" / "resources",  # wheel install (data-files)
)


def resource_path(relative: str) -> Path:
    for root in _CANDIDATES:
        candidate = root / relative
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource {relative!r} not found in {[str(c) for c in _CANDIDATES]}")
