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


def test_a_sentence_inserted_inside_a_copy_is_not_paired_with_what_b_has_there() -> None:
    """The run continues across A's insertion; its piece must not become a 0.98 'copy' of
    the start of B's next sentence (seen on the 100k benchmark pair as swapped sentences)."""
    first = ("And yet she was a happy woman, and a woman whom no one named without good "
             "will in all the parish.")
    inserted = "It was her own universal good will and contented temper which worked wonders."
    second = ("She loved every body, was interested in every body's happiness, quicksighted "
              "to every body's merits, and thought herself a most fortunate creature.")
    a = " ".join([first, inserted, second])
    b = " ".join([first, second])
    cuts = [0, a.index(inserted), a.index(second)]
    found = copied_passages(a, b, cuts)
    pieces_a = [a[p.a[0] : p.a[1]] for p in found]
    assert not any(inserted[:20] in piece for piece in pieces_a), pieces_a
    for p in found:  # every piece reported is a real copy: same words on both sides
        assert a[p.a[0] : p.a[1]] == b[p.b[0] : p.b[1]]


def test_identical_sentences_are_linked_once_unique_on_each_side() -> None:
    from annotator.core.align.verbatim import identical_sentences

    def spans(sentences: list[str]) -> tuple[str, list[tuple[int, int]]]:
        out, pos = [], 0
        for s in sentences:
            out.append((pos, pos + len(s)))
            pos += len(s) + 1
        return " ".join(sentences), out

    text_a, spans_a = spans(["Miss Taylor married.", "Oh dear, no!", "Oh dear, no!",
                             "Volume one", "The  rain kept   falling all night."])
    text_b, spans_b = spans(["the rain kept falling all night.", "Oh dear, no!",
                             "Volume one", "miss taylor MARRIED."])
    # case and spacing aside; a sentence repeated in A is no evidence; two words are too few
    assert identical_sentences(text_a, spans_a, text_b, spans_b) == [(0, 3, 3), (4, 0, 6)]


def test_a_moved_identical_sentence_in_a_long_text_is_linked_as_a_copy() -> None:
    moved = "There was a strange rumour in Highbury about the little Perrys and the cake."
    body_a = [_filler(k, 12) for k in range(60)]
    body_b = list(body_a)
    body_a.insert(10, moved)
    body_b.insert(50, moved)
    a, b = Document("A", " ".join(body_a)), Document("B", " ".join(body_b))
    link = next(link for link in align(a, b)
                if a.text[link.a[0].start : link.a[0].end] == moved)
    assert b.text[link.b[0].start : link.b[0].end] == moved
    assert link.score >= 0.98
