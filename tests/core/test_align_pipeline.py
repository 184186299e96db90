"""align() end to end on small hand-made articles: reordering, splits, anchors, cancelling."""

from __future__ import annotations

import pytest

from annotator.core import AlignmentLink, AlignOptions, Cancelled, Document, LinkStatus, Span, align
from annotator.core.align.candidates import candidate_pairs
from annotator.core.align.methods import resolve
from annotator.core.align.pipeline import CANDIDATES_PER_SENTENCE, group_pairs

A_TEXT = (
    "Flood waters force 3,000 from homes in Dresden\n\n"
    "Rising water from the Elbe forced about 3,000 residents of Dresden to leave their homes on "
    "Sunday. Firefighters piled sandbags along the old town embankment through the night. "
    "The mayor, Dirk Hilbert, said the river would peak at 7.5 metres on Tuesday. "
    "Schools in the city will stay closed until the water recedes."
)
B_TEXT = (
    "Dresden evacuates 3,000 as the Elbe floods\n\n"
    "Mayor Dirk Hilbert expects the Elbe to crest at 7.5 metres on Tuesday. "
    "About 3,000 people in Dresden had to leave their homes on Sunday as the Elbe rose. "
    "A football match planned for the weekend was cancelled. "
    "All night, firefighters stacked sandbags on the embankment of the old town."
)


def _pairs(links: list[AlignmentLink], a: Document, b: Document) -> set[tuple[int, int]]:
    out = set()
    for link in links:
        for i, sa in enumerate(a.sentences):
            for j, sb in enumerate(b.sentences):
                if any(s.start <= sa.start < s.end for s in link.a) and any(
                        s.start <= sb.start < s.end for s in link.b):
                    out.add((i, j))
    return out


@pytest.fixture
def docs() -> tuple[Document, Document]:
    return Document.from_text("A", A_TEXT), Document.from_text("B", B_TEXT)


def test_reordered_paraphrase_is_linked(docs: tuple[Document, Document]) -> None:
    a, b = docs
    assert len(a.sentences) == 5 and len(b.sentences) == 5
    pairs = _pairs(align(a, b), a, b)
    assert {(0, 0), (1, 2), (2, 4), (3, 1)} <= pairs
    assert not any(j == 3 for _, j in pairs)  # the football match is only in B
    assert not any(i == 4 for i, _ in pairs)  # the schools only in A


def test_links_are_well_formed_and_deterministic(docs: tuple[Document, Document]) -> None:
    a, b = docs
    first, second = align(a, b), align(a, b)
    assert first == second
    for link in first:
        assert 0.0 <= link.score <= 1.0
        assert link.status is LinkStatus.PROPOSED and link.method == resolve("default").name
        assert all(a.text[s.start : s.end].strip() for s in link.a)


def test_higher_threshold_keeps_only_the_surer_links(docs: tuple[Document, Document]) -> None:
    a, b = docs
    low = align(a, b, AlignOptions(threshold=0.1))
    high = align(a, b, AlignOptions(threshold=0.8))
    assert _pairs(high, a, b) <= _pairs(low, a, b)
    assert all(x.score >= 0.8 for x in high)


def test_anchors_are_kept_and_rejections_respected(docs: tuple[Document, Document]) -> None:
    a, b = docs
    sa, sb = a.sentences, b.sentences
    accepted = AlignmentLink("m1", (Span(sa[1].start, sa[1].end),), (Span(sb[2].start, sb[2].end),),
                             1.0, LinkStatus.ACCEPTED, "manual")
    rejected = AlignmentLink("r1", (Span(sa[3].start, sa[3].end),), (Span(sb[1].start, sb[1].end),),
                             0.9, LinkStatus.REJECTED, "default")
    pairs = _pairs(align(a, b, anchors=[accepted, rejected]), a, b)
    assert not any(i == 1 or j == 2 for i, j in pairs)
    assert (3, 1) not in pairs
    assert (0, 0) in pairs


def test_split_sentence_becomes_one_n_to_m_link() -> None:
    a = Document.from_text("A", "The minister resigned on Friday after the audit found that "
                                "12 million euros of aid had gone missing from the fund.")
    b = Document.from_text("B", "The minister resigned on Friday. "
                                "An audit had found 12 million euros of aid missing from the fund.")
    links = align(a, b)
    assert len(links) == 1
    assert len(links[0].b) == 1 and links[0].b[0] == Span(0, len(b.text))


