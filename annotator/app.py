"""Start the desktop app: `annotator [A.txt B.txt | project.xml]`.

The only place that creates the QApplication and joins the window to its arguments.
"""

from __future__ import annotations

import os
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


# Qt platforms that draw without a window system
_HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"}


def display_problem(environ: dict[str, str] | None = None, platform: str = sys.platform) -> str:
    """Why no window can open here ("" if one can): Qt aborts the process otherwise."""
    env = os.environ if environ is None else environ
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return ""
    qpa = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0]
    if qpa in _HEADLESS_PLATFORMS or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return ""
    from annotator.cli import subcommand_names

    names = ", ".join(n for n in subcommand_names() if n != "bench")
    return ("annotator: no display to open the desktop app on (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set). Start it in a graphical session, or use the "
            f"command-line subcommands: {names} (annotator --help).")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if any(a in {"-h", "--help"} for a in args) or len(args) > 2:
        print(USAGE, file=sys.stderr if len(args) > 2 else sys.stdout)
        return 0 if len(args) <= 2 else 2
    if len(args) == 1 and not args[0].lower().endswith(".xml"):
        print(f"annotator: {args[0]} is one article; name two (A, then B) or one project "
              f".xml\n{USAGE}", file=sys.stderr)
        return 2
    problem = display_problem()
    if problem and QApplication.instance() is None:
        print(problem, file=sys.stderr)
        return 2
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
