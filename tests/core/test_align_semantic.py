"""The optional MiniLM backend: only with `annotator[semantic]` installed."""

from __future__ import annotations

import pytest

from annotator.core import AlignOptions, Document, align
from annotator.core.align import semantic

pytestmark = pytest.mark.semantic

if not semantic.available():
    pytest.skip("annotator[semantic] is not installed", allow_module_level=True)


def test_paraphrase_is_closer_than_an_unrelated_sentence() -> None:
    cos = semantic.cosine_matrix(
        ["The president signed the bill into law on Friday."],
        ["On Friday the bill became law with the president's signature.",
         "Heavy snow closed the mountain pass for two days."])
    assert cos[0, 0] > 0.6 > cos[0, 1] + 0.3


def test_semantic_method_links_a_paraphrase_without_shared_rare_words() -> None:
    a = Document.from_text("A", "Storm batters coast\n\nThe hurricane tore roofs off houses.")
    b = Document.from_text("B", "Storm batters coast\n\nWind from the cyclone ripped the tops off "
                                "homes.")
    links = align(a, b, AlignOptions(method="semantic", threshold=0.1))
    # the identical headline is a copy; the reworded sentence is MiniLM's ("semantic": its
    # older name)
    assert [link.method for link in links] == ["copy", "minilm"]


def test_default_picks_minilm_when_an_extra_is_installed() -> None:
    from annotator.core.align import methods

    assert methods.resolve("default").name == "minilm"
