"""The suggestions' ranking model: fit it, and compare it with the rankings it replaced.

    .venv/bin/python benchmarks/suggest_ranker.py      # fit suggest.RANKER, print it

Every candidate of every unmatched gold sentence with a gold partner (news_synth, the pairs
aligned at the default settings on their gold sentences) is one row: `ranking_features` of
the pair, labelled by whether it is a gold partner. The weights are fitted on the half of
the dev set the benchmark does not report (where the aligner was fitted too) and checked on
the other half by suggest_quality.py.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import Document, align
from annotator.core.align.partners import score_pairs as aligner_scores
from annotator.core.segment import Segment
from annotator.core.suggest import RANKER, ranking_features, unmatched
from benchmarks import quality_corpora as corpora


@dataclass
class Row:
    """One unmatched sentence: its candidates' features (name -> one value per candidate of
    the other article) and which candidates are gold partners."""

    features: dict[str, np.ndarray]
    gold: np.ndarray


def gold_docs(pair: corpora.Pair) -> tuple[Document, Document]:
    """The pair's texts with the gold sentences as the documents' sentences."""
    a, b = Document.from_text("A", pair.text_a), Document.from_text("B", pair.text_b)
    a.__dict__["sentences"] = [Segment(s, e) for s, e in pair.sents_a]
    b.__dict__["sentences"] = [Segment(s, e) for s, e in pair.sents_b]
    return a, b


def gold_partners(pair: corpora.Pair, side: str) -> dict[int, set[int]]:
    gold: dict[int, set[int]] = {}
    for i, j in pair.sentence_links:
        mine, theirs = (i, j) if side == "A" else (j, i)
        gold.setdefault(mine, set()).add(theirs)
    return gold


def collect(pairs: list[corpora.Pair]) -> list[Row]:
    """Rows of every pair the aligner embedded (the ranker's weights are for those)."""
    out: list[Row] = []
    for pair in pairs:
        a, b = gold_docs(pair)
        if not a.sentences or not b.sentences:
            continue
        links = align(a, b)
        everything = [(i, j) for i in range(len(a.sentences)) for j in range(len(b.sentences))]
        features = ranking_features(a, b, everything)
        if "semantic" not in features:
            continue
        default = np.clip(aligner_scores(a, b, everything), 1e-6, 1 - 1e-6)
        features["default_logit"] = np.log(default / (1 - default))
        shape = (len(a.sentences), len(b.sentences))
        grids = {name: values.reshape(shape) for name, values in features.items()}
        for side, doc in (("A", a), ("B", b)):
            gold = gold_partners(pair, side)
            starts = {seg.start: k for k, seg in enumerate(doc.sentences)}
            for span in unmatched(doc, side, links):
                i = starts[span.start]
                if not gold.get(i):
                    continue
                mine = {n: (g if side == "A" else g.T)[i] for n, g in grids.items()}
                width = len(next(iter(mine.values())))
                out.append(Row(mine, np.array([j in gold[i] for j in range(width)], float)))
    return out


def fit(rows: list[Row], names: list[str]) -> dict[str, float]:
    """Logistic weights over the named features (L2-penalised, Newton steps)."""
    x = np.concatenate([np.stack([np.ones(len(r.gold))] + [r.features[n] for n in names], 1)
                        for r in rows])
    y = np.concatenate([r.gold for r in rows])
    w = np.zeros(x.shape[1])
    penalty = np.diag(np.r_[0.0, np.ones(len(names))])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        w -= np.linalg.solve((x * (p * (1 - p))[:, None]).T @ x + penalty,
                             x.T @ (p - y) + penalty @ w)
    return {"bias": round(float(w[0]), 4)} | {
        n: round(float(v), 4) for n, v in zip(names, w[1:], strict=True)}


def top_k(rows: list[Row], weights: dict[str, float], k: int = 3) -> float:
    """Share of rows with a gold partner among the k best by the weighted features."""
    hits = 0
    for row in rows:
        z = sum(w * row.features[n] for n, w in weights.items() if n != "bias")
        hits += bool(row.gold[np.argsort(-np.asarray(z), kind="stable")[:k]].any())
    return hits / max(1, len(rows))


def comparison(fit_rows: list[Row], test_rows: list[Row]) -> list[tuple[str, float, float]]:
    """(ranking, top 3 on the fitting half, top 3 on the benchmark half): the shipped ranker,
    refits with one column fewer, more or swapped, and single signals."""
    out = [("the shipped ranker: lexical link log-odds, words-only similarity, anchors, CSLS "
            "cosine", top_k(fit_rows, RANKER), top_k(test_rows, RANKER))]
    refits = (
        ("the previous ranker's columns, refit: lexical link log-odds, cosine, CSLS cosine",
         ["link_logit", "semantic", "semantic_csls"]),
        ("refit without anchors", ["link_logit", "words_logit", "semantic_csls"]),
        ("refit without the words-only similarity", ["link_logit", "anchors", "semantic_csls"]),
        ("refit with the plain cosine instead of CSLS",
         ["link_logit", "words_logit", "anchors", "semantic"]),
        ("refit with the plain cosine as well",
         ["link_logit", "words_logit", "anchors", "semantic", "semantic_csls"]),
        ("refit with the default (embedding) link log-odds instead of the lexical",
         ["default_logit", "words_logit", "anchors", "semantic_csls"]),
        ("refit with the default link log-odds as well",
         ["link_logit", "default_logit", "words_logit", "anchors", "semantic_csls"]),
        ("refit over the default link log-odds, cosine and CSLS cosine",
         ["default_logit", "semantic", "semantic_csls"]))
    for label, names in refits:
        weights = fit(fit_rows, names)
        out.append((label, top_k(fit_rows, weights), top_k(test_rows, weights)))
    for label, name in (("the aligner's default link probability alone", "default_logit"),
                        ("the lexical link probability alone", "link_logit"),
                        ("anchors alone", "anchors"), ("cosine alone", "semantic"),
                        ("CSLS cosine alone", "semantic_csls")):
        one = {name: 1.0}
        out.append((label, top_k(fit_rows, one), top_k(test_rows, one)))
    return out


def main() -> None:
    rows = collect(corpora.abcd("news_synth", None, held_out=True))
    print(f"RANKER = {fit(rows, [n for n in RANKER if n != 'bias'])}  # {len(rows)} sentences")


if __name__ == "__main__":
    main()
