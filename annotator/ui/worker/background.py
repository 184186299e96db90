"""A blocking core call run off the UI thread, while the window keeps painting.

Reading a saved long project (XML parse, schema check, the consistency checks, thousands of
links) takes seconds on a book-length pair, all of it in one turn of the UI thread.
Here it runs in a thread while a local event loop keeps paints and timers going: lxml parses
and validates without the GIL, and the Python parts hand it back every few milliseconds.
User input waits until the call returns
(Qt queues it), so nothing can act on a half-replaced state, and the caller still gets the
result, or the exception, as from a direct call.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication

T = TypeVar("T")

POLL_MS = 5  # how often the local loop looks whether the thread is done


def call_off_ui_thread(work: Callable[[], T]) -> T:
    """`work()`, run in a worker thread while this thread's event loop handles everything but
    user input; returns its result or raises its exception. Without a Qt application (tests of
    the core, scripts) it is a plain call."""
    if QCoreApplication.instance() is None:
        return work()
    value: list[T] = []
    error: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            value.append(work())
        except BaseException as exc:  # handed to the caller below, on the UI thread
            error.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=run, name="annotator-background", daemon=True)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)

    def finish_when_done() -> None:
        if done.is_set():
            loop.quit()

    timer.timeout.connect(finish_when_done)
    cursor = isinstance(QCoreApplication.instance(), QGuiApplication)
    if cursor:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        thread.start()
        timer.start()
        if not done.is_set():
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        timer.stop()
        if cursor:
            QGuiApplication.restoreOverrideCursor()
    thread.join()
    if error:
        raise error[0]
    return value[0]
