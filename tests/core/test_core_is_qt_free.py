"""annotator.core must stay plain Python: importing it (and the CLI) never loads Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "annotator" / "core"


def test_importing_core_and_cli_loads_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, annotator.core as c, annotator.cli\n"
        "for m in pkgutil.walk_packages(c.__path__, 'annotator.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_sources_do_not_mention_qt_imports() -> None:
    offenders = [
        str(path)
        for path in CORE.rglob("*.py")
        if "import PySide6" in path.read_text(encoding="utf-8")
        or "from PySide6" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
