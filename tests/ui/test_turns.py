"""Deferred redraws run one per event-loop turn, in order, each name once."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui.worker.turns import TurnQueue


def test_one_step_per_turn_in_order_and_each_name_once(qtbot: QtBot) -> None:
    turns = TurnQueue()
    ran: list[str] = []
    turns.defer("a", lambda: ran.append("a"))
    turns.defer("b", lambda: ran.append("b"))
    turns.defer("a", lambda: ran.append("a again"))  # already waiting: not queued twice
    assert turns.pending("a") and turns.pending()
    turns.run_next()  # what the queue's timer does: one step, then the timer again
    assert ran == ["a"] and turns.pending("b") and not turns.pending("a")
    qtbot.waitUntil(lambda: not turns.pending(), timeout=5000)
    assert ran == ["a", "b"]


def test_the_next_step_is_scheduled_only_after_a_step_returns(qapp: QApplication) -> None:
    """Zero-interval timers started in one turn fire in one pass of the event loop; the queue's
    timer is not running while a step runs and starts again once it returns, so the next step
    gets a later pass (with painting and input in between)."""
    turns = TurnQueue()
    timer_running: list[bool] = []
    turns.defer("first", lambda: timer_running.append(turns._timer.isActive()))
    turns.defer("second", lambda: None)
    turns._timer.stop()
    turns.run_next()
    assert timer_running == [False] and turns._timer.isActive() and turns.pending("second")
    turns.run_next()
    assert not turns.pending()


def test_run_all_runs_everything_now(qapp: QApplication) -> None:
    turns = TurnQueue()
    ran: list[int] = []
    turns.defer("x", lambda: (ran.append(1), turns.defer("y", lambda: ran.append(2))))
    turns.run_all()
    assert ran == [1, 2] and not turns.pending()
