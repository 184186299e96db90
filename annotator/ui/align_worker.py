"""Run `align()` off the UI thread, with progress, cancel and stale-result protection.

One job runs at a time on a private one-thread pool. Each job carries a generation number;
starting a new job cancels the old one (align's progress callback returns False, align raises
Cancelled) and any result that still arrives from an older generation is dropped, so a
dragged threshold slider never applies an outdated alignment.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core import AlignmentLink, AlignOptions, Cancelled, Document, align


class _JobSignals(QObject):
    progress = Signal(int, float)  # generation, fraction done
    done = Signal(int, list)  # generation, proposals
    cancelled = Signal(int)
    failed = Signal(int, str)


class _AlignJob(QRunnable):
    def __init__(self, generation: int, doc_a: Document, doc_b: Document, options: AlignOptions,
                 anchors: Sequence[AlignmentLink], signals: _JobSignals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the reference; see AlignRunner._jobs
        self.generation = generation
        self.args = (doc_a, doc_b, options, list(anchors))
        self.signals = signals
        self.cancel_flag = threading.Event()

    def _progress(self, fraction: float) -> bool:
        if self.cancel_flag.is_set():
            return False
        self.signals.progress.emit(self.generation, fraction)
        return True

    def run(self) -> None:
        doc_a, doc_b, options, anchors = self.args
        try:
            links = align(doc_a, doc_b, options, anchors, self._progress)
        except Cancelled:
            self.signals.cancelled.emit(self.generation)
        except Exception as exc:  # the UI must survive any aligner bug; show it instead
            self.signals.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(self.generation, links)


class AlignRunner(QObject):
    """Starts, cancels and reports alignment jobs.

    Signals:
        started(): a job was queued.
        progress(float): fraction done of the current job.
        finished(list, object): the current job's proposals and the anchors it was given.
        cancelled(): the current job was cancelled (not emitted for superseded jobs).
        failed(str): the aligner raised; the message says what.
    """

    started = Signal()
    progress = Signal(float)
    finished = Signal(list, object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _JobSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.done.connect(self._on_done)
        self._signals.cancelled.connect(self._on_cancelled)
        self._signals.failed.connect(self._on_failed)
        self._generation = 0
        self._jobs: dict[int, _AlignJob] = {}
        self._user_cancelled = False

    @property
    def running(self) -> bool:
        return self._generation in self._jobs

    def start(self, doc_a: Document, doc_b: Document, options: AlignOptions,
              anchors: Sequence[AlignmentLink]) -> None:
        for job in self._jobs.values():
            job.cancel_flag.set()
        self._generation += 1
        self._user_cancelled = False
        job = _AlignJob(self._generation, doc_a, doc_b, options, anchors, self._signals)
        self._jobs[self._generation] = job
        self._pool.start(job)
        self.started.emit()

    def cancel(self) -> None:
        """Ask the current job to stop; `cancelled` follows once it has."""
        job = self._jobs.get(self._generation)
        if job is not None:
            self._user_cancelled = True
            job.cancel_flag.set()

    def shutdown(self) -> None:
        """Cancel everything and wait for the worker thread (window closing)."""
        for job in self._jobs.values():
            job.cancel_flag.set()
        self._pool.waitForDone()
        self._jobs.clear()

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _finish(self, generation: int) -> _AlignJob | None:
        job = self._jobs.pop(generation, None)
        return job if generation == self._generation else None

    def _on_progress(self, generation: int, fraction: float) -> None:
        if generation == self._generation and generation in self._jobs:
            self.progress.emit(fraction)

    def _on_done(self, generation: int, links: list[AlignmentLink]) -> None:
        job = self._finish(generation)
        if job is not None:
            self.finished.emit(links, job.args[3])

    def _on_cancelled(self, generation: int) -> None:
        if self._finish(generation) is not None and self._user_cancelled:
            self.cancelled.emit()

    def _on_failed(self, generation: int, message: str) -> None:
        if self._finish(generation) is not None:
            self.failed.emit(message)
