"""The vectorised candidate generator picks what the plain definition picks."""

from __future__ import annotations

import heapq
import random
from collections import defaultdict

from annotator.core.align.candidates import MAX_CAP, candidate_pairs, frequency_cap


def reference(stems_a, stems_b, idf, per_sentence):  # type: ignore[no-untyped-def]
    """The definition, written the slow obvious way."""
    df_a, df_b = defaultdict(int), defaultdict(int)
    for s in stems_a:
        for w in set(s):
            df_a[w] += 1
    for s in stems_b:
        for w in set(s):
            df_b[w] += 1
    cap_a, cap_b = frequency_cap(len(stems_a)), frequency_cap(len(stems_b))
    votes = defaultdict(float)
    for i, sa in enumerate(stems_a):
        for j, sb in enumerate(stems_b):
            for w in set(sa) & set(sb):
                if df_a[w] <= cap_a and df_b[w] <= cap_b:
                    votes[i, j] += idf.get(w, 1.0)
    by_a, by_b = defaultdict(list), defaultdict(list)
    for (i, j), v in votes.items():
        by_a[i].append((v, -j))
        by_b[j].append((v, -i))
    chosen = {(0, 0)}
    for i, options in by_a.items():
        chosen.update((i, -nj) for _, nj in heapq.nlargest(per_sentence, options))
    for j, options in by_b.items():
        chosen.update((-ni, j) for _, ni in heapq.nlargest(per_sentence, options))
    return sorted(chosen)


def _random_doc(rng: random.Random, sentences: int, vocabulary: int) -> list[frozenset[str]]:
    words = [f"w{k}" for k in range(vocabulary)]
    return [frozenset(rng.choices(words, k=rng.randint(1, 9))) for _ in range(sentences)]


def test_matches_the_definition_on_random_documents() -> None:
    rng = random.Random(7)
    for _ in range(40):
        a = _random_doc(rng, rng.randint(1, 40), rng.randint(5, 80))
        b = _random_doc(rng, rng.randint(1, 40), rng.randint(5, 80))
        # powers of two: sums are exact in floating point, so ties are real ties
        idf = {f"w{k}": float(2 ** rng.randint(0, 3)) for k in range(80)}
        per = rng.randint(1, 6)
        assert candidate_pairs(a, b, idf, per) == reference(a, b, idf, per)


def test_finds_reordered_partners_and_the_headline() -> None:
    a = [frozenset({"venezuela", "alli"}), frozenset({"tanker", "seiz"}), frozenset({"loan"})]
    b = [frozenset({"loan", "china"}), frozenset({"headlin"}), frozenset({"tanker", "oil"})]
    pairs = candidate_pairs(a, b, {}, 1)
    assert (1, 2) in pairs and (2, 0) in pairs and (0, 0) in pairs


def test_common_stems_are_capped_so_votes_stay_linear() -> None:
    assert frequency_cap(20) == 12 and frequency_cap(100) == 25
    assert frequency_cap(1_000_000) == MAX_CAP
    n = 3000
    a = [frozenset({"said", f"rare{i}"}) for i in range(n)]
    b = [frozenset({"said", f"rare{i}"}) for i in reversed(range(n))]
    pairs = candidate_pairs(a, b, {}, 2)
    assert len(pairs) < 3 * n  # "said" is in every sentence: no vote, no n^2 pairs
    assert all((i, n - 1 - i) in set(pairs) for i in range(0, n, 97))
