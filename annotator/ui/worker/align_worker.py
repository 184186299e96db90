"""Run `align()` in a worker process, with progress, cancel and stale-result protection.

The aligner is pure Python and numpy; in a thread it held the GIL long enough to stall the
window in 100 ms bursts for the whole alignment, so it runs in a process of its own (spawned,
never forked: the app has Qt threads). One process serves every session of the app; it is
started when the first session is made, so its start-up (importing numpy and the aligner)
overlaps building the window. See align_child.py for the other side. (The program's main
module is not re-imported in the worker, unlike multiprocessing's default; see
`_main_module_hidden`.)

Each job carries a generation number; starting a new job cancels the old one (align's progress
callback returns False in the worker, align raises Cancelled) and any result that still
arrives from an older generation is dropped, so a dragged threshold slider never applies an
outdated alignment. A reader thread turns the worker's messages into queued Qt signals.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import itertools
import multiprocessing
import pickle
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator.core import AlignmentLink, AlignOptions, Document
from annotator.core.align.speed.gcpause import gc_paused
from annotator.core.queries.link_facts import LinkSummary
from annotator.core.segment import Segment

from . import align_child

POLL_SECONDS = 0.5  # how often the reader checks that the worker is still alive
FREEZE_ABOVE = 100_000  # bytes: messages this big (sentences, links) are frozen after use


def unpickle_quietly(data: bytes) -> Any:
    """A worker message, unpickled with the cycle collector paused; a big one's objects are
    then frozen out of its sight.

    A finished alignment on the 100k pair is some 100k objects (links, spans, the index);
    unpickling them set off a full collection in this thread, with the GIL held,
    which stalled the window as surely as work on the UI thread, and every later full
    collection walked them again. They hold no cycles and are freed by reference counting
    once a newer alignment replaces them (frozen objects are freed like any other); the
    price is that cyclic garbage present at that moment is never collected (a few objects).
    """
    with gc_paused():
        message = pickle.loads(data)
        if len(data) > FREEZE_ABOVE:
            gc.freeze()
        return message


def adopt_sentences(doc: Document, sentences: list[Segment] | None) -> None:
    """Store sentences the worker computed as `doc.sentences` (the same value the cached
    property would compute here, minus seconds of segmenting on the UI thread)."""
    if sentences is not None:
        doc.adopt_sentences(sentences)


class _JobSignals(QObject):
    progress = Signal(int, float)  # generation, fraction done
    sentences = Signal(int, object, object)  # generation, sentences of A and B
    # generation, proposals, sentences of A and B (None: sent before), LinkSummary
    done = Signal(int, list, object, object, object)
    cancelled = Signal(int)
    failed = Signal(int, str)


@dataclass
class _Job:
    generation: int
    doc_a: Document
    doc_b: Document
    anchors: list[AlignmentLink]
    segment_only: bool = False
    over: threading.Event = field(default_factory=threading.Event)


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start a spawned process without re-running the program's main module in it.

    Spawning imports the parent's `__main__` in the child unless it has neither a file nor a
    spec; the worker's target lives in align_child, so it needs none of it, and a script's
    top-level imports (PySide6, benchmark baselines) only delayed the worker's first job."""
    main = sys.modules.get("__main__")
    saved: dict[str, object] = {k: main.__dict__[k] for k in ("__file__", "__spec__")
                                if main is not None and k in main.__dict__}
    try:
        if main is not None:
            main.__dict__.pop("__file__", None)
            main.__dict__["__spec__"] = None
        yield
    finally:
        if main is not None:
            main.__dict__.pop("__spec__", None)
            main.__dict__.update(saved)


