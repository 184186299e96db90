"""The sample pair against the seven pairs any reader links at once (issue 12's fixture).

The issue's target is five of the seven at the default settings with no wrong link; what the
default install reaches is in benchmarks/RESULTS.md. This test keeps what it reaches: the
headline, lead, backing, Rouvinski and closing pairs, and no link between passages a reader
would not connect."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core import Document, Span, align

from ..conftest import SAMPLE_A, SAMPLE_B

FIXTURE = Path(__file__).with_name("data") / "sample_pair_links.json"


def _indices(doc: Document, spans: tuple[Span, ...]) -> list[int]:
    return [k for k, s in enumerate(doc.sentences)
            if any(x.start <= s.start < x.end for x in spans)]


def found_and_wrong(a: Document, b: Document) -> tuple[list[str], list[tuple[int, int]]]:
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for pair in fixture["obvious"]:  # the fixture still matches the split
        assert a.text[a.sentences[pair["a"]].start :].startswith(pair["text"][0])
        assert b.text[b.sentences[pair["b"][0]].start :].startswith(pair["text"][1])
    allowed = {(p["a"], j) for p in fixture["obvious"] for j in p["b"]}
    allowed |= {tuple(x) for x in fixture["acceptable"]}
    linked = {(i, j) for link in align(a, b)
              for i in _indices(a, link.a) for j in _indices(b, link.b)}
    found = [p["name"] for p in fixture["obvious"] if any((p["a"], j) in linked for j in p["b"])]
    return found, sorted(linked - allowed)


def test_the_obvious_pairs_are_found_and_nothing_wrong_is_linked() -> None:
    a, b = Document.load(Path(SAMPLE_A), "A"), Document.load(Path(SAMPLE_B), "B")
    found, wrong = found_and_wrong(a, b)
    assert wrong == []
    assert {"headline", "lead", "Russia/China backing", "Rouvinski", "closing"} <= set(found)
