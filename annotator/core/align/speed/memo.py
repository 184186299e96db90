"""The scores of the last pair aligned, for the next alignment of the same pair."""

from __future__ import annotations

from collections.abc import Hashable
from threading import Lock
from typing import Generic, TypeVar

T = TypeVar("T")


class LastPair(Generic[T]):
    """One remembered (key, value). Moving the threshold or deciding links re-aligns the
    same pair, and only the final selection depends on those, so whoever re-aligns a pair
    (the GUI's alignment worker) owns one of these and passes it to `align`; a caller that
    aligns each pair once (the CLI, batch) passes none and keeps nothing."""

    def __init__(self) -> None:
        self._last: tuple[Hashable, T] | None = None
        self._lock = Lock()

    def get(self, key: Hashable) -> T | None:
        with self._lock:
            last = self._last
        return last[1] if last is not None and last[0] == key else None

    def put(self, key: Hashable, value: T) -> None:
        with self._lock:
            self._last = (key, value)

    @property
    def value(self) -> T | None:
        """The value remembered last, whatever its key (None when empty)."""
        with self._lock:
            return self._last[1] if self._last is not None else None

    def clear(self) -> None:
        with self._lock:
            self._last = None