class WorkerProcess:
    """The process and the thread that reads its messages; routes each to its job's owner."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.jobs: Any = ctx.Queue()
        self.jobs.cancel_join_thread()  # never hang the app's exit on a dead worker's pipe
        # results come through a plain pipe, not a queue, so the reader can unpickle them
        # itself (see unpickle_quietly)
        self.results, outbox = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=align_child.serve, args=(self.jobs, outbox),
                                   name="annotator-align", daemon=True)
        with _main_module_hidden():
            self.process.start()
        outbox.close()  # the worker holds the only writing end: its death reads as end of file
        self._lock = threading.Lock()
        self._routes: dict[int, tuple[_Job, _JobSignals]] = {}
        self.stopped = False
        threading.Thread(target=self._read, name="align-reader", daemon=True).start()

    def submit(self, job: _Job, signals: _JobSignals, message: tuple[Any, ...]) -> None:
        with self._lock:
            self._routes[job.generation] = (job, signals)
        self.jobs.put(message)  # pickled and written by the queue's feeder thread

    def cancel(self, generation: int) -> None:
        if not self.stopped:
            self.jobs.put(("cancel", generation))

    def stop(self) -> None:
        if self.stopped:
            return
        self.stopped = True
        self.jobs.put(None)
        self.process.join(1.0)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(1.0)

    def _read(self) -> None:
        while True:
            try:
                if not self.results.poll(POLL_SECONDS):
                    if not self.process.is_alive():
                        self._worker_died()
                        return
                    continue
                data = self.results.recv_bytes()
            except (EOFError, OSError):
                self._worker_died()
                return
            self._deliver(unpickle_quietly(data))

    def _deliver(self, message: tuple[Any, ...]) -> None:
        kind, generation = message[0], message[1]
        with self._lock:
            route = self._routes.get(generation) if kind in ("progress", "sentences") else (
                self._routes.pop(generation, None))
        if route is None:
            return
        job, signals = route
        try:  # the receiving session may be gone; then nobody needs the message
            if kind == "progress":
                signals.progress.emit(generation, message[2])
            elif kind == "sentences":
                signals.sentences.emit(generation, message[2], message[3])
            elif kind == "done":
                signals.done.emit(generation, *message[2:6])
            elif kind == "cancelled":
                signals.cancelled.emit(generation)
            else:
                signals.failed.emit(generation, message[2])
        except RuntimeError:
            pass
        finally:
            if kind not in ("progress", "sentences"):
                job.over.set()

    def _worker_died(self) -> None:
        self.stopped = True
        code = self.process.exitcode
        with self._lock:
            routes, self._routes = list(self._routes.items()), {}
        message = f"The alignment worker stopped unexpectedly (exit code {code})."
        for generation, (job, signals) in routes:
            with contextlib.suppress(RuntimeError):
                signals.failed.emit(generation, message)
            job.over.set()


_shared: WorkerProcess | None = None
_shared_lock = threading.Lock()
_generations = itertools.count(1)


def shared_worker() -> WorkerProcess:
    """The app's worker process, (re)started when there is none."""
    global _shared
    with _shared_lock:
        if _shared is None:
            # First session: start-up is over. Its objects (modules, classes, Qt wrappers;
            # ~45k) live as long as the app, so move them out of the garbage collector's
            # sight, so a full collection on the UI thread (which can land in any event-loop
            # turn) walks only what the session made.
            gc.freeze()
        if _shared is None or _shared.stopped:
            _shared = WorkerProcess()
        return _shared


@atexit.register
def _stop_shared_worker() -> None:
    if _shared is not None:
        _shared.stop()


