"""Scores for the alignment quality benchmark, kept free of corpus and aligner code so that
tests can check them on tiny hand-made inputs.

Spans are half-open ``(start, end)`` character ranges; a link is ``(spans_a, spans_b)``.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

Range = tuple[int, int]
Link = tuple[Sequence[Range], Sequence[Range]]


def _overlap(spans: Sequence[Range], target: Range) -> int:
    return sum(max(0, min(e, target[1]) - max(s, target[0])) for s, e in spans)


def snap_to_sentences(spans: Sequence[Range], sentences: Sequence[Range],
                      share: float = 0.5) -> list[int]:
    """Indices of the gold sentences a predicted side covers by at least `share` of their length."""
    return _Sentences(sentences).snap(spans, share)


class _Sentences:
    """Gold sentences, searchable: a side only looks at the sentences its spans reach, so
    scoring a 1M-word pair's tens of thousands of links is not links x sentences."""

    def __init__(self, sentences: Sequence[Range]) -> None:
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        # bisecting needs sentences in order and apart (every split is); else look at all
        self.ordered = all(sentences[k][1] <= sentences[k + 1][0]
                           for k in range(len(sentences) - 1))

    def snap(self, spans: Sequence[Range], share: float = 0.5) -> list[int]:
        if self.ordered:
            reached: set[int] = set()
            for start, end in spans:
                first = max(0, bisect_right(self.starts, start) - 1)
                reached.update(range(first, bisect_left(self.starts, end)))
            indices: Iterable[int] = sorted(reached)
        else:
            indices = range(len(self.sentences))
        hits = []
        for index in indices:
            sent = self.sentences[index]
            length = sent[1] - sent[0]
            if length > 0 and _overlap(spans, sent) >= share * length:
                hits.append(index)
        return hits


def sentence_pairs(links: Iterable[Link], sents_a: Sequence[Range],
                   sents_b: Sequence[Range]) -> set[tuple[int, int]]:
    """Predicted links as gold-sentence index pairs (every sentence of one side with every one
    of the other), so boundary choices do not blur the comparison with sentence-level gold."""
    index_a, index_b = _Sentences(sents_a), _Sentences(sents_b)
    pairs: set[tuple[int, int]] = set()
    for spans_a, spans_b in links:
        for i in index_a.snap(spans_a):
            for j in index_b.snap(spans_b):
                pairs.add((i, j))
    return pairs


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 from counts (0 when undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _union_length(ranges: list[Range]) -> int:
    total, end = 0, -1
    for s, e in sorted(ranges):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total


Case = tuple[Range, Range]


def _cut(x: Range, y: Range) -> Range | None:
    lo, hi = max(x[0], y[0]), min(x[1], y[1])
    return (lo, hi) if lo < hi else None


def _macro(units: Sequence[Case], others: Sequence[Case]) -> float:
    """Mean share of each unit covered by the others (an overlap must exist on both sides)."""
    if not units:
        return 0.0
    total = 0.0
    for u in units:
        left: list[Range] = []
        right: list[Range] = []
        for o in others:
            a, b = _cut(u[0], o[0]), _cut(u[1], o[1])
            if a and b:
                left.append(a)
                right.append(b)
        size = (u[0][1] - u[0][0]) + (u[1][1] - u[1][0])
        total += (_union_length(left) + _union_length(right)) / size if size else 0.0
    return total / len(units)


def plagdet(gold: Sequence[Case], detections: Sequence[Case]) -> tuple[float, float, float, float]:
    """PAN's measure over one document pair's cases (Potthast et al. 2010).

    Each case and detection is (source range, suspicious range); an overlap counts only when it
    is non-empty on both sides. Returns (precision, recall, granularity, plagdet).
    """
    return pooled_plagdet([(gold, detections)])


def pooled_plagdet(per_pair: Sequence[tuple[Sequence[Case], Sequence[Case]]],
                   ) -> tuple[float, float, float, float]:
    """plagdet over many document pairs: macro averages over all detections and all cases,
    each compared only with those of its own pair."""
    prec_sum = rec_sum = 0.0
    n_det = n_gold = 0
    hits: list[int] = []
    for gold, dets in per_pair:
        prec_sum += _macro(dets, gold) * len(dets)
        rec_sum += _macro(gold, dets) * len(gold)
        n_det += len(dets)
        n_gold += len(gold)
        for g in gold:
            n = sum(1 for d in dets if _cut(g[0], d[0]) and _cut(g[1], d[1]))
            if n:
                hits.append(n)
    prec = prec_sum / n_det if n_det else 0.0
    rec = rec_sum / n_gold if n_gold else 0.0
    gran = sum(hits) / len(hits) if hits else 1.0
    f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, gran, f / math.log2(1 + gran)


def _ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties getting their average rank."""
    order = sorted(range(len(values)), key=lambda k: values[k])
    ranks = [0.0] * len(values)
    k = 0
    while k < len(order):
        m = k
        while m + 1 < len(order) and values[order[m + 1]] == values[order[k]]:
            m += 1
        for t in range(k, m + 1):
            ranks[order[t]] = (k + m) / 2 + 1
        k = m + 1
    return ranks


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve (Mann-Whitney U, ties count half)."""
    ranks = _ranks(scores)
    pos = sum(1 for y in labels if y)
    neg = len(labels) - pos
    if not pos or not neg:
        return float("nan")
    rank_sum = sum(r for r, y in zip(ranks, labels, strict=True) if y)
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def best_accuracy(scores: Sequence[float], labels: Sequence[bool]) -> tuple[float, float]:
    """Best accuracy of `score >= t` over all thresholds t, and that t."""
    pairs = sorted(zip(scores, labels, strict=True), key=lambda x: -x[0])
    pos = sum(1 for y in labels if y)
    n = len(pairs)
    best, best_t = (n - pos) / n if n else 0.0, math.inf
    tp = fp = 0
    for k, (s, y) in enumerate(pairs):
        tp += y
        fp += not y
        if k + 1 < n and pairs[k + 1][0] == s:
            continue
        acc = (tp + (n - pos - fp)) / n
        if acc > best:
            best, best_t = acc, s
    return best, best_t


def accuracy_at(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> float:
    hits = sum(1 for s, y in zip(scores, labels, strict=True) if (s >= threshold) == y)
    return hits / len(labels) if labels else 0.0


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rank correlation with average ranks for ties."""
    rx, ry = _ranks(x), _ranks(y)
    n = len(x)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    vy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return cov / (vx * vy) if vx and vy else float("nan")


def merge_runs(pairs: Iterable[tuple[Range, Range]], gap: int = 300) -> list[tuple[Range, Range]]:
    """Join detections that continue each other on both sides (within `gap` characters) into
    passages, the usual last step of a PAN detector; used for the baseline's sentence pairs."""
    out: list[tuple[Range, Range]] = []
    for a, b in sorted(pairs):
        for k, (pa, pb) in enumerate(out):
            if 0 <= a[0] - pa[1] <= gap and -gap <= b[0] - pb[1] <= gap:
                out[k] = ((pa[0], max(pa[1], a[1])), (min(pb[0], b[0]), max(pb[1], b[1])))
                break
        else:
            out.append((a, b))
    return out
