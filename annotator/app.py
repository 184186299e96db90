"""Start the desktop app: `annotator [A.txt B.txt | project.xml]`.

The only place that creates the QApplication and joins the window to its arguments.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from annotator import __version__

USAGE = "usage: annotator [A.txt B.txt | project.xml]"


def configure_application(app: QApplication) -> None:
    """Names that QSettings keys on, the theme, and the app's identity."""
    from annotator.ui.theme import apply_theme

    app.setOrganizationName("annotator")
    app.setApplicationName("annotator")
    app.setApplicationDisplayName("Annotator")
    app.setApplicationVersion(__version__)
    apply_theme(app, str(QSettings().value("theme", "auto")))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if any(a in {"-h", "--help"} for a in args) or len(args) > 2:
        print(USAGE, file=sys.stderr if len(args) > 2 else sys.stdout)
        return 0 if len(args) <= 2 else 2
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "annotator"])
    configure_application(app)

    from annotator.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    # after the event loop starts, so a dialog has a visible window behind it
    QTimer.singleShot(0, lambda: window.start(args))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
