"""The cycle collector off for a burst of allocation."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Aligning makes millions of small tuples and sets, none cyclic and all freed by
    reference counting, and each allocation burst would set off a collection that walks the
    whole heap (unpickling a finished alignment is the same kind of burst). Re-enabled only
    if it was on, so nested or concurrent uses leave it as they found it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
