"""Scores for any sentence pair and each sentence's likeliest partners (the suggestion API)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from annotator.core import Document, Span, align
from annotator.core.align.partners import ranked_partners, score_pairs

from ..conftest import SAMPLE_A, SAMPLE_B


def _pair() -> tuple[Document, Document]:
    return Document.load(Path(SAMPLE_A), "A"), Document.load(Path(SAMPLE_B), "B")


def _indices(doc: Document, spans: tuple[Span, ...]) -> list[int]:
    return [k for k, s in enumerate(doc.sentences) if any(x.start <= s.start < x.end
                                                          for x in spans)]


def test_a_linked_pair_scores_what_its_link_shows() -> None:
    a, b = _pair()
    links = [link for link in align(a, b) if link.score < 0.98]  # not a verbatim copy
    assert links
    for link in links:  # a link's score is its best sentence pair's
        pairs = [(i, j) for i in _indices(a, link.a) for j in _indices(b, link.b)]
        assert score_pairs(a, b, pairs).max() == pytest.approx(link.score, abs=1e-4)


def test_scores_are_probabilities_in_the_order_asked() -> None:
    a, b = _pair()
    pairs = [(0, 0), (0, 5), (3, 0), (0, 0)]
    scores = score_pairs(a, b, pairs)
    assert scores.shape == (4,)
    assert np.all((scores >= 0) & (scores <= 1))
    assert scores[0] == scores[3] and scores[0] > scores[1]  # the headlines beat a stray pair
    assert score_pairs(a, b, []).shape == (0,)


def test_ranked_partners_best_first_from_either_side() -> None:
    a, b = _pair()
    from_a = ranked_partners(a, b, "A", 0, k=3)
    assert from_a[0][0] == 0  # A's headline: B's headline first
    assert [s for _, s in from_a] == sorted((s for _, s in from_a), reverse=True)
    from_b = ranked_partners(a, b, "B", 1, k=2)
    assert len(from_b) == 2 and from_b[0][0] == 1  # B's lead: A's lead
    assert ranked_partners(a, b, "A", 0, k=0) == []


def test_bad_requests_fail_clearly() -> None:
    a, b = _pair()
    with pytest.raises(IndexError):
        score_pairs(a, b, [(0, len(b.sentences))])
    with pytest.raises(ValueError):
        ranked_partners(a, b, "C", 0)
