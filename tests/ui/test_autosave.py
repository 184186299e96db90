"""Autosave and crash recovery: a real process is killed mid-session and its work comes back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import Project, edits, read_project
from annotator.core.recovery import RecoveryStore
from annotator.ui import dialogs
from annotator.ui.autosave import Autosaver, install_emergency_autosave
from annotator.ui.main_window import MainWindow
from tests.conftest import ROOT
from tests.ui import crash_child
from tests.ui.claim_helpers import find, open_sample, open_window

pytestmark = pytest.mark.usefixtures("answers")  # never a real modal dialog


def autosaver_for(window: MainWindow, store: RecoveryStore, interval_ms: int = 50) -> Autosaver:
    """This window's autosaver, pointed at a temporary store (never the user's real one)."""
    existing = getattr(window, "autosaver", None)
    if isinstance(existing, Autosaver):
        existing.close()
    saver = Autosaver(window.session, store, interval_ms)
    window.autosaver = saver  # type: ignore[attr-defined]
    return saver


def test_killed_process_leaves_an_autosave_that_restores_the_edits(
        qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    store_dir = tmp_path / "autosave"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-m", "tests.ui.crash_child", str(store_dir), str(tmp_path / "child")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    assert "autosaved" in child.stdout

    store = RecoveryStore(store_dir)
    entries = store.recoverable()
    assert len(entries) == 1 and entries[0].original == ""

    window, tools = open_window(qtbot)
    saver = autosaver_for(window, store)
    asked: list[int] = []

    def answer(_parent: object, found: list[object]) -> str:
        asked.append(len(found))
        return "recover"

    monkeypatch.setattr(dialogs, "ask_recovery", answer)
    assert saver.offer(window)
    assert asked == [1]
    project = window.session.project
    assert project is not None
    by_text = {c.exact: c for c in project.claims.values()}
    a, b = by_text[crash_child.CLAIM_A], by_text[crash_child.CLAIM_B]
    assert (a.doc, a.type, b.doc, b.attrs["source"]) == ("A", "statistic", "B", "SIPRI")
    assert [(cl.source, cl.target, cl.relation) for cl in project.claim_links.values()] == [
        (a.id, b.id, "elaborates")]
    assert len(tools.panel.row_ids()) == 2
    assert window.session.modified and window.isWindowModified()
    # the recovered work is protected again at once, in this process's own session
    assert saver.slot is not None and saver.slot.project_path.exists()
    assert read_project(saver.slot.project_path).claims == project.claims
    assert store.recoverable() == []  # ours now: our process is alive

    target = tmp_path / "recovered.xml"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _p, _s: str(target))
    assert window.save()
    assert read_project(target).claims == project.claims
    assert not saver.slot.project_path.exists()  # saved: nothing left to recover
    saver.close()
    assert not any(store_dir.iterdir())


def test_autosave_follows_edits_and_saving_clears_it(
        qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, _tools = open_window(qtbot)
    saver = autosaver_for(window, RecoveryStore(tmp_path / "autosave"))
    open_sample(qtbot, window)
    assert saver.slot is not None
    side_file = saver.slot.project_path
    assert not saver.autosave_now() and not side_file.exists()  # nothing edited yet
    project = window.session.project
    assert project is not None
    claim_id = window.session.edit(edits.add_claim, "A", *find(project.doc_a.text, "15,000 troops"),
                             "statistic")
    qtbot.waitUntil(side_file.exists, timeout=5000)
    assert claim_id in read_project(side_file).claims
    window.session.undo_stack.undo()
    window.session.undo_stack.redo()
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _p, _s: str(tmp_path / "p.xml"))
    assert window.save()
    assert not side_file.exists()
    lock = saver.slot.lock_path
    assert lock.exists()
    saver.close()
    assert not lock.exists() and saver.slot is None


def test_discard_and_broken_store(qtbot: QtBot, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    project = window.session.project
    assert project is not None
    store = RecoveryStore(tmp_path / "autosave")
    crashed = store.start_session()
    crashed.save(project)
    crashed.lock_path.write_text(json.dumps({"pid": 2**22 + 12345, "hostname": os.uname()[1]}))
    assert len(store.recoverable()) == 1
    saver = autosaver_for(window, store)
    monkeypatch.setattr(dialogs, "ask_recovery", lambda _p, _e: "later")
    assert not saver.offer(window) and len(store.recoverable()) == 1
    monkeypatch.setattr(dialogs, "ask_recovery", lambda _p, _e: "discard")
    assert not saver.offer(window) and store.recoverable() == []
    saver.close()

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    failures: list[str] = []
    monkeypatch.setattr(Autosaver, "_report", lambda _self, msg: failures.append(msg))
    broken = Autosaver(window.session, RecoveryStore(blocker / "autosave"))
    assert broken.slot is None and failures and "Autosave is off" in failures[0]
    assert not broken.autosave_now()  # never raises


def test_unhandled_exception_triggers_one_more_autosave(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window, _tools = open_window(qtbot)
    saver = autosaver_for(window, RecoveryStore(tmp_path / "autosave"), interval_ms=60_000)
    open_sample(qtbot, window)
    reported: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda _k, value, _tb: reported.append(str(value)))
    install_emergency_autosave(saver)
    project = window.session.project
    assert project is not None and saver.slot is not None
    window.session.edit(edits.add_claim, "B", *find(project.doc_b.text, "$30 billion"), "statistic")
    assert not saver.slot.project_path.exists()  # the timer has not fired yet
    sys.excepthook(RuntimeError, RuntimeError("boom"), None)
    assert reported == ["boom"]
    assert len(read_project(saver.slot.project_path).claims) == 1
    saver.close()


def test_timed_autosaves_write_a_copy_in_a_thread(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window, _tools = open_window(qtbot)
    saver = autosaver_for(window, RecoveryStore(tmp_path / "autosave"))
    open_sample(qtbot, window)
    assert saver.slot is not None
    writers: list[tuple[str, bool]] = []
    real_save = type(saver.slot).save

    def save(slot: object, project: Project) -> Path:
        writers.append((threading.current_thread().name, project is window.session.project))
        return real_save(slot, project)  # type: ignore[arg-type]

    monkeypatch.setattr(type(saver.slot), "save", save)
    project = window.session.project
    assert project is not None
    window.session.edit(edits.add_claim, "A", *find(project.doc_a.text, "15,000 troops"),
                        "statistic")
    qtbot.waitUntil(saver.slot.project_path.exists, timeout=5000)
    assert writers and writers[0][0] != threading.main_thread().name
    assert not writers[0][1]  # a snapshot, not the live project
    assert len(read_project(saver.slot.project_path).claims) == 1
    saver.close()
