"""Render the README screenshots of the window on the bundled sample pair.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m annotator.ui.screenshot docs/screenshots

Writes comparison.png (light), comparison-dark.png and claims.png (tagged and linked claims,
from claim_screenshot.py). Settings and autosaves go to a temporary folder, so the user's own
configuration and recovery files are never read or changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_A = ROOT / "samples" / "000_7ef15a09e7207d90.txt"
SAMPLE_B = ROOT / "samples" / "001_f395bdecfdbba89e.txt"


def screenshot_of_sample(path: Path, scheme: str, size: tuple[int, int],
                         prepare: Callable[[object], object]) -> Path:
    """Open the sample pair in a fresh window, let `prepare(window)` set it up, grab it."""
    from annotator.app import configure_application
    from annotator.ui.main_window import MainWindow
    from annotator.ui.theme import apply_theme

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0]])
    configure_application(app)
    apply_theme(app, scheme)
    path.parent.mkdir(parents=True, exist_ok=True)
    window = MainWindow()
    window.resize(*size)
    window.show()
    window.open_pair(SAMPLE_A, SAMPLE_B)
    window.session.wait_for_alignment()
    for _ in range(5):
        app.processEvents()
    prepare(window)
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(path))
    window.session.undo_stack.setClean()
    window.close()
    window.deleteLater()
    app.processEvents()
    return path


def _review_demo(window: object) -> None:
    """Accept the first link and select the second, as a reviewer would."""
    from annotator.core import LinkStatus
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    session = window.session
    links = session.links_in_order()
    if links:
        session.set_link_status(links[0].id, LinkStatus.ACCEPTED)
        session.select("link", links[min(1, len(links) - 1)].id)


def take_screenshots(out_dir: Path, size: tuple[int, int] = (1440, 900)) -> list[Path]:
    """The comparison view in light and dark."""
    return [screenshot_of_sample(out_dir / name, scheme, size, _review_demo)
            for scheme, name in (("light", "comparison.png"), ("dark", "comparison-dark.png"))]


def main(argv: list[str] | None = None) -> int:
    from annotator.ui.claim_screenshot import take_claims_screenshot

    args = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    out_dir = Path(args[0] if args else "docs/screenshots")
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["XDG_DATA_HOME"] = scratch  # autosaves of this run stay in the scratch dir
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch)
        for path in [*take_screenshots(out_dir), take_claims_screenshot(out_dir)]:
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
