"""Suggested partners rank the other article's sentences with the aligner's pair model and
respect what a person decided."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from annotator.core import AlignmentLink, Document, LinkStatus, Span, align
from annotator.core import suggest as suggest_module
from annotator.core.align import pipeline
from annotator.core.align.partners import AlignMemo
from annotator.core.pair import align_documents
from annotator.core.suggest import PairSuggestions, score_pairs, suggest, unmatched

from ..conftest import SAMPLE_A, SAMPLE_B


@pytest.fixture(scope="module")
def sample() -> tuple[Document, Document]:
    return Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B")


def _sentence(doc: Document, phrase: str) -> Span:
    at = doc.text.index(phrase)
    seg = next(s for s in doc.sentences if s.start <= at < s.end)
    return Span(seg.start, seg.end)


def test_a_missed_paraphrase_is_among_the_top_three(sample: tuple[Document, Document]) -> None:
    a, b = sample
    ranker = PairSuggestions(a, b)
    october = _sentence(a, "reported October request")
    got = ranker.for_span("A", october, k=3, links=align(a, b))
    partners = {_sentence(b, "In light of the growing threats"),  # it has two
                _sentence(b, "Reports indicate that he reached out")}
    assert partners & {c.span for c in got}
    assert [c.score for c in got] == sorted((c.score for c in got), reverse=True)
    assert all(0.0 <= c.score <= 1.0 for c in got)
    reached_out = _sentence(b, "Reports indicate that he reached out")
    assert october in [c.span for c in ranker.for_span("B", reached_out, k=3)]


def test_the_headline_ranks_the_other_headline_first(sample: tuple[Document, Document]) -> None:
    a, b = sample
    first = PairSuggestions(a, b).for_span("A", Span(0, 5), k=1)  # part of a sentence
    assert [c.span for c in first] == [Span(b.sentences[0].start, b.sentences[0].end)]
    caret = PairSuggestions(a, b).for_span("B", Span(3, 3), k=1)  # a caret picks its sentence
    assert [c.span for c in caret] == [Span(a.sentences[0].start, a.sentences[0].end)]


def test_linked_and_rejected_partners_are_not_suggested(sample: tuple[Document, Document],
                                                        ) -> None:
    a, b = sample
    ranker = PairSuggestions(a, b)
    head_a, head_b = a.sentences[0], b.sentences[0]
    span_a = Span(head_a.start, head_a.end)
    best = ranker.for_span("A", span_a, k=2)
    assert best[0].span == Span(head_b.start, head_b.end)
    for status in (LinkStatus.ACCEPTED, LinkStatus.REJECTED, LinkStatus.PROPOSED):
        link = AlignmentLink("l1", (span_a,), (best[0].span,), 0.9, status)
        again = ranker.for_span("A", span_a, k=2, links=[link])
        assert best[0].span not in [c.span for c in again]
        assert again[0] == best[1]


def test_every_unmatched_sentence_of_either_article_gets_suggestions(
        sample: tuple[Document, Document]) -> None:
    a, b = sample
    links = align(a, b)
    got = suggest(a, b, links, k=2)
    expected = [("A", s) for s in unmatched(a, "A", links)] + [
        ("B", s) for s in unmatched(b, "B", links)]
    assert [(s.doc, s.span) for s in got] == expected
    assert sum(len(s.candidates) == 2 for s in got) > len(got) / 2  # most have two
    for doc, side in ((a, "A"), (b, "B")):  # the rule, sentence by sentence
        spans = [sp for link in links for sp in (link.a if side == "A" else link.b)]
        free = [Span(x.start, x.end) for x in doc.sentences if 2 * sum(
            max(0, min(x.end, sp.end) - max(x.start, sp.start)) for sp in spans) < len(x)]
        assert [s for d, s in expected if d == side] == free
    assert expected
    for s in got:
        other = b if s.doc == "A" else a
        assert len(s.candidates) <= 2
        assert all(c.score >= suggest_module.MIN_SCORE for c in s.candidates)
        sentences = {Span(x.start, x.end) for x in other.sentences}
        assert all(c.span in sentences for c in s.candidates)


def test_unmatched_counts_half_covered_sentences_as_matched() -> None:
    doc = Document.from_text("A", "One two three four. Five six seven eight. Nine ten.")
    s0, s1, s2 = doc.sentences
    half_plus = Span(s1.start, s1.start + (s1.end - s1.start) // 2 + 1)
    links = [AlignmentLink("l1", (Span(s0.start, s0.end),), (Span(0, 3),), 0.5),
             AlignmentLink("l2", (half_plus,), (Span(0, 3),), 0.5),
             AlignmentLink("l3", (Span(s2.start, s2.end),), (Span(0, 3),), 0.5,
                           LinkStatus.REJECTED)]
    assert unmatched(doc, "A", links) == [Span(s2.start, s2.end)]


def test_long_pairs_score_candidates_only_and_still_find_partners(
        sample: tuple[Document, Document], monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = sample
    everything = PairSuggestions(a, b)
    monkeypatch.setattr(suggest_module, "ALL_PAIRS_LIMIT", 10)
    scored: list[int] = []
    real = suggest_module.score_pairs

    def counting(doc_a: Document, doc_b: Document, pairs: list[tuple[int, int]],
                 memo: object = None, stop: object = None) -> object:
        scored.append(len(pairs))
        return real(doc_a, doc_b, pairs)

    monkeypatch.setattr(suggest_module, "score_pairs", counting)
    few = PairSuggestions(a, b)
    assert scored and scored[0] < len(a.sentences) * len(b.sentences)
    rouvinski = _sentence(a, "Professor Vladimir Rouvinski")
    assert few.for_span("A", rouvinski, 1) == everything.for_span("A", rouvinski, 1)


def test_empty_and_one_sided_documents() -> None:
    empty = Document.from_text("A", "")
    other = Document.from_text("B", "A sentence here. Another one.")
    assert suggest(empty, other) == [
        suggest_module.Suggestion("B", Span(s.start, s.end), ()) for s in other.sentences]
    assert len(score_pairs(empty, other, [])) == 0
    assert PairSuggestions(other, other).for_span("A", Span(0, 1), k=0) == ()


def test_a_long_pair_scores_the_unmatched_and_the_asked_passages_only(
        sample: tuple[Document, Document], monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = sample
    links = align(a, b)
    monkeypatch.setattr(suggest_module, "ALL_PAIRS_LIMIT", 10)  # as if the pair were long
    free = unmatched(a, "A", links)
    lonely = free[0]
    linked_a = next(Span(s.start, s.end) for s in a.sentences
                    if Span(s.start, s.end) not in free)
    table = PairSuggestions.for_links(a, b, links)
    assert not table.complete
    assert table.knows("A", lonely) and not table.knows("A", linked_a)
    asked = PairSuggestions.for_links(a, b, links, [("A", linked_a)])
    assert asked.knows("A", linked_a)
    assert asked.for_span("A", linked_a, 3, links)
    whole = PairSuggestions(a, b)
    assert whole.complete and whole.knows("A", linked_a)


def test_the_ranker_weighs_meaning_when_the_aligner_embedded_the_sentences(
        sample: tuple[Document, Document], monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core.align.partners import score_pairs as aligner_scores

    a, b = sample
    pairs = [(i, j) for i in range(len(a.sentences)) for j in range(len(b.sentences))]
    features = suggest_module.ranking_features(a, b, pairs)
    assert set(features) == {"link_logit", *suggest_module.MEANING_FEATURES}
    assert set(suggest_module.RANKER) - {"bias"} <= set(features)
    scores = score_pairs(a, b, pairs)
    assert ((scores > 0) & (scores < 1)).all()
    z = suggest_module.RANKER["bias"] + sum(
        w * features[n] for n, w in suggest_module.RANKER.items() if n != "bias")
    assert np.allclose(scores, 1 / (1 + np.exp(-z)))
    monkeypatch.setenv("ANNOTATOR_MEANING_MAX", "0")  # as for a long pair: words alone
    words_only = suggest_module.ranking_features(a, b, pairs)
    assert set(words_only) == {"link_logit"}
    assert np.allclose(score_pairs(a, b, pairs), aligner_scores(a, b, pairs, "lexical"),
                       atol=1e-5)  # (the log-odds clip probabilities to 1e-6)


def test_suggestions_after_an_alignment_reuse_its_scores_and_keep_its_memo(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The GUI's worker passes its alignment memo: a pair the aligner scored by words alone
    (here a copy) is not scored again for suggestions, the suggestions are the same, and the
    memo still holds the aligner's scores for the next re-alignment."""
    text = Path(SAMPLE_A).read_text(encoding="utf-8")
    a = Document.from_text("A", text)
    b = Document.from_text("B", text.replace("Despite", "In spite of").replace("said", "says"))
    memo = AlignMemo()
    links = align_documents(a, b, memo=memo)
    kept = memo.value
    assert kept is not None and kept.method == "lexical"
    fresh = PairSuggestions.for_links(a, b, links, keep=12)
    calls = _count_scoring(monkeypatch)
    reused = PairSuggestions.for_links(a, b, links, keep=12, memo=memo)
    assert calls == []
    assert memo.value is kept
    for k, s in enumerate(a.sentences):
        span = Span(s.start, s.end)
        assert reused.for_span("A", span, 3) == fresh.for_span("A", span, 3), k


def test_an_embedded_pair_is_ranked_from_the_aligners_scores_alone(
        sample: tuple[Document, Document], monkeypatch: pytest.MonkeyPatch) -> None:
    """The ranker's words-only columns of an embedded pair come from the default model's
    features: after an alignment, no document is scored again (not even by words alone)."""
    a, b = sample
    memo = AlignMemo()
    links = align_documents(a, b, memo=memo)
    assert memo.value is not None and memo.value.meaning is not None
    calls = _count_scoring(monkeypatch)
    reused = PairSuggestions.for_links(a, b, links, memo=memo)
    assert calls == []
    assert reused.for_unmatched(links) == PairSuggestions.for_links(a, b, links).for_unmatched(
        links)


def _count_scoring(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A list that gains an entry each time a document pair is scored from scratch."""
    calls: list[str] = []
    real = pipeline._score_documents

    def counting(*args: object, **kwargs: object) -> object:
        calls.append("scored")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_score_documents", counting)
    return calls
