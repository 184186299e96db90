"""A blocking call the user may walk away from: fetching a web address.

`call_off_ui_thread` keeps user input queued until its call returns, which is right for
reading a file (seconds at most) but not for a server that stalls: a fetch may take its
whole 20 s timeout per address, and the window took no click or key for that long. Here a
modal busy dialog with a Cancel button is up while the call runs; Cancel returns at once and
the call's result, when it comes, is dropped (the fetch ends on its own deadline in its
daemon thread, and nothing it read is used).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from .background import ThreadCall, quit_when_done

T = TypeVar("T")


class Cancelled(Exception):
    """The user pressed Cancel before the call ended."""


def call_cancellable(parent: QWidget, label: str, work: Callable[[], T]) -> T:
    """`work()` in a worker thread behind a modal "busy" dialog; its result, or its
    exception; `Cancelled` when the user cancels first."""
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)  # 0, 0: busy, no percentage
    dialog.setWindowTitle("Opening")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    loop = QEventLoop()
    dialog.canceled.connect(loop.quit)  # the Cancel button, or closing the dialog
    dialog.finished.connect(loop.quit)  # Escape
    dialog.show()
    call = ThreadCall(work, "annotator-fetch")
    timer = quit_when_done(call, loop)
    try:
        if not call.done.is_set():
            loop.exec()
    finally:
        timer.stop()
        dialog.close()
        dialog.deleteLater()
    if not call.done.is_set():
        raise Cancelled
    return call.result()
