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
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication

T = TypeVar("T")

POLL_MS = 5  # how often the local loop looks whether the thread is done


class ThreadCall(Generic[T]):
    """`work()` started in a daemon thread; `done` is set when it ends, `result()` then
    gives its value or raises its exception (on the caller's thread)."""

    def __init__(self, work: Callable[[], T], name: str) -> None:
        self._work = work
        self._value: list[T] = []
        self._error: list[BaseException] = []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self._value.append(self._work())
        except BaseException as exc:  # handed to the caller by result(), on its thread
            self._error.append(exc)
        finally:
            self.done.set()

    def result(self) -> T:
        if self._error:
            raise self._error[0]
        return self._value[0]


def quit_when_done(call: ThreadCall[T], loop: QEventLoop) -> QTimer:
    """A started timer that ends `loop` once `call` is done (polled every POLL_MS)."""
    timer = QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(lambda: loop.quit() if call.done.is_set() else None)
    timer.start()
    return timer


def call_off_ui_thread(work: Callable[[], T]) -> T:
    """`work()`, run in a worker thread while this thread's event loop handles everything but
    user input; returns its result or raises its exception. Without a Qt application (tests of
    the core, scripts) it is a plain call."""
    if QCoreApplication.instance() is None:
        return work()
    cursor = isinstance(QCoreApplication.instance(), QGuiApplication)
    if cursor:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    loop = QEventLoop()
    call = ThreadCall(work, "annotator-background")
    timer = quit_when_done(call, loop)
    try:
        if not call.done.is_set():
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        timer.stop()
        if cursor:
            QGuiApplication.restoreOverrideCursor()
    call.thread.join()
    return call.result()
