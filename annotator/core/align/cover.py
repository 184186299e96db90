"""Which sentences lie more than half inside some span, for all sentences at once, in numpy.

Copies, kept links and rejected links are checked this way on every alignment, against tens
of thousands of sentences on a long pair, so one vectorised pass replaces a loop per
sentence and span. The rule: sentence
[s, e) is covered when one span [a, b) overlaps it by more than half its length,
min(e, b) - max(s, a) > (e - s) / 2. An empty sentence is never covered.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Protocol

import numpy as np

STEPS = 32  # spans looked at per sentence in numpy; the rare rest finish in a plain loop


class _Range(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def _bounds(items: Sequence[_Range | tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    pairs = [x if isinstance(x, tuple) else (x.start, x.end) for x in items]
    flat = np.fromiter(chain.from_iterable(pairs), dtype=np.int64, count=2 * len(pairs))
    return flat[0::2], flat[1::2]


def covered(segs: Sequence[_Range | tuple[int, int]],
            spans: Sequence[_Range | tuple[int, int]]) -> set[int]:
    """Indices of the sentences (`segs`) more than half inside one of the spans (the tests
    keep the per-sentence loop this replaced, as the reference)."""
    if not spans or not segs:
        return set()
    return set(np.flatnonzero(covered_mask(*_bounds(segs), *_bounds(spans))).tolist())


def covered_mask(seg_start: np.ndarray, seg_end: np.ndarray, span_start: np.ndarray,
                 span_end: np.ndarray) -> np.ndarray:
    """Is each sentence [seg_start, seg_end) more than half inside one span?

    Spans sorted by start, each sentence walks back from the last span starting before it
    ends, while the furthest end so far still reaches into it (before that, no span can).
    All sentences take a step at once; after STEPS steps (many long spans nested around a
    sentence) the few left walk on in Python."""
    out = np.zeros(seg_start.size, dtype=bool)
    if not span_start.size:
        return out
    order = np.argsort(span_start, kind="stable")
    starts, ends = span_start[order], span_end[order]
    reach = np.maximum.accumulate(ends)  # furthest end among spans up to here
    half = 0.5 * (seg_end - seg_start)
    at = np.searchsorted(starts, seg_end, "left") - 1  # last span starting before the end
    live = np.flatnonzero(at >= 0)
    for _ in range(STEPS):
        if not live.size:
            return out
        k = at[live]
        reaching = reach[k] > seg_start[live]
        live, k = live[reaching], k[reaching]
        overlap = (np.minimum(seg_end[live], ends[k]) - np.maximum(seg_start[live], starts[k]))
        hit = overlap > half[live]
        out[live[hit]] = True
        live = live[~hit]
        at[live] -= 1
        live = live[at[live] >= 0]
    for i in live.tolist():  # the plain walk for what is left
        s, e, back = int(seg_start[i]), int(seg_end[i]), int(at[i])
        while back >= 0 and reach[back] > s:
            if min(e, int(ends[back])) - max(s, int(starts[back])) > half[i]:
                out[i] = True
                break
            back -= 1
    return out
