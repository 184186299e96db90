"""Sentence alignment between two documents, in any order, 1:1 and n:m.

`align()` is pure and deterministic: same documents and options, same links. Decisions a
person made (accepted, manual and rejected links) are passed in as anchors: their sentences
are not proposed again and rejected pairs are never re-proposed. What makes it fast without
changing a link is in `speed/`; `annotator.core.pair` is the door the CLI, batch and the GUI
worker use (two cores for a long pair where that pays).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..annotations import AlignmentLink, LinkStatus
from ..cancel import Cancelled
from ..document import Document, Span
from ..segment import Segment
from .calibration import DEFAULT_THRESHOLD
from .diff import WordOp, shared_ratio, word_diff
from .features import pair_language, set_word_language
from .pipeline import Scored, align_segments
from .speed.gcpause import gc_paused
from .speed.memo import LastPair

if TYPE_CHECKING:
    from .pipeline import SecondCore

AlignMemo = LastPair[Scored]
"""The last pair's scores, kept by a caller that re-aligns the same pair (the GUI worker)."""

ProgressCallback = Callable[[float], bool]
"""Called with the fraction done (0..1); returning False cancels the alignment."""


@dataclass(frozen=True)
class AlignOptions:
    """How to align.

    `threshold` is a probability. A link's score estimates how often candidate pairs like it
    were gold links in the fitting data (held-out news rewrites, two-outlet news, copied web
    text; see calibration.py): at 0.5 a proposal is as likely right as wrong, at 0.8 about
    four in five such proposals were right. The default is the threshold that scored best on
    held-out data (F1 and PAN's plagdet), a compromise between finding paraphrases and not
    proposing look-alikes. `method` names a method of `methods.METHODS` ("lexical": words,
    numbers, names, position, copying; "wordllama": adds the built-in sentence embeddings;
    "minilm": adds MiniLM, an optional extra) or is "default", the best one installed. Each
    link records what made it: the method that scored the pair (a long or copied pair is
    scored by "lexical" whatever was asked), or "copy" for a verbatim copy. `max_group` is
    the most partners one sentence may get.
    """

    threshold: float = DEFAULT_THRESHOLD  # proposals less likely than this are dropped
    method: str = "default"
    max_group: int = 3  # largest n in an n:m link (sentences merged on one side)


def align(doc_a: Document, doc_b: Document, options: AlignOptions | None = None,
          anchors: Sequence[AlignmentLink] = (), progress: ProgressCallback | None = None,
          *, memo: AlignMemo | None = None, second_core: SecondCore | None = None,
          ) -> list[AlignmentLink]:
    """Propose links between passages of A and B that say the same thing. A `memo` the
    caller keeps across calls makes re-aligning the same pair (another threshold, new
    anchors) skip the scoring; `second_core` lets a long pair fork (see core/pair.py)."""
    options = options or AlignOptions()
    set_word_language(pair_language(doc_a.language, doc_b.language))

    def report(fraction: float) -> None:
        if progress is not None and progress(fraction) is False:
            raise Cancelled()

    with gc_paused():
        groups = align_segments(doc_a, doc_b, options, anchors, report, memo, second_core)
        links = [AlignmentLink(
            id=f"l{number}", a=_merge_adjacent(doc_a.text, a_segs),
            b=_merge_adjacent(doc_b.text, b_segs), score=round(score, 4),
            status=LinkStatus.PROPOSED, method=method,
        ) for number, (a_segs, b_segs, score, method) in enumerate(groups, start=1)]
    report(1.0)
    return links


def _merge_adjacent(text: str, segs: Sequence[Span | Segment]) -> tuple[Span, ...]:
    """Neighbouring sentences of one side become one span when only whitespace separates them."""
    if len(segs) == 1:  # most links: one sentence or one copied passage a side
        seg = segs[0]
        return (seg if isinstance(seg, Span) else Span(seg.start, seg.end),)
    out: list[Span] = []
    for seg in sorted(segs, key=lambda s: s.start):
        if out and not text[out[-1].end : seg.start].strip():
            out[-1] = Span(out[-1].start, seg.end)
        else:
            out.append(Span(seg.start, seg.end))
    return tuple(out)


def link_diff(doc_a: Document, doc_b: Document, link: AlignmentLink) -> list[WordOp]:
    """Word opcodes between the two sides of a link (sides joined in document order)."""
    a = min(s.start for s in link.a), max(s.end for s in link.a)
    b = min(s.start for s in link.b), max(s.end for s in link.b)
    return word_diff(doc_a.text[a[0] : a[1]], doc_b.text[b[0] : b[1]], a[0], b[0])


__all__ = ["AlignMemo", "AlignOptions", "Cancelled", "WordOp", "align", "link_diff", "shared_ratio",
           "word_diff"]
