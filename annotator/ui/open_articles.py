"""Reading two articles for the window: off the UI thread, then the extraction preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from annotator.core import DocumentLoadError
from annotator.core.inputs import Extracted, is_url, read_source

from . import dialogs
from .worker.background import call_off_ui_thread
from .worker.cancellable import Cancelled, call_cancellable

PLAIN_KINDS = ("text", "markdown")  # shown as they are: nothing was extracted to check


def read_articles(window: QMainWindow, sources: list[str]) -> list[Extracted] | None:
    """The articles as the user accepted them, or None (an error was shown, or the preview
    was cancelled). A URL is fetched here, on this explicit request."""
    window.statusBar().showMessage("Reading " + " and ".join(
        s if is_url(s) else Path(s).name for s in sources) + "…")
    def read() -> list[Extracted]:
        return [read_source(s) for s in sources]

    try:
        if any(is_url(s) for s in sources):  # a server may stall: the user may give up
            found = call_cancellable(window, "Fetching " + " and ".join(
                s for s in sources if is_url(s)) + "…", read)
        else:
            found = call_off_ui_thread(read)
    except Cancelled:
        window.statusBar().showMessage("Opening cancelled; what was open stays open.", 6000)
        return None
    except DocumentLoadError as exc:
        window.statusBar().clearMessage()
        dialogs.show_error(window, "Cannot open the articles", str(exc))
        return None
    window.statusBar().clearMessage()
    if all(f.meta.kind in PLAIN_KINDS for f in found):
        return found
    return dialogs.review_extraction(
        window, [(side, src, f) for side, src, f in zip("AB", sources, found, strict=True)])
