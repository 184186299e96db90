"""The bundled sample pair aligns the way a careful reader would link it."""

from __future__ import annotations

from pathlib import Path

from annotator.core import Document, Span, align

from ..conftest import SAMPLE_A, SAMPLE_B


def _sentence_links(a: Document, b: Document) -> dict[int, set[int]]:
    def inside(doc: Document, spans: tuple[Span, ...]) -> list[int]:
        return [k for k, s in enumerate(doc.sentences)
                if any(x.start <= s.start < x.end for x in spans)]

    out: dict[int, set[int]] = {}
    for link in align(a, b):
        ib = inside(b, link.b)
        for i in inside(a, link.a):
            out.setdefault(i, set()).update(ib)
    return out


def test_headline_opening_and_closing_are_linked() -> None:
    a, b = Document.load(Path(SAMPLE_A), "A"), Document.load(Path(SAMPLE_B), "B")
    links = _sentence_links(a, b)
    assert 0 in links.get(0, set())  # headline to headline
    assert 1 in links.get(1, set())  # lead to lead
    last_a, n_b = len(a.sentences) - 1, len(b.sentences)
    assert any(j >= n_b - 4 for j in links.get(last_a, set()))  # closing to closing
