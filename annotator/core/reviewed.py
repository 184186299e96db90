"""Passages a person reviewed and found to have no counterpart in the other article.

A passage without a partner is either still to look at or checked and left alone ("no
counterpart"); these marks make the second state part of the project, so a review can be
finished and its progress counted. A mark names one document range; it counts for a passage
the aligner leaves unmatched when the two ranges are the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ReviewedPassage:
    doc: str
    start: int
    end: int

    @property
    def id(self) -> str:
        return f"{self.doc}:{self.start}-{self.end}"


def reviewed_id(doc: str, start: int, end: int) -> str:
    return ReviewedPassage(doc, start, end).id


def review_progress(unmatched: Iterable[tuple[int, int]], doc: str,
                    marks: Mapping[str, ReviewedPassage]) -> tuple[int, int]:
    """(reviewed, total) over one side's unmatched passages."""
    passages = list(unmatched)
    done = sum(1 for start, end in passages if reviewed_id(doc, start, end) in marks)
    return done, len(passages)


def marks_sorted(marks: Mapping[str, ReviewedPassage]) -> list[ReviewedPassage]:
    return sorted(marks.values(), key=lambda m: (m.doc, m.start, m.end))


def split_reviewed(unmatched: Iterable[tuple[int, int]], doc: str,
                   marks: Mapping[str, ReviewedPassage]
                   ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """One side's unmatched passages as (still to review, marked reviewed)."""
    todo: list[tuple[int, int]] = []
    done: list[tuple[int, int]] = []
    for start, end in unmatched:
        (done if reviewed_id(doc, start, end) in marks else todo).append((start, end))
    return todo, done
