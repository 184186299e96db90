"""`coverage()` uses cached prefix sums; it must still count exactly what the definition says:
non-space characters (str.isspace, all of Unicode's spaces) under non-rejected link spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import AlignmentLink, Document, LinkStatus, Span, coverage, new_project

_CHARS = [*"ab é😀\n\t", "\u00a0", "\u2003", "\u3000", "\u202f", "\u0301", "\u05d0"]


def _naive(text: str, spans: list[tuple[int, int]]) -> float:
    covered = [False] * len(text)
    for start, end in spans:
        for k in range(start, end):
            covered[k] = True
    total = sum(1 for ch in text if not ch.isspace())
    hit = sum(1 for ch, c in zip(text, covered, strict=True) if c and not ch.isspace())
    return hit / total if total else 0.0


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_coverage_matches_the_character_by_character_definition(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet=st.sampled_from(_CHARS), min_size=1, max_size=80))
    text_a = Document.from_text("A", "x" + text).text  # from_text normalises (NFC, newlines)
    doc_a, doc_b = Document("A", text_a), Document("B", "b b")
    project = new_project(doc_a, doc_b)
    n = len(text_a)
    live: list[tuple[int, int]] = []
    for k in range(data.draw(st.integers(0, 6))):
        spans = []
        for _ in range(data.draw(st.integers(1, 3))):
            start = data.draw(st.integers(0, n))
            spans.append((start, data.draw(st.integers(start, n))))
        status = data.draw(st.sampled_from(list(LinkStatus)))
        project.put_link(AlignmentLink(f"l{k}", tuple(Span(s, e) for s, e in spans),
                                       (Span(0, 1),), 0.5, status))
        if status is not LinkStatus.REJECTED:
            live.extend(spans)
    assert coverage(project, "A") == _naive(text_a, live)
