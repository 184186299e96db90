"""The alignment worker process's side: a loop that runs `align()` jobs sent by the app.

Plain Python (no Qt: the process never imports PySide6). Aligning in a thread of the app
held the GIL for seconds at a time and froze the window in 100 ms bursts; in a process of
its own the aligner shares nothing with the UI thread. The protocol is tuples on a
multiprocessing queue (jobs) and a pipe (results, pickled here, unpickled by the app's
reader thread with the garbage collector paused):

    app -> worker:  ("align", generation, doc_a, doc_b, options, anchors, want_sentences)
                    ("segment", generation, doc_a, doc_b)
                    ("suggest", generation, doc_a, doc_b, links, spans, keep)
                    ("cancel", generation)
                    None  (quit)
    worker -> app:  ("progress", generation, fraction)
                    ("sentences", generation, sentences_a, sentences_b)  (before aligning)
                    ("done", generation, links, sentences_a, sentences_b, summary)
                        (sentences None: sent before; summary None for a segment job;
                        a suggest job's "links" is [PairSuggestions], the rest None)
                    ("cancelled", generation)  (also: a suggest job gave way, see below)
                    ("failed", generation, message)

A finished alignment also brings the `LinkSummary` of its links with the anchors: the
position index, counts, coverage and unmatched sentences, which on a long pair would stall
the UI thread if it computed them. (The links and the index travel in one pickle, so
the index holds the very link objects the app receives.)

Cancelling stays cooperative, as with the thread: align's progress callback reads any
messages that arrived meanwhile and returns False once its job was cancelled. Sentences
travel back with the links so the app can shade unmatched passages without segmenting a
long text itself. Segmented documents are kept (the last few), so re-aligning at another
threshold does not split the same texts into sentences again.

A suggestion job gives way to an alignment or segment job that arrives while it runs:
scoring a long pair's suggestions takes most of a second, and the user who moved the
threshold is waiting for the alignment, not for suggestions about links it will replace.
The suggestion's stop check reads the inbox between its steps; when an alignment or a
segment job waits, the suggestion is abandoned and reported cancelled, and its owner asks
again once that job is over (for the new links: what it was scoring would be stale).
Waiting alignment and segment jobs run before waiting suggestion jobs.
"""

from __future__ import annotations

import os
import pickle
import queue
import threading
from collections import OrderedDict, deque
from collections.abc import Callable
from multiprocessing import parent_process
from multiprocessing.connection import Connection, wait
from typing import Any

from annotator.core import Cancelled, Document
from annotator.core.align import AlignMemo
from annotator.core.pair import CORES_ENV, align_documents, segment_pair
from annotator.core.queries.link_facts import summarize
from annotator.core.suggest import PairSuggestions

KEEP_DOCUMENTS = 4  # segmented documents remembered across jobs (two pairs)


class _Quit(Exception):
    """The app asked the worker to stop while a job was running."""


URGENT = ("align", "segment")  # jobs that a running suggestion job gives way to


