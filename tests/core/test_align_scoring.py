"""The scorer's building blocks on hand-made sentence pairs."""

from __future__ import annotations

import numpy as np

from annotator.core.align import calibration
from annotator.core.align.features import fold, idf_table, tokenize
from annotator.core.align.linking import similarity
from annotator.core.align.scoring import make_bag, pair_features


def _features(a: str, b: str) -> dict[str, float]:
    ta, tb = tokenize(a), tokenize(b)
    idf = idf_table([ta.content, tb.content])
    x = pair_features([make_bag(ta, a, idf)], [make_bag(tb, b, idf)], [(0, 0)], idf)
    return {name: float(x[name][0]) for name in x.names()}


def _similarity(a: str, b: str) -> float:
    ta, tb = tokenize(a), tokenize(b)
    idf = idf_table([ta.content, tb.content])
    x = pair_features([make_bag(ta, a, idf)], [make_bag(tb, b, idf)], [(0, 0)], idf)
    return float(similarity(x, calibration.MODELS["lexical"]["similarity"])[0])


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
    assert x["headline"].tolist() == [1.0, 0.0]
    assert x["position"][0] == 0.0 and np.isclose(x["position"][1], 2 / 3)


def test_a_flipped_negation_is_seen_and_costs_similarity() -> None:
    yes = "The minister said the plant would reopen in spring."
    no = "The minister said the plant would not reopen in spring."
    assert _features(yes, no)["negation_differs"] == 1.0
    assert _features(no, "The plant won't reopen in spring, the minister said.")[
        "negation_differs"] == 0.0
    assert _similarity(yes, no) < _similarity(yes, "In spring the plant would reopen, the "
                                                   "minister said.")


def test_what_each_side_adds_is_counted() -> None:
    feats = _features("Police arrested two men in Leeds.",
                      "Police arrested two men in Leeds after a long chase through the "
                      "docks at night.")
    assert feats["unmatched_min"] == 0.0  # A adds nothing
    assert feats["unmatched_max"] > 0.3  # B adds a clause: chase, docks, night, long...
    # shared: police, arrest, two, men, leeds; B also has long, chase, docks, night
    assert np.isclose(feats["jaccard"], 5 / 9)
    same = _features("Police arrested two men in Leeds.", "In Leeds, police arrested two men.")
    assert same["jaccard"] == 1.0 and same["unmatched_max"] == 0.0
    assert same["sort_ratio"] > feats["sort_ratio"]


def test_equal_numbers_only_when_both_sides_have_the_same_ones() -> None:
    assert _features("Sales rose 5% to 200 units.", "Sales climbed 5% to 200 units.")[
        "numbers_equal"] == 1.0
    assert _features("Sales rose 5% to 200 units.", "Sales climbed 5% to 210 units.")[
        "numbers_equal"] == 0.0
    assert _features("Sales rose sharply.", "Sales climbed sharply.")["numbers_equal"] == 0.0


def test_words_only_two_sentences_share_anchor_them() -> None:
    """A name each text mentions in one sentence only marks those two as counterparts; words
    found all over both texts do not, and neither does anything in a lone pair of sentences."""
    texts_a = ["Professor Vladimir Rouvinski of Icesi University spoke about Russia.",
               "Russia sent two tankers to Venezuela.", "Russia and China watched Venezuela."]
    texts_b = ["Vladimir Rouvinski, a professor at Icesi University, spoke about Russia.",
               "Russia helped Venezuela with oil.", "China lent Venezuela money, unlike Russia."]
    toks_a, toks_b = [tokenize(t) for t in texts_a], [tokenize(t) for t in texts_b]
    idf = idf_table([t.content for t in toks_a + toks_b])
    bags_a = [make_bag(t, s, idf) for t, s in zip(toks_a, texts_a, strict=True)]
    bags_b = [make_bag(t, s, idf) for t, s in zip(toks_b, texts_b, strict=True)]
    x = pair_features(bags_a, bags_b, [(0, 0), (1, 1), (2, 2)], idf)
    # vladimir, rouvinski, icesi, univers, professor, spoke: 6 x (2/2 - 2/6) of the 5 for 1
    assert abs(x["anchors"][0] - 0.8) < 1e-9
    assert x["anchors"][1] < 0.05  # russia in every sentence, venezuela in four of six
    assert x["anchors"][1] < x["anchors"][2] < x["anchors"][0]  # china also in only two
    assert _features(texts_a[0], texts_b[0])["anchors"] == 0.0


def test_copy_share_reaches_the_link_stage() -> None:
    from annotator.core.align.linking import link_features

    ta = tokenize("Storm hits coast")
    idf = idf_table([ta.content])
    bag = make_bag(ta, "Storm hits coast", idf)
    for share in (0.0, 0.75):
        x = pair_features([bag], [bag], [(0, 0)], idf, copy_share=share)
        z = link_features(x, np.array([0.9]), [(0, 0)])
        assert z["copy_share"][0] == share


def test_every_weight_names_a_feature_the_model_computes() -> None:
    """A fitted weight under a name no feature has would silently weigh nothing."""
    from annotator.core.align.linking import LINK_FEATURES
    from annotator.core.align.scoring import LEXICAL

    stage_one = {"bias", *LEXICAL, "semantic", "semantic_csls"}
    for name, model in calibration.MODELS.items():
        assert set(model["similarity"]) <= stage_one, name
        assert set(model["link"]) <= {"bias", *LINK_FEATURES}, name


def test_features_are_addressed_by_name_and_unknown_names_fail() -> None:
    import pytest

    from annotator.core.align.scoring import Features, probability

    x = Features(2, {"a": np.array([0.0, 1.0]), "b": 3.0})
    assert x.matrix(["b", "a"]).tolist() == [[3.0, 0.0], [3.0, 1.0]]
    assert np.allclose(probability(x, {"bias": -3.0, "b": 1.0}), 0.5)
    with pytest.raises(KeyError, match="no feature 'c'"):
        probability(x, {"c": 1.0})
