"""Everything the detectors read in one document, found once per text and indexed by
position, so selecting what lies inside a passage costs a bisection, not a scan."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol, TypeVar

from ..document import Document, Span
from ..segment import Segment, sentences
from .hedges import Hedge, find_hedges
from .quantities import Quantity, find_quantities
from .quotes import Quotation, find_quotations
from .sources import Attribution, find_attributions


class _Ranged(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Ranged)
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Features:
    text: str
    sentences: tuple[Segment, ...]
    quantities: tuple[Quantity, ...]
    quotations: tuple[Quotation, ...]
    attributions: tuple[Attribution, ...]
    hedges: tuple[Hedge, ...]  # outside quotations: the article's own voice
    words: frozenset[str] = frozenset()  # every word of the text, folded (what it mentions)
    _sentence_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._sentence_starts.extend(s.start for s in self.sentences)
        for name in ("quantities", "quotations", "attributions", "hedges"):
            self._starts[name] = [item.start for item in getattr(self, name)]

    def quantities_in(self, spans: Sequence[Span]) -> list[Quantity]:
        return within(self.quantities, spans, self._starts["quantities"])

    def quotations_in(self, spans: Sequence[Span]) -> list[Quotation]:
        return within(self.quotations, spans, self._starts["quotations"])

    def attributions_in(self, spans: Sequence[Span]) -> list[Attribution]:
        return within(self.attributions, spans, self._starts["attributions"])

    def hedges_in(self, spans: Sequence[Span]) -> list[Hedge]:
        return within(self.hedges, spans, self._starts["hedges"])

    def sentence_at(self, offset: int) -> Segment | None:
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence that starts at or before `offset`."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def sentences_touching(self, start: int, end: int) -> Sequence[Segment]:
        lo = max(0, bisect_right(self._sentence_starts, start) - 1)
        hi = bisect_left(self._sentence_starts, end)
        return [s for s in self.sentences[lo:hi] if s.start < end and start < s.end]


def within(items: Sequence[T], spans: Sequence[Span], starts: list[int] | None = None
           ) -> list[T]:
    """The items (sorted by start; `starts` their starts) wholly inside one of the spans."""
    if starts is None:
        starts = [item.start for item in items]
    found: list[T] = []
    for span in spans:
        i = bisect_left(starts, span.start)
        while i < len(items) and items[i].start < span.end:
            if items[i].end <= span.end:
                found.append(items[i])
            i += 1
    return found


def features_of(doc: Document) -> Features:
    """A document's features, computed once (documents are immutable) on its own sentences."""
    cached = doc.__dict__.get("_assist_features")
    if cached is None:
        cached = _build(doc.text, tuple(doc.sentences))
        doc.__dict__["_assist_features"] = cached
    return cached


@lru_cache(maxsize=8)
def features(text: str) -> Features:
    return _build(text, tuple(sentences(text)))


def _build(text: str, segments: tuple[Segment, ...]) -> Features:
    quotations = tuple(find_quotations(text))
    inside = _QuoteIndex(quotations)
    hedges = [h for h in find_hedges(text) if not inside(h.start, h.end)]
    attributions = [a for a in find_attributions(text, segments)
                    if not inside(a.source_start, a.source_end)]
    return Features(text, segments, tuple(find_quantities(text)), quotations,
                    tuple(sorted(attributions, key=lambda a: a.start)), tuple(hedges),
                    frozenset(w.casefold() for w in _WORDS.findall(text)))


class _QuoteIndex:
    """Whether a range lies inside a quotation (quotations do not overlap)."""

    def __init__(self, quotations: tuple[Quotation, ...]) -> None:
        self._quotations = quotations
        self._starts = [q.start for q in quotations]

    def __call__(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._quotations[i].start <= start and end <= self._quotations[i].end
