"""Render the README screenshots of the window on the bundled sample pair.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m annotator.ui.screenshot docs/screenshots

Writes comparison.png (light) and comparison-dark.png. Settings go to a temporary folder, so
the user's own configuration is never read or changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_A = ROOT / "samples" / "000_7ef15a09e7207d90.txt"
SAMPLE_B = ROOT / "samples" / "001_f395bdecfdbba89e.txt"


def take_screenshots(out_dir: Path, size: tuple[int, int] = (1440, 900)) -> list[Path]:
    """Open the sample pair, make a few decisions, select a pair, and grab the window."""
    from annotator.app import configure_application
    from annotator.core import LinkStatus
    from annotator.ui.main_window import MainWindow
    from annotator.ui.theme import apply_theme

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0]])
    configure_application(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for scheme, name in (("light", "comparison.png"), ("dark", "comparison-dark.png")):
        apply_theme(app, scheme)
        window = MainWindow()
        window.resize(*size)
        window.show()
        window.open_pair(SAMPLE_A, SAMPLE_B)
        window.session.wait_for_alignment()
        for _ in range(5):
            app.processEvents()
        session = window.session
        links = session.links_in_order()
        if links:
            session.set_link_status(links[0].id, LinkStatus.ACCEPTED)
        if links:
            session.select("link", links[min(1, len(links) - 1)].id)
        app.processEvents()
        path = out_dir / name
        window.grab().save(str(path))
        written.append(path)
        session.undo_stack.setClean()
        window.close()
        window.deleteLater()
        app.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    with tempfile.TemporaryDirectory() as settings:
        os.environ["XDG_DATA_HOME"] = settings  # autosaves of this run stay in the scratch dir
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
        for path in take_screenshots(Path(args[0] if args else "docs/screenshots")):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
