"""Stopping a long computation between its steps: `Cancelled` and the stop check.

A module of its own, so that the stages that check (pair scoring, suggestions) can raise
`Cancelled` without importing the align package's entry point, which imports them.
"""

from __future__ import annotations

from collections.abc import Callable

StopCheck = Callable[[], bool]
"""Asked between steps; returning True abandons the computation (`Cancelled` is raised)."""


class Cancelled(Exception):
    """The progress callback or a stop check asked to stop."""


def check(stop: StopCheck | None) -> None:
    """Raise `Cancelled` when there is a stop check and it says stop."""
    if stop is not None and stop():
        raise Cancelled()
