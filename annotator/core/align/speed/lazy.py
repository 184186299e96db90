"""A read-only sequence whose items are made on first use and kept."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class LazySequence(Sequence[T]):
    """Subclasses say how long they are and how to make item k; most items of a long
    document are never asked for (copies cover them), so none is made before it is."""

    def __init__(self) -> None:
        self._made: dict[int, T] = {}

    def _make(self, k: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, k: int) -> T: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[T]: ...

    def __getitem__(self, k: int | slice) -> T | Sequence[T]:
        if isinstance(k, slice):
            return [self[m] for m in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        made = self._made.get(k)
        if made is None:
            made = self._made[k] = self._make(k)
        return made