class AlignRunner(QObject):
    """Starts, cancels and reports alignment jobs.

    Signals:
        started(): a job was queued.
        progress(float): fraction done of the current job.
        finished(list, object, object): the current job's proposals, the anchors it was given
            and the `LinkSummary` of both together (computed in the worker).
        cancelled(): the current job was cancelled (not emitted for superseded jobs).
        failed(str): the aligner raised (or its process died); the message says what.
        segmented(object, object): `segment()` put sentences on these two documents.
    """

    started = Signal()
    progress = Signal(float)
    finished = Signal(list, object, object)
    cancelled = Signal()
    failed = Signal(str)
    segmented = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _JobSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.sentences.connect(self._on_sentences)
        self._signals.done.connect(self._on_done)
        self._signals.cancelled.connect(self._on_cancelled)
        self._signals.failed.connect(self._on_failed)
        self._generation = 0
        self._jobs: dict[int, _Job] = {}  # jobs whose result this runner still wants
        self._waitable: list[_Job] = []  # every job not known to be over, for wait()
        self._user_cancelled = False
        shared_worker()  # start the process now, while the window is still being built

    @property
    def running(self) -> bool:
        return self._generation in self._jobs

    def start(self, doc_a: Document, doc_b: Document, options: AlignOptions,
              anchors: Sequence[AlignmentLink]) -> None:
        self._cancel_all()
        self._generation = next(_generations)
        self._user_cancelled = False
        job = _Job(self._generation, doc_a, doc_b, list(anchors))
        want_sentences = not (doc_a.segmented and doc_b.segmented)
        self._submit(job, ("align", job.generation, doc_a, doc_b, options, job.anchors,
                           want_sentences))
        self.started.emit()

    def segment(self, doc_a: Document, doc_b: Document) -> None:
        """Split both documents into sentences in the worker; `segmented` follows."""
        job = _Job(next(_generations), doc_a, doc_b, [], segment_only=True)
        self._submit(job, ("segment", job.generation, doc_a, doc_b))

    def _submit(self, job: _Job, message: tuple[Any, ...]) -> None:
        self._jobs[job.generation] = job
        self._waitable = [j for j in self._waitable if not j.over.is_set()] + [job]
        shared_worker().submit(job, self._signals, message)

    def cancel(self) -> None:
        """Ask the current job to stop; `cancelled` follows once it has."""
        if self._generation in self._jobs:
            self._user_cancelled = True
            shared_worker().cancel(self._generation)

    def _cancel_all(self) -> None:
        for generation, job in list(self._jobs.items()):
            if not job.segment_only:
                shared_worker().cancel(generation)
                del self._jobs[generation]

    def shutdown(self) -> None:
        """Cancel everything and forget it (a new project, or the window closing); whatever
        the worker still sends for these jobs is dropped. Never blocks."""
        self._cancel_all()
        self._jobs.clear()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job sent so far is over (its last signal is queued)."""
        timeout = None if msecs < 0 else msecs / 1000
        return all(job.over.wait(timeout) for job in self._waitable)

    def _finish(self, generation: int) -> _Job | None:
        job = self._jobs.pop(generation, None)
        return job if job is not None and (generation == self._generation
                                           or job.segment_only) else None

    def _on_progress(self, generation: int, fraction: float) -> None:
        if generation == self._generation and generation in self._jobs:
            self.progress.emit(fraction)

    def _on_sentences(self, generation: int, sentences_a: list[Segment],
                      sentences_b: list[Segment]) -> None:
        job = self._jobs.get(generation)
        if job is not None:
            adopt_sentences(job.doc_a, sentences_a)
            adopt_sentences(job.doc_b, sentences_b)

    def _on_done(self, generation: int, links: list[AlignmentLink],
                 sentences_a: list[Segment] | None, sentences_b: list[Segment] | None,
                 summary: LinkSummary | None) -> None:
        job = self._jobs.get(generation)
        if job is not None:  # sentences are worth keeping even from a superseded job
            adopt_sentences(job.doc_a, sentences_a)
            adopt_sentences(job.doc_b, sentences_b)
        job = self._finish(generation)
        if job is None:
            return
        if job.segment_only:
            self.segmented.emit(job.doc_a, job.doc_b)
        else:
            self.finished.emit(links, job.anchors, summary)

    def _on_cancelled(self, generation: int) -> None:
        job = self._finish(generation)
        if job is not None and not job.segment_only and self._user_cancelled:
            self.cancelled.emit()

    def _on_failed(self, generation: int, message: str) -> None:
        job = self._finish(generation)
        if job is not None and not job.segment_only:
            self.failed.emit(message)
