"""The benchmark's scores on inputs small enough to check by hand."""

from __future__ import annotations

import math

import pytest

from benchmarks.quality_metrics import (
    best_accuracy,
    merge_runs,
    plagdet,
    pooled_plagdet,
    prf,
    roc_auc,
    sentence_pairs,
    snap_to_sentences,
    spearman,
)


def test_snap_needs_half_of_a_gold_sentence() -> None:
    sentences = [(0, 10), (11, 20), (21, 40)]
    assert snap_to_sentences([(0, 5)], sentences) == [0]
    assert snap_to_sentences([(0, 4)], sentences) == []
    assert snap_to_sentences([(5, 30)], sentences) == [0, 1]


def test_sentence_pairs_cross_both_sides() -> None:
    pairs = sentence_pairs([([(0, 20)], [(0, 10)])], [(0, 10), (11, 20)], [(0, 10), (11, 20)])
    assert pairs == {(0, 0), (1, 0)}


def test_prf() -> None:
    assert prf(2, 2, 0) == pytest.approx((0.5, 1.0, 2 / 3))
    assert prf(0, 0, 3) == (0.0, 0.0, 0.0)


def test_plagdet_perfect_and_split_detection() -> None:
    case = ((0, 100), (50, 150))
    assert plagdet([case], [case]) == pytest.approx((1.0, 1.0, 1.0, 1.0))
    halves = [((0, 50), (50, 100)), ((50, 100), (100, 150))]
    prec, rec, gran, score = plagdet([case], halves)
    assert (prec, rec, gran) == pytest.approx((1.0, 1.0, 2.0))
    assert score == pytest.approx(1 / math.log2(3))


def test_plagdet_overlap_must_be_on_both_sides() -> None:
    case = ((0, 100), (0, 100))
    wrong_place = ((0, 100), (500, 600))
    assert plagdet([case], [wrong_place])[:2] == (0.0, 0.0)


def test_pooled_plagdet_keeps_pairs_apart() -> None:
    per_pair = [([((0, 10), (0, 10))], [((0, 10), (0, 10))]), ([((0, 10), (0, 10))], [])]
    prec, rec, gran, _ = pooled_plagdet(per_pair)
    assert (prec, rec, gran) == pytest.approx((1.0, 0.5, 1.0))


def test_roc_auc_and_ties() -> None:
    assert roc_auc([0.9, 0.8, 0.1, 0.2], [True, True, False, False]) == 1.0
    assert roc_auc([0.5, 0.5], [True, False]) == 0.5
    assert roc_auc([0.1, 0.9], [True, False]) == 0.0


def test_best_accuracy_finds_the_cut() -> None:
    acc, t = best_accuracy([0.9, 0.7, 0.4, 0.2], [True, True, False, False])
    assert acc == 1.0 and t == 0.7


def test_spearman() -> None:
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)


def test_merge_runs_joins_continuations_only() -> None:
    runs = merge_runs([((0, 10), (100, 110)), ((11, 20), (111, 120)), ((500, 510), (0, 10))])
    assert runs == [((0, 20), (100, 120)), ((500, 510), (0, 10))]
