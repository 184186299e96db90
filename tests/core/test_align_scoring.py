"""The scorer's building blocks on hand-made sentence pairs."""

from __future__ import annotations

import numpy as np

from annotator.core.align import calibration
from annotator.core.align.features import fold, idf_table, tokenize
from annotator.core.align.scoring import FEATURES, make_bag, pair_features, similarity


def _features(a: str, b: str) -> dict[str, float]:
    ta, tb = tokenize(a), tokenize(b)
    idf = idf_table([ta.content, tb.content])
    x = pair_features([make_bag(ta, a, idf)], [make_bag(tb, b, idf)], [(0, 0)], idf)
    return dict(zip(FEATURES, x[0].tolist(), strict=True))


def _similarity(a: str, b: str) -> float:
    ta, tb = tokenize(a), tokenize(b)
    idf = idf_table([ta.content, tb.content])
    x = pair_features([make_bag(ta, a, idf)], [make_bag(tb, b, idf)], [(0, 0)], idf)
    return float(similarity(x, calibration.DEFAULT[0])[0])


def test_folding_and_stemming_meet() -> None:
    assert fold("Nicolás") == "nicolas"
    shouted = tokenize("NICOLÁS Maduro sanctioned")
    assert shouted.content == tokenize("nicolas maduro sanctions").content


def test_numbers_are_canonical_and_a_change_is_a_conflict() -> None:
    assert tokenize("It cost $1,200.").numbers == frozenset({"1200"})
    same = _features("The company cut 300 jobs in March.", "In March the company cut 300 jobs.")
    changed = _features("The company cut 300 jobs in March.", "In March the company cut 450 jobs.")
    assert same["numbers_shared"] == 1.0 and same["numbers_conflict"] == 0.0
    assert changed["numbers_conflict"] == 1.0
    assert _similarity("The company cut 300 jobs in March.",
                       "In March the company cut 450 jobs.") < _similarity(
        "The company cut 300 jobs in March.", "In March the company cut 300 jobs.")


def test_names_reordered_still_the_same_content() -> None:
    feats = _features("Angela Merkel met Emmanuel Macron in Berlin on Monday.",
                      "On Monday, Macron met Merkel in Berlin.")
    assert feats["names_shared"] == 1.0
    assert _similarity("Angela Merkel met Emmanuel Macron in Berlin on Monday.",
                       "On Monday, Macron met Merkel in Berlin.") > 0.5


def test_paraphrase_beats_unrelated_sentence_on_the_same_topic() -> None:
    a = "The central bank raised its main interest rate by half a point on Tuesday."
    paraphrase = "On Tuesday the central bank lifted its key interest rate by 0.5 points."
    same_topic = "The central bank's governor said she would retire next year."
    assert _similarity(a, paraphrase) > _similarity(a, same_topic) + 0.2
    assert _similarity(a, same_topic) < 0.5


def test_verbatim_copy_is_near_certain() -> None:
    s = "Shares of the carmaker fell 4 percent after the recall was announced in Detroit."
    assert _similarity(s, s) > 0.9


def test_position_and_headline_features() -> None:
    texts = ["Storm hits coast", "Rain fell all night.", "Roads were closed."]
    toks = [tokenize(t) for t in texts]
    idf = idf_table([t.content for t in toks])
    bags = [make_bag(t, s, idf) for t, s in zip(toks, texts, strict=True)]
    x = pair_features(bags, bags, [(0, 0), (0, 2)], idf)
    head, pos = FEATURES.index("headline"), FEATURES.index("position")
    assert x[0, head] == 1.0 and x[1, head] == 0.0
    assert x[0, pos] == 0.0 and np.isclose(x[1, pos], 2 / 3)
