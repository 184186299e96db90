"""Render docs/screenshots/claims.png: the sample pair with tagged, nested and linked claims.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m annotator.ui.claim_screenshot docs/screenshots

Settings and autosaves go to a temporary folder, so the user's own configuration and
recovery files are never read or changed.
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

# (document, quoted text, claim type); then links between claims by index, with a relation
DEMO_CLAIMS = (
    ("A", "its allies Russia and China show little signs of support", "opinion"),
    ("A", "Venezuelan President Nicolás Maduro faces escalating geopolitical isolation",
     "factual"),
    ("A", "Despite years of political, financial, and military backing from both China and "
          "Russia", "factual"),
    ("A", "significant US military deployment to the Caribbean region, including a "
          "nuclear-powered submarine, surveillance aircraft, and approximately 15,000 troops",
     "factual"),
    ("A", "approximately 15,000 troops", "statistic"),
    ("B", "Venezuela's allies Russia and China are slinking away", "opinion"),
    ("B", "Venezuelan President Nicolás Maduro is encountering dwindling support from his "
          "traditional allies, Russia and China", "factual"),
    ("B", "Russia and China have supported Maduro’s administration through military "
          "equipment, financial aid, and training", "factual"),
    ("B", "Vladimir Rouvinski, an international relations professor at Icesi University, noted",
     "attribution"),
    ("B", "two nuclear-capable bombers to Venezuela in 2018", "statistic"),
)
DEMO_LINKS = ((0, 5, "paraphrase"), (1, 6, "same"), (2, 7, "elaborates"))
CURRENT = 1


def annotate_demo(window: object) -> list[str]:
    """Tag and link the demo claims in a window showing the sample pair; returns claim ids."""
    from annotator.ui import claim_ops as ops
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    session = window.session
    project = session.project
    assert project is not None
    ids = []
    for doc, part, type_id in DEMO_CLAIMS:
        text = project.document(doc).text
        start = text.index(part)
        ids.append(ops.add_claim(session, doc, start, start + len(part), type_id))
    ops.set_claim_attribute(session, ids[8], "source", "Vladimir Rouvinski")
    for source, target, relation in DEMO_LINKS:
        ops.link_claims(session, ids[source], ids[target], relation)
    session.select("claim", ids[CURRENT])
    return ids


def take_claims_screenshot(out_dir: Path, size: tuple[int, int] = (1500, 920)) -> Path:
    from annotator.app import configure_application
    from annotator.ui.claim_tools import ClaimTools
    from annotator.ui.main_window import MainWindow
    from annotator.ui.theme import apply_theme

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0]])
    configure_application(app)
    apply_theme(app, "light")
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow()
    if not isinstance(getattr(window, "claims", None), ClaimTools):
        window.claims = ClaimTools(window)  # type: ignore[attr-defined]
    window.resize(*size)
    window.show()
    window.open_pair(SAMPLE_A, SAMPLE_B)
    window.session.wait_for_alignment()
    for _ in range(5):
        app.processEvents()
    annotate_demo(window)
    for _ in range(5):
        app.processEvents()
    path = out_dir / "claims.png"
    window.grab().save(str(path))
    window.session.undo_stack.setClean()
    window.close()
    window.deleteLater()
    app.processEvents()
    return path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["XDG_DATA_HOME"] = scratch  # autosaves of this run stay in the scratch dir
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch)
        print(take_claims_screenshot(Path(args[0] if args else "docs/screenshots")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
