"""The methods the quality benchmark compares, each turning two texts into scored links.

`aligner(method)` runs the project's `align()` as a user gets it; `token_set_baseline` links
each sentence of A to its best `rapidfuzz.fuzz.token_set_ratio` match in B (same segmentation
as ours), leaving the threshold to be picked after the fact by the benchmark.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from annotator.core import AlignOptions, Document, align

Range = tuple[int, int]


@dataclass(frozen=True)
class Scored:
    a: tuple[Range, ...]
    b: tuple[Range, ...]
    score: float


Method = Callable[[Document, Document], list[Scored]]


def aligner(method: str, threshold: float | None = None) -> Method:
    options = AlignOptions(method=method) if threshold is None else AlignOptions(
        method=method, threshold=threshold)

    def run(doc_a: Document, doc_b: Document) -> list[Scored]:
        return [Scored(tuple((s.start, s.end) for s in link.a),
                       tuple((s.start, s.end) for s in link.b), link.score)
                for link in align(doc_a, doc_b, options)]

    return run


def token_set_baseline(doc_a: Document, doc_b: Document) -> list[Scored]:
    sa, sb = doc_a.sentences, doc_b.sentences
    if not sa or not sb:
        return []
    texts_a = [doc_a.text[s.start : s.end] for s in sa]
    texts_b = [doc_b.text[s.start : s.end] for s in sb]
    matrix = process.cdist(texts_a, texts_b, scorer=fuzz.token_set_ratio,
                           processor=lambda s: s.lower(), dtype=np.float32)
    best = matrix.argmax(axis=1)
    return [Scored(((sa[i].start, sa[i].end),), ((sb[j].start, sb[j].end),),
                   float(matrix[i, j]) / 100.0) for i, j in enumerate(best.tolist())]


def semantic_available() -> bool:
    try:
        from annotator.core.align.semantic import available
    except ImportError:
        return False
    return available()
