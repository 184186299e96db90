"""The copy stage: long shared word runs become links with exact boundaries."""

from __future__ import annotations

import random

from annotator.core import AlignOptions, Document, align
from annotator.core.align.verbatim import MIN_WORDS, copied_passages
from annotator.core.annotations import LinkStatus


def _filler(seed: int, words: int) -> str:
    rng = random.Random(seed)
    vocab = [f"w{k}" for k in range(400)]
    return " ".join(rng.choice(vocab) for _ in range(words)) + "."


COPY = ("The committee found that the river had flooded the lower town three times since "
        "the dam was built, and that the warnings given to residents were late, unclear and "
        "in one case never sent at all.")


def test_a_copied_passage_is_found_with_its_exact_boundaries() -> None:
    a = _filler(1, 80) + " " + COPY + " " + _filler(2, 60)
    b = _filler(3, 50) + " " + COPY + " " + _filler(4, 90)
    found = copied_passages(a, b)
    assert len(found) == 1
    start_a, start_b = a.index(COPY), b.index(COPY)
    assert found[0].a == (start_a, start_a + len(COPY) - 1)  # up to the last word, not the dot
    assert found[0].b == (start_b, start_b + len(COPY) - 1)


def test_typos_do_not_break_a_copy_and_short_quotes_are_left_to_the_scorer() -> None:
    noisy = COPY.replace("residents", "resldents").replace("unclear", "unc1ear")
    assert len(copied_passages(_filler(5, 40) + " " + COPY, noisy + " " + _filler(6, 40))) == 1
    quote = " ".join(COPY.split()[: MIN_WORDS - 5])
    assert copied_passages(_filler(7, 40) + " " + quote, quote + " " + _filler(8, 40)) == []


def test_copies_are_cut_at_sentence_starts_and_respect_rejections() -> None:
    second = "Officials promised a new siren system and a review of every evacuation plan."
    a = Document("A", _filler(9, 40) + " " + COPY + " " + second + " " + _filler(10, 40))
    b = Document("B", _filler(11, 40) + " " + COPY + " " + second + " " + _filler(12, 40))
    links = [x for x in align(a, b) if x.score >= 0.9]
    texts = [a.text[x.a[0].start : x.a[-1].end] for x in links]
    assert any(t.startswith("The committee") and "siren" not in t for t in texts)
    assert any(t.startswith("Officials") for t in texts)
    # a person's "no" stands: the rejected copy is not proposed again, the other still is
    no = links[0].with_status(LinkStatus.REJECTED)
    again = align(a, b, anchors=[no])
    assert all((x.a, x.b) != (no.a, no.b) for x in again)
    assert any(a.text[x.a[0].start :].startswith("Officials") for x in again)
    assert all(x.score >= 0.99 for x in align(a, b, AlignOptions(threshold=0.99)))
