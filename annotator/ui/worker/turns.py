"""Deferred redraws, one per event-loop turn, so a long pair never stalls the window at once.

Zero-interval single-shot timers started in the same turn all fire in the same pass of the
event loop, so several "deferred" redraws add up to one long stall. Here each step
runs from the queue's timer, and the timer is started again only after the step has returned,
so the next step waits for a fresh pass: paint events and input are handled in between.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class TurnQueue(QObject):
    """Named steps run in order, one per event-loop turn; a name already waiting is not
    queued twice (the step reads the state current when it runs, so once is enough)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: dict[str, Callable[[], object]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run_next)

    def defer(self, name: str, step: Callable[[], object]) -> None:
        """Run `step` in a later turn of its own (after the steps already waiting)."""
        self._steps.setdefault(name, step)
        if not self._timer.isActive():
            self._timer.start()

    def pending(self, name: str | None = None) -> bool:
        """Whether `name` (or any step, when None) is still waiting."""
        return bool(self._steps) if name is None else name in self._steps

    def run_next(self) -> None:
        """Run the first waiting step; the timer starts again only once it has returned."""
        if not self._steps:
            return
        name = next(iter(self._steps))
        step = self._steps.pop(name)
        try:
            step()
        finally:
            if self._steps:
                self._timer.start()

    def run_all(self) -> None:
        """Run every waiting step now (steps queued meanwhile too), e.g. before a screenshot."""
        while self._steps:
            self.run_next()
        self._timer.stop()
