"""Suggested partners scored in the alignment worker process, off the window's thread.

Scoring every sentence pair of a news-sized pair takes tens of milliseconds, a long pair's
unmatched sentences seconds: either would stall the window, so the shared worker process
(align_child.py) builds the `PairSuggestions` and sends it back; reading suggestions from it
for any passage and any links is then a lookup. Only the newest request's answer is used,
and a new request cancels the one before it, which the worker then stops scoring. The
worker also drops a request to align first (see align_child.py): `gave_way` says so, and the
owner asks again when the links are settled.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from annotator.core import AlignmentLink, Document, Span
from annotator.core.suggest import PairSuggestions

from .align_worker import _Job, _JobSignals, shared_worker

KEEP = 12  # partners kept per sentence: enough for 3 after skipping the linked ones

_ids = itertools.count(1_000_000_000)  # apart from the alignment jobs' generations


class SuggestRunner(QObject):
    """Signals: ready(PairSuggestions) for the newest request; failed(str); gave_way(): the
    newest request was dropped for an alignment or segment job, nothing will answer it."""

    ready = Signal(object)
    failed = Signal(str)
    gave_way = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _JobSignals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)
        self._newest = 0

    def request(self, doc_a: Document, doc_b: Document, links: Iterable[AlignmentLink],
                spans: Iterable[tuple[str, Span]] = ()) -> None:
        """Score the pair for these links' unmatched sentences and these passages."""
        self._cancel_newest()
        generation = self._newest = next(_ids)
        job = _Job(generation, doc_a, doc_b, [])
        shared_worker().submit(job, self._signals, (
            "suggest", generation, doc_a, doc_b, list(links), list(spans), KEEP))

    def forget(self) -> None:
        """Drop whatever is still on its way (a new project)."""
        self._cancel_newest()
        self._newest = 0

    def _cancel_newest(self) -> None:
        if self._newest:
            shared_worker().cancel(self._newest)

    def _on_done(self, generation: int, result: list[PairSuggestions], *_rest: object) -> None:
        if generation == self._newest and result:
            self.ready.emit(result[0])

    def _on_cancelled(self, generation: int) -> None:
        if generation == self._newest:  # older ones this runner cancelled itself
            self._newest = 0
            self.gave_way.emit()

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._newest:
            self.failed.emit(message)