def test_progress_can_cancel(docs: tuple[Document, Document]) -> None:
    a, b = docs
    seen: list[float] = []

    def progress(fraction: float) -> bool:
        seen.append(fraction)
        return fraction < 0.5

    with pytest.raises(Cancelled):
        align(a, b, progress=progress)
    assert seen and seen == sorted(seen)


def test_empty_documents_give_no_links() -> None:
    empty = Document.from_text("A", "")
    other = Document.from_text("B", "Something happened.")
    assert align(empty, other) == []


def test_group_pairs_joins_neighbours_with_the_same_partners() -> None:
    groups = group_pairs({(0, 0): 0.9, (1, 3): 0.7, (1, 4): 0.6, (2, 3): 0.5, (2, 4): 0.8,
                          (5, 9): 0.4})
    assert groups == [([0], [0], 0.9), ([1, 2], [3, 4], 0.8), ([5], [9], 0.4)]


def test_candidates_come_from_shared_rare_words_both_ways() -> None:
    from annotator.core.align.features import idf_table, tokenize

    ta = ["Volcano erupts in Iceland", "Flights were grounded across Europe."]
    tb = ["Airlines grounded flights in Europe.", "An Icelandic volcano erupted.", "Iceland"]
    toks_a, toks_b = [tokenize(t) for t in ta], [tokenize(t) for t in tb]
    idf = idf_table([t.content for t in toks_a + toks_b])
    stems_a = [frozenset(t.content) for t in toks_a]
    pairs = candidate_pairs(stems_a, [frozenset(t.content) for t in toks_b], idf,
                            CANDIDATES_PER_SENTENCE)
    assert (1, 0) in pairs and (0, 1) in pairs and (0, 0) in pairs


def test_lazy_bags_are_the_bags_make_bag_makes() -> None:
    from annotator.core.align.features import idf_table, tokenize
    from annotator.core.align.pipeline import _Bags
    from annotator.core.align.scoring import make_bag

    doc = Document("A", "Volcano erupts in Iceland. Flights were grounded. Europe waits.")
    sents = doc.sentences
    toks = [tokenize(doc.text[s.start : s.end]) for s in sents]
    idf = idf_table([t.content for t in toks])
    bags = _Bags(toks, doc.text, sents, idf)
    want = [make_bag(t, doc.text[s.start : s.end], idf) for t, s in zip(toks, sents, strict=True)]
    assert len(bags) == len(want) == 3
    assert [bags[k] for k in (2, 0, 1)] == [want[2], want[0], want[1]]
    assert list(bags) == want and bags[-1] == want[-1] and list(bags[1:]) == want[1:]


def test_re_aligning_the_same_pair_reuses_the_scores(docs: tuple[Document, Document]) -> None:
    from annotator.core.align import AlignMemo

    a, b = docs
    memo = AlignMemo()
    first = align(a, b, memo=memo)
    scored = memo.value
    copy_a, copy_b = Document(a.id, a.text), Document(b.id, b.text)  # same pair, new objects
    assert align(copy_a, copy_b, memo=memo) == first and memo.value is scored
    strict = AlignOptions(threshold=0.6)
    reused = align(a, b, strict, memo=memo)
    assert reused == align(a, b, strict)  # the same as scoring afresh
    other = Document("B", b.text + " One more sentence about something else entirely.")
    align(a, other, memo=memo)
    assert memo.value is not scored  # another pair is scored afresh


def test_align_keeps_nothing_between_calls_without_a_memo(
        docs: tuple[Document, Document], monkeypatch: pytest.MonkeyPatch) -> None:
    """Pure from the caller's side: without a memo of its own, every call scores afresh."""
    from annotator.core.align import pipeline

    calls: list[int] = []
    real = pipeline._score_documents

    def counting(*args: object, **kwargs: object) -> pipeline.Scored:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_score_documents", counting)
    a, b = docs
    assert align(a, b) == align(a, b) and len(calls) == 2


def test_a_document_adopts_only_sentences_of_its_own_text() -> None:
    from annotator.core.segment import Segment

    doc = Document.from_text("A", "One sentence. Another one.")
    with pytest.raises(ValueError, match="cannot be one"):
        doc.adopt_sentences([Segment(0, 13), Segment(5, 99)])
    assert not doc.segmented
    doc.adopt_sentences([Segment(0, 13), Segment(14, 26)])
    assert doc.segmented and doc.sentences == [Segment(0, 13), Segment(14, 26)]
    doc.adopt_sentences([Segment(0, 26)])  # split already: kept as it was
    assert len(doc.sentences) == 2
