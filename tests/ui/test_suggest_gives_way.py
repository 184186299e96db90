"""A suggestion job gives way to an alignment that comes in while it runs, and the window asks
again afterwards; an answer to a superseded request is never shown."""

from __future__ import annotations

import queue
from collections import deque
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import AlignOptions, Document
from annotator.core import suggest as suggest_module
from annotator.core.suggest import PairSuggestions
from annotator.ui.main_window import MainWindow
from annotator.ui.worker import align_child
from annotator.ui.worker.suggest_runner import SuggestRunner
from tests.conftest import SAMPLE_A, SAMPLE_B


class Inbox:
    """The worker's job queue, scripted: `get` hands out `first` in order, then None (quit);
    what is `put` arrives later, at the worker's next look at its inbox."""

    def __init__(self, *first: tuple[Any, ...] | None) -> None:
        self.first = deque(first)
        self.later: deque[tuple[Any, ...] | None] = deque()

    def get(self) -> tuple[Any, ...] | None:
        if self.later:
            return self.later.popleft()
        return self.first.popleft() if self.first else None

    def get_nowait(self) -> tuple[Any, ...] | None:
        if not self.later:
            raise queue.Empty
        return self.later.popleft()

    def put(self, message: tuple[Any, ...] | None) -> None:
        self.later.append(message)


def _docs() -> tuple[Document, Document]:
    return Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B")


def test_an_alignment_that_comes_in_stops_a_running_suggestion_job(
        monkeypatch: pytest.MonkeyPatch) -> None:
    doc_a, doc_b = _docs()
    suggest_job = ("suggest", 7, doc_a, doc_b, [], [], 12)
    align_job = ("align", 8, doc_a, doc_b, AlignOptions(), [], True)
    inbox = Inbox(suggest_job)
    results: list[tuple[Any, ...]] = []
    worker = align_child.Worker(inbox, type("Out", (), {"put": staticmethod(results.append)}))
    checks: list[str] = []  # what the suggestion job's stop checks saw
    real_check = worker.stop_check

    def stop_check(generation: int) -> Any:
        inbox.put(align_job)  # the user moved the threshold just as the suggestion started
        check = real_check(generation)

        def counted() -> bool:
            stop = check()
            checks.append("stop" if stop else "go on")
            return stop

        return counted

    scored: list[int] = []
    monkeypatch.setattr(worker, "stop_check", stop_check)
    monkeypatch.setattr(suggest_module, "score_pairs",
                        lambda *_a, **_k: scored.append(1))  # reached only if not stopped
    worker.serve()
    kinds = [(m[0], m[1]) for m in results if m[0] != "progress"]
    assert kinds == [("cancelled", 7), ("sentences", 8), ("done", 8)]
    assert checks == ["stop"] and not scored  # it gave way at its first check
    assert results[-1][2]  # the alignment's links


def test_waiting_alignments_run_before_waiting_suggestion_jobs() -> None:
    worker = align_child.Worker(Inbox(), None)
    worker.pending.extend([("suggest", 1), ("suggest", 2), ("align", 3), ("segment", 4)])
    assert [worker.next_job()[1] for _ in range(4)] == [3, 4, 1, 2]


def test_a_stop_check_says_stop_when_its_job_is_cancelled_and_ends_on_quit() -> None:
    inbox = Inbox()
    worker = align_child.Worker(inbox, None)
    stop = worker.stop_check(5)
    assert not stop()
    inbox.put(("cancel", 5))
    assert stop()
    worker.cancelled.clear()
    inbox.put(("align", 6))
    inbox.put(("cancel", 6))
    assert not stop()  # a cancelled alignment is nothing to give way to
    inbox.put(None)
    with pytest.raises(align_child._Quit):
        stop()


def test_only_the_newest_request_is_answered_and_a_dropped_one_is_said(qtbot: QtBot) -> None:
    runner = SuggestRunner()
    doc_a, doc_b = _docs()
    table = PairSuggestions(doc_a, doc_b)
    runner.request(doc_a, doc_b, [])
    old = runner._newest
    runner.request(doc_a, doc_b, [])
    new = runner._newest
    shown: list[object] = []
    dropped: list[bool] = []
    runner.ready.connect(shown.append)
    runner.gave_way.connect(lambda: dropped.append(True))
    runner._on_done(old, [table])  # the superseded request's answer
    runner._on_cancelled(old)  # cancelled by the newer request: nothing to say
    assert not shown and not dropped
    with qtbot.waitSignal(runner.gave_way):
        runner._on_cancelled(new)
    runner._on_done(new, [table])  # an answer after it was dropped is not shown either
    assert not shown


def test_the_window_asks_again_after_the_alignment_its_request_gave_way_to(
        qtbot: QtBot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tools = sample_window.suggestions
    qtbot.waitUntil(lambda: tools.table is not None, timeout=30_000)
    assert tools.table is not None and tools.table.complete  # a short pair: no asking again
    asked: list[bool] = []
    monkeypatch.setattr(tools.runner, "request", lambda *_a, **_k: asked.append(True))
    session = sample_window.session
    monkeypatch.setattr(type(session), "aligning", property(lambda _s: True))
    tools.runner.gave_way.emit()  # while this session aligns: wait for its links
    assert not asked
    session.alignment_running.emit(False)
    assert asked == [True]
    session.alignment_running.emit(False)  # asked once: a complete table stays
    assert asked == [True]
    monkeypatch.setattr(type(session), "aligning", property(lambda _s: False))
    tools.runner.gave_way.emit()  # another job went first: ask again right away
    assert asked == [True, True]
