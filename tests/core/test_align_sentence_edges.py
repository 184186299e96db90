"""Copied runs end on sentence edges: a run never takes the first words of the next sentence
(nor the last words of the previous one) along, and an end a few words from a sentence edge
is moved onto it, on both sides."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.core import Document, align

ROOT = Path(__file__).resolve().parents[2]
A = ("The fire destroyed 85 houses in the valley on Monday, officials said.\n\n"
     "\"We will rebuild every home,\" the mayor, Ana Ruiz, told reporters.\n\n"
     "The repairs will cost $45 million, according to analysts at Nordbank.\n\n"
     "The company allegedly fired 40 workers last year.\n\n"
     "Unemployment rose to 4% in March.\n")
B = ("The fire destroyed 58 houses in the valley on Monday, officials said.\n\n"
     "\"We will rebuild most homes,\" the mayor, Ana Ruiz, told reporters.\n\n"
     "The repairs will cost $4.5 million, according to analysts.\n\n"
     "The company fired 40 workers last year.\n\n"
     "Unemployment rose to 4 percent in March.\n")
_WORD = re.compile(r"\w+")


def _sides(a: Document, b: Document) -> list[tuple[str, str]]:
    links = sorted(align(a, b), key=lambda link: link.a[0].start)
    return [(a.text[link.a[0].start : link.a[-1].end], b.text[link.b[0].start : link.b[-1].end])
            for link in links]


@pytest.mark.parametrize("sep", ["\n\n", " "], ids=["paragraphs", "one-paragraph"])
def test_a_copy_does_not_glue_the_next_sentence_head_onto_its_link(sep: str) -> None:
    a = Document.from_text("A", A.replace("\n\n", sep))
    b = Document.from_text("B", B.replace("\n\n", sep))
    sides = _sides(a, b)
    assert sides == [(a.text[s.start : s.end], b.text[t.start : t.end])
                     for s, t in zip(a.sentences, b.sentences, strict=True)]
    assert sides[2][1] == "The repairs will cost $4.5 million, according to analysts."
    assert sides[3][1] == "The company fired 40 workers last year."


def _check_edges(doc: Document, start: int, end: int) -> None:
    text = doc.text
    for pos in (start, end):  # never strictly inside a word
        assert not (0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum()), (
            pos, text[max(0, pos - 20) : pos + 20])
    # an end within 3 words of a sentence end is that sentence end (and so for starts)
    for s, e in ((seg.start, seg.end) for seg in doc.sentences):
        if s < end < e:
            left = len(_WORD.findall(text[end:e]))
            assert left > 3, (text[s:end], "|", text[end:e])
        if s < start < e:
            before = len(_WORD.findall(text[s:start]))
            assert before > 3, (text[s:start], "|", text[start:e])


def _pairs() -> list[tuple[Path, Path]]:
    """The sample pair, the sample's first article against an edited copy of itself, and a
    long edited copy (a novel's first 60,000 characters) where the shared corpora are."""
    samples = sorted((ROOT / "samples").glob("*.txt"))
    pairs = [(samples[0], samples[1]), (samples[0], samples[0])]
    book = ROOT.parent / "shared" / "bench" / "gutenberg" / "austen-emma.txt"
    if book.is_file():
        pairs.append((book, book))
    return pairs


@pytest.mark.parametrize("path_a,path_b", _pairs(), ids=lambda p: p.name)
def test_link_sides_start_and_end_on_word_and_sentence_edges(path_a: Path, path_b: Path) -> None:
    a, b = Document.load(path_a, "A"), Document.load(path_b, "B")
    if path_a == path_b:  # a long edited copy: words changed, dropped and added
        text = a.text[:60_000]
        edited = re.sub(r"\b(the|and) (\w+)", r"\2", text)
        edited = re.sub(r"(\w+), (\w+)", r"\1 then \2", edited)
        a, b = Document.from_text("A", text), Document.from_text("B", edited)
    links = align(a, b)
    if path_a == path_b:  # the copy stage's sides are checked
        assert any(link.method == "copy" for link in links)
    for link in links:
        _check_edges(a, link.a[0].start, link.a[-1].end)
        _check_edges(b, link.b[0].start, link.b[-1].end)