class Worker:
    """One worker process's state: queued jobs, cancelled generations, segmented texts."""

    def __init__(self, jobs: Any, results: Any) -> None:
        self.jobs = jobs
        self.results = results
        self.pending: deque[tuple[Any, ...]] = deque()
        self.cancelled: set[int] = set()
        self.quit = False
        self.documents: OrderedDict[tuple[str, str], Document] = OrderedDict()
        self.memo = AlignMemo()  # re-aligning the same pair skips its scoring

    def take(self, message: tuple[Any, ...] | None) -> None:
        if message is None:
            self.quit = True
        elif message[0] == "cancel":
            self.cancelled.add(message[1])
        else:
            self.pending.append(message)

    def drain(self) -> None:
        """Read every message that arrived while a job ran (cancels, newer jobs, quit)."""
        while True:
            try:
                self.take(self.jobs.get_nowait())
            except queue.Empty:
                return

    def document(self, doc: Document) -> Document:
        """The segmented copy of `doc` when this worker has split the same text before."""
        key = (doc.id, doc.text)
        known = self.documents.get(key)
        if known is not None:
            self.documents.move_to_end(key)
            return known
        self.documents[key] = doc
        while len(self.documents) > KEEP_DOCUMENTS:
            self.documents.popitem(last=False)
        return doc

    def next_job(self) -> tuple[Any, ...]:
        """The first alignment or segment job waiting, else the first job: suggestion jobs
        wait for those (see the module's docstring)."""
        for k, queued in enumerate(self.pending):
            if queued[0] in URGENT:
                del self.pending[k]
                return queued
        return self.pending.popleft()

    def stop_check(self, generation: int) -> Callable[[], bool]:
        """A suggestion job's stop check: stop when the job was cancelled or an alignment or
        segment job is waiting (read from the inbox now); the app quitting ends the job."""

        def stop() -> bool:
            self.drain()
            if self.quit:
                raise _Quit
            return generation in self.cancelled or any(
                queued[0] in URGENT and queued[1] not in self.cancelled
                for queued in self.pending)

        return stop

    def serve(self) -> None:
        while not self.quit:
            if not self.pending:
                self.take(self.jobs.get())
            self.drain()
            if self.quit or not self.pending:
                continue
            job = self.next_job()
            generation = job[1]
            if generation in self.cancelled:
                self.cancelled.discard(generation)
                self.results.put(("cancelled", generation))
                continue
            try:
                self.results.put(self.run(job))
            except Cancelled:
                self.results.put(("cancelled", generation))
            except _Quit:
                return
            except Exception as exc:  # the app must survive any aligner bug; it shows it
                self.results.put(("failed", generation, f"{type(exc).__name__}: {exc}"))
            self.cancelled.discard(generation)

    def run(self, job: tuple[Any, ...]) -> tuple[Any, ...]:
        kind, generation = job[0], job[1]
        doc_a, doc_b = self.document(job[2]), self.document(job[3])
        if kind == "segment":
            segment_pair(doc_a, doc_b)  # a long pair: A split in a forked child, B here
            return ("done", generation, [], doc_a.sentences, doc_b.sentences, None)
        if kind == "suggest":
            segment_pair(doc_a, doc_b)
            table = PairSuggestions.for_links(doc_a, doc_b, job[4], job[5], job[6],
                                              self.memo, self.stop_check(generation))
            return ("done", generation, [table], None, None, None)
        options, anchors, want_sentences = job[4], job[5], job[6]

        def progress(fraction: float) -> bool:
            self.drain()
            if self.quit:
                raise _Quit
            if generation in self.cancelled:
                return False
            self.results.put(("progress", generation, fraction))
            return True

        if want_sentences:  # sent now, so the app unpacks them while the aligner runs
            segment_pair(doc_a, doc_b)
            self.results.put(("sentences", generation, doc_a.sentences, doc_b.sentences))
        links = align_documents(doc_a, doc_b, options, anchors, progress, self.memo)
        return ("done", generation, links, None, None, summarize(doc_a, doc_b, anchors + links))


def _exit_with_parent() -> None:
    """A killed app (SIGKILL, a crash) cannot stop its worker: the worker stops itself."""
    parent = parent_process()
    if parent is not None:
        wait([parent.sentinel])
        os._exit(0)


class Outbox:
    """The results pipe's writing end, with the queue's `put` (sends from one thread only)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def put(self, message: tuple[Any, ...]) -> None:
        self.connection.send_bytes(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))


def serve(jobs: Any, results: Connection) -> None:
    """The worker process's main function."""
    # daemonic, but the app's only aligner: a long pair may fork for a second core
    os.environ.setdefault(CORES_ENV, "2")
    threading.Thread(target=_exit_with_parent, name="watch-parent", daemon=True).start()
    Worker(jobs, Outbox(results)).serve()
