"""Copies extended to the sentence edges where the rest is a paraphrase; faithful copies
score higher than edited ones."""

from __future__ import annotations

from annotator.core import Document, align, link_diff
from annotator.core.align.edges import copy_score, extend_to_edges
from annotator.core.align.verbatim import Passage

CORE = ("gathered outside the church on Sunday evening to remember the two teenagers who died "
        "in the fire, lighting candles and laying flowers along the fence while a choir sang "
        "hymns and neighbours shared stories about the family")
A = f"Vigil in Brooklyn. Witnesses said that more than 100 people {CORE}. The mayor spoke."
B = f"Brooklyn vigil. Witnesses say more than a hundred people {CORE}. Police kept watch."


def test_an_edited_copy_reaches_the_sentence_edges_and_shows_the_changed_words() -> None:
    a, b = Document.from_text("A", A), Document.from_text("B", B)
    links = align(a, b)  # the default method: a copied pair is left to words alone
    copies = [link for link in links if "gathered" in a.text[link.a[0].start : link.a[-1].end]]
    assert len(copies) == 1
    link = copies[0]
    assert link.method == "copy"
    assert {other.method for other in links} <= {"copy", "lexical"}
    assert a.text[link.a[0].start : link.a[-1].end].startswith("Witnesses said that more")
    assert b.text[link.b[0].start : link.b[-1].end].startswith("Witnesses say more")
    assert a.text[link.a[-1].end - 7 : link.a[-1].end] == "family."
    changed = {b.text[op.b_start : op.b_end] for op in link_diff(a, b, link)
               if op.tag != "equal"}
    assert "say" in changed and "a hundred" in changed
    assert link.score < copy_score(A, A)  # edited: below an identical copy


def test_a_different_clause_is_not_pulled_into_the_copy() -> None:
    text_a = f"Officials said late on Sunday that the investigation continues and {CORE}."
    text_b = f"Nobody was available for comment, but {CORE}."
    start_a, start_b = text_a.index("gathered"), text_b.index("gathered")
    p = Passage((start_a, len(text_a) - 1), (start_b, len(text_b) - 1), 40)
    out = extend_to_edges([p], text_a, [(0, len(text_a))], text_b, [(0, len(text_b))])
    assert out[0].a[0] == start_a and out[0].b[0] == start_b  # heads differ: left alone
    assert out[0].a[1] == len(text_a) and out[0].b[1] == len(text_b)  # "." on both: taken


def test_extension_stops_at_a_neighbouring_passage() -> None:
    text = "Alpha beta gamma delta. Epsilon zeta eta theta."
    first = Passage((0, 10), (0, 10), 2)
    second = Passage((11, 23), (11, 23), 2)
    out = extend_to_edges([first, second], text, [(0, 23), (24, 47)], text, [(0, 23), (24, 47)])
    assert out[0].a == (0, 11) and out[1].a == (11, 23)


def test_copy_scores_rank_faithfulness() -> None:
    text = " ".join(f"word{k}" for k in range(30))
    one_word = text.replace("word7", "other")
    rewritten = " ".join(f"w{k}" if k % 3 == 0 else f"word{k}" for k in range(30))
    assert copy_score(text, "  " + text.replace(" ", "\n")) == 0.99  # spacing aside
    assert 0.99 > copy_score(text, one_word) > copy_score(text, rewritten) >= 0.9
