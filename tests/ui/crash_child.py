"""Run as a separate process by test_autosave: annotate, wait for the autosave, then die.

`python -m tests.ui.crash_child STORE_DIR SETTINGS_DIR` opens the sample pair in the real
window, tags two claims and links them through the same operations the keys use, waits until
the autosave timer has written the side file, and kills itself with SIGKILL, so nothing
(no closeEvent, no atexit) gets a chance to clean up, as in a real crash.
"""

from __future__ import annotations

import os
import signal
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from annotator.core import edits
from annotator.core.recovery import RecoveryStore
from annotator.ui.autosave import Autosaver
from annotator.ui.main_window import MainWindow
from tests.conftest import SAMPLE_A, SAMPLE_B

CLAIM_A = "approximately 15,000 troops"
CLAIM_B = "over $30 billion in arms since 2000"


def main(store_dir: str, settings_dir: str) -> None:
    app = QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    window = MainWindow()
    autosaver = getattr(window, "autosaver", None)
    if isinstance(autosaver, Autosaver):
        autosaver.close()
    autosaver = Autosaver(window.session, RecoveryStore(store_dir), interval_ms=50)
    window.show()
    window.open_pair(SAMPLE_A, SAMPLE_B)
    session = window.session

    def annotate() -> None:
        if session.aligning:
            QTimer.singleShot(20, annotate)
            return
        project = session.project
        assert project is not None
        a, b = project.doc_a.text.index(CLAIM_A), project.doc_b.text.index(CLAIM_B)
        ca = session.edit(edits.add_claim, "A", a, a + len(CLAIM_A), "statistic")
        cb = session.edit(edits.add_claim, "B", b, b + len(CLAIM_B), "statistic")
        session.edit(edits.set_claim_attribute, cb, "source", "SIPRI")
        session.edit(edits.link_claims, ca, cb, "elaborates")

    def crash(_path: str) -> None:
        print("autosaved", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

    autosaver.saved.connect(crash)
    QTimer.singleShot(0, annotate)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
