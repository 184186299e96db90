"""Aligning a pair of articles: the one door the CLI, batch and the GUI's worker go through.

It segments both documents and aligns them, on two cores for a long pair where a second
core is free to use (`align.speed.twocore`: a forked child does A's share); `align()` itself
runs on one core unless given that helper. The results are the same either way. Whether a
pair may use two cores is `twocore.cores()`: ANNOTATOR_WORKERS (`CORES_ENV`) decides when
set, so a caller that already spreads pairs over the cores (batch) sets it to 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .align import AlignMemo, AlignOptions, ProgressCallback, align
from .align.speed import twocore
from .annotations import AlignmentLink, AlignSettings, Project
from .document import Document
from .queries.overlaps import resolve_crossings
from .segment import Segment, sentences
from .xmlio import default_taxonomy

CORES_ENV = twocore.ENV


def segment_pair(doc_a: Document, doc_b: Document) -> None:
    """Split both documents into sentences (`doc.sentences`): for a long pair, A's in a forked
    child while B's are split here, so it takes the longer of the two instead of both."""
    chars = len(doc_a.text) + len(doc_b.text)
    if doc_a.segmented or doc_b.segmented or not twocore.worth_forking(chars):
        _ = doc_a.sentences, doc_b.sentences
        return
    packed, _b = twocore.pair(lambda: _pack(sentences(doc_a.text)), lambda: doc_b.sentences,
                              chars)
    doc_a.adopt_sentences([Segment(*row) for row in packed.tolist()])


def _pack(segments: list[Segment]) -> np.ndarray:
    """Sentences as one (start, end, paragraph) array: one buffer to pickle, not 50k objects."""
    return np.array([(s.start, s.end, s.paragraph) for s in segments],
                    dtype=np.int64).reshape(-1, 3)


def align_documents(doc_a: Document, doc_b: Document, options: AlignOptions | None = None,
                    anchors: Sequence[AlignmentLink] = (),
                    progress: ProgressCallback | None = None,
                    memo: AlignMemo | None = None) -> list[AlignmentLink]:
    """`align()` of two documents, segmented first (both on two cores when long). `memo` is
    the caller's: one that re-aligns the same pair keeps one across calls."""
    segment_pair(doc_a, doc_b)
    links = align(doc_a, doc_b, options, anchors, progress, memo=memo,
                  second_core=twocore.start)
    return resolve_crossings(links, doc_a.text, doc_b.text, anchors)  # no accidental overlaps


def align_pair(path_a: str | Path, path_b: str | Path, threshold: float, name: str = "",
               method: str = "default",
               encodings: tuple[str | None, str | None] = (None, None),
               languages: tuple[str | None, str | None] = (None, None)) -> Project:
    """Load, align and wrap two files into a project (shared by `align` and `batch`);
    `encodings` and `languages` are the user's choices for A and B (None: detect)."""
    doc_a = Document.load(path_a, "A", encodings[0], languages[0])
    doc_b = Document.load(path_b, "B", encodings[1], languages[1])
    options = AlignOptions(threshold=threshold, method=method)
    project = Project(doc_a, doc_b, default_taxonomy(), name)
    project.settings = AlignSettings(threshold, options.method)
    project.replace_proposals(align_documents(doc_a, doc_b, options))
    return project
