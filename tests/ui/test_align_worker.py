"""The aligner runs in a worker process: results, sentences, cancel, superseded jobs, a crash."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import AlignmentLink, AlignOptions, Document, LinkStatus, Span
from annotator.core import document as document_module
from annotator.ui.worker import align_child, align_worker
from annotator.ui.worker.align_worker import AlignRunner, shared_worker
from tests.conftest import SAMPLE_A, SAMPLE_B


def _docs(repeat: int = 1) -> tuple[Document, Document]:
    a = "\n\n".join([SAMPLE_A.read_text(encoding="utf-8")] * repeat)
    b = "\n\n".join([SAMPLE_B.read_text(encoding="utf-8")] * repeat)
    return Document.from_text("A", a), Document.from_text("B", b)


def _no_work_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Aligning or segmenting in this (the UI) process now raises."""
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("aligned or segmented on the UI process")

    monkeypatch.setattr(align_child, "align_documents", refuse)
    monkeypatch.setattr(document_module, "sentences", refuse)


def test_results_and_sentences_come_from_the_worker_process(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_work_here(monkeypatch)
    doc_a, doc_b = _docs()
    runner = AlignRunner()
    progress: list[float] = []
    runner.progress.connect(progress.append)
    with qtbot.waitSignal(runner.finished, timeout=60_000) as blocker:
        runner.start(doc_a, doc_b, AlignOptions(), [])
        assert runner.running
    links, anchors, summary = blocker.args
    assert links and anchors == [] and not runner.running
    assert progress and progress[-1] == 1.0
    # the worker's sentences were adopted, so shading needs no segmenting here
    assert doc_a.segmented and doc_b.segmented and doc_a.sentences
    assert shared_worker().process.pid is not None
    # the derived views came along: the index holds the very link objects received
    assert {id(link) for link in summary.index.links} == {id(link) for link in links}
    assert summary.counts["proposed"] == len(links) and 0 < summary.coverage[0] <= 1
    assert set(summary.unmatched) == {"A", "B"}


def test_the_summary_indexes_anchors_and_proposals_together(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_work_here(monkeypatch)
    doc_a, doc_b = _docs()
    runner = AlignRunner()
    with qtbot.waitSignal(runner.finished, timeout=60_000) as blocker:
        runner.start(doc_a, doc_b, AlignOptions(), [])
    first = blocker.args[0][0]
    anchor = first.with_status(LinkStatus.ACCEPTED)  # keeps its id: proposals reuse "l1"
    with qtbot.waitSignal(runner.finished, timeout=60_000) as blocker:
        runner.start(doc_a, doc_b, AlignOptions(), [anchor])
    links, anchors, summary = blocker.args
    assert anchors == [anchor] and any(link.id == anchor.id for link in links)
    assert len(summary.index.links) == len(links) + 1
    assert summary.counts["accepted"] == 1 and summary.counts["proposed"] == len(links)


def test_segment_job_puts_sentences_on_the_documents(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_work_here(monkeypatch)
    doc_a, doc_b = _docs()
    runner = AlignRunner()
    with qtbot.waitSignal(runner.segmented, timeout=60_000) as blocker:
        runner.segment(doc_a, doc_b)
    assert blocker.args[0] is doc_a and doc_a.segmented and doc_b.segmented


def test_cancel_stops_the_job(qtbot: QtBot) -> None:
    doc_a, doc_b = _docs(40)
    runner = AlignRunner()
    finished: list[object] = []
    runner.finished.connect(finished.append)
    with qtbot.waitSignal(runner.cancelled, timeout=60_000):
        runner.start(doc_a, doc_b, AlignOptions(), [])
        runner.cancel()
    assert runner.wait(60_000)
    qtbot.wait(50)
    assert not finished and not runner.running


def test_a_newer_job_supersedes_the_older_one(qtbot: QtBot) -> None:
    doc_a, doc_b = _docs()
    runner = AlignRunner()
    finished: list[list[Any]] = []
    cancelled: list[bool] = []
    runner.finished.connect(lambda links, _anchors: finished.append(links))
    runner.cancelled.connect(lambda: cancelled.append(True))
    runner.start(doc_a, doc_b, AlignOptions(threshold=0.2), [])
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        runner.start(doc_a, doc_b, AlignOptions(threshold=0.9), [])
    assert runner.wait(60_000)
    qtbot.wait(50)
    assert len(finished) == 1 and all(link.score >= 0.9 for link in finished[0])
    assert not cancelled  # a superseded job is not a cancel the user asked for


def test_a_dead_worker_fails_the_job_and_is_replaced(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(align_worker, "POLL_SECONDS", 0.05)
    doc_a, doc_b = _docs(40)
    runner = AlignRunner()
    old = shared_worker()
    with qtbot.waitSignal(runner.failed, timeout=60_000) as blocker:
        runner.start(doc_a, doc_b, AlignOptions(), [])
        old.process.kill()
    assert "stopped unexpectedly" in blocker.args[0] and not runner.running
    small_a, small_b = _docs()
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        runner.start(small_a, small_b, AlignOptions(), [])
    assert shared_worker() is not old


def test_the_worker_is_spawned_without_the_main_module() -> None:
    """Spawning would re-run the program's main module in the worker (a benchmark script's
    imports delayed the first job by about half a second); it is hidden, then restored."""
    import sys

    main = sys.modules["__main__"]
    before = (vars(main).get("__file__"), vars(main).get("__spec__"))
    with align_worker._main_module_hidden():
        assert "__file__" not in vars(main) and vars(main)["__spec__"] is None
    assert (vars(main).get("__file__"), vars(main).get("__spec__")) == before


def test_big_results_are_unpickled_without_a_collection_and_frozen() -> None:
    """Unpickling an alignment's 100k objects set off a full collection with the GIL held
    (a stall of the window); the reader pauses the collector and freezes what it received."""
    import gc
    import pickle

    links = [AlignmentLink(f"l{n}", (Span(n, n + 1),), (Span(n, n + 2),), 0.5)
             for n in range(20_000)]
    data = pickle.dumps(("done", 1, links), pickle.HIGHEST_PROTOCOL)
    assert len(data) > align_worker.FREEZE_ABOVE
    collections: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    frozen = gc.get_freeze_count()
    gc.callbacks.append(record)
    try:
        message = align_worker.unpickle_quietly(data)
    finally:
        gc.callbacks.remove(record)
    assert message[2] == links and not collections and gc.isenabled()
    assert gc.get_freeze_count() > frozen + len(links)
