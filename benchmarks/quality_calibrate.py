"""Fit the aligner's pair model on gold data the benchmark does not report on.

    .venv/bin/python benchmarks/quality_calibrate.py [--write] [--semantic]

Candidates come from the aligner itself (`score_documents`), labelled from the gold of the
held-out halves of ABCD news_synth and news_ecb, PAN13 pairs outside the benchmark sample and
the MSRP training split (the PAN-paraphrase pairs are left for evaluation only). Each corpus
gets the same total weight, so no one corpus decides what a probability means. Logistic
regressions (Newton steps, small L2) give the weights; the threshold that maximises the mean
of held-out news_synth F1, news_ecb F1 and PAN13 plagdet becomes the default.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import Document
from annotator.core.align import calibration
from annotator.core.align.pipeline import group_pairs, score_documents
from annotator.core.align.scoring import (
    LINK_FEATURES,
    SIMILARITY,
    link_features,
    link_probability,
    similarity,
)
from benchmarks import quality_corpora as corpora
from benchmarks.quality_metrics import merge_runs, pooled_plagdet, prf, sentence_pairs

CALIBRATION = Path(__file__).resolve().parents[1] / "annotator/core/align/calibration.py"


def _inside(seg: tuple[int, int], span: tuple[int, int]) -> bool:
    overlap = min(seg[1], span[1]) - max(seg[0], span[0])
    return overlap > 0.5 * (seg[1] - seg[0])


def _abcd_labels(p: corpora.Pair, sa: list[tuple[int, int]], sb: list[tuple[int, int]],
                 pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    def mapping(ours: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[set[int]]:
        return [{g for g, gs in enumerate(gold) if _inside(gs, o) or _inside(o, gs)} for o in ours]

    ma, mb = mapping(sa, p.sents_a), mapping(sb, p.sents_b)
    return np.array([any((gi, gj) in p.sentence_links for gi in ma[i] for gj in mb[j])
                     for i, j in pairs], dtype=float)


def _pan_labels(p: corpora.Pair, sa: list[tuple[int, int]], sb: list[tuple[int, int]],
                pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """Sentences inside one copied case, at the same place in its two copies."""
    def same_place(i: int, j: int, ga: tuple[int, int], gb: tuple[int, int]) -> bool:
        shift = abs((sa[i][0] - ga[0]) - (sb[j][0] - gb[0]))
        return shift <= max(sa[i][1] - sa[i][0], sb[j][1] - sb[j][0]) / 2 + 20

    return np.array([any(_inside(sa[i], ga) and _inside(sb[j], gb) and same_place(i, j, ga, gb)
                         for ga, gb in p.gold) for i, j in pairs], dtype=float)


Doc = tuple[np.ndarray, list[tuple[int, int]], np.ndarray]  # features, pairs, labels
SIMILARITY_SETS = ("news_synth", "news_ecb", "pan13", "msrp")
LINK_SETS = ("news_synth", "news_ecb", "pan13")
MONOTONE = [LINK_FEATURES.index("similarity_logit"), LINK_FEATURES.index("verbatim")]


def collect(method: str, scale: float) -> dict[str, list[Doc]]:
    def n(k: int) -> int:
        return max(5, int(k * scale))

    sets = [
        ("news_synth", corpora.abcd("news_synth", None, held_out=True), "abcd"),
        ("news_ecb", corpora.abcd("news_ecb", n(300), held_out=True), "abcd"),
        ("pan13", corpora.pan13(n(20), held_out=True), "pan"),
        ("msrp", corpora.sentence_pairs_train("msrp", n(1500)), "pairs"),
    ]
    out: dict[str, list[Doc]] = {}
    for name, pairs, kind in sets:
        docs = []
        for p in pairs:
            s = score_documents(Document("A", p.text_a), Document("B", p.text_b), method)
            if not s.pairs:
                continue
            sa = [(x.start, x.end) for x in s.sents_a]
            sb = [(x.start, x.end) for x in s.sents_b]
            if kind == "abcd":
                y = _abcd_labels(p, sa, sb, s.pairs)
            elif kind == "pan":
                y = _pan_labels(p, sa, sb, s.pairs)
            else:
                y = np.full(len(s.pairs), p.label)
            docs.append((s.features, s.pairs, y))
        total = sum(len(d[2]) for d in docs)
        positive = int(sum(d[2].sum() for d in docs))
        print(f"{name}: {len(pairs)} pairs, {total} candidates, {positive} positive", flush=True)
        out[name] = docs
    return out


def fit(blocks: list[tuple[np.ndarray, np.ndarray]], l2: float = 1.0) -> np.ndarray:
    """Weighted logistic regression by Newton's method; each block (corpus) weighs the same.
    The first column is the intercept and is not regularised."""
    x = np.vstack([b[0] for b in blocks])
    y = np.concatenate([b[1] for b in blocks])
    w = np.concatenate([np.full(len(b[1]), 1000.0 / len(b[1])) for b in blocks])
    beta = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        grad = x.T @ (w * (p - y)) + reg * beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def fit_two_stage(data: dict[str, list[Doc]], semantic: bool,
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Stage one on the candidates of news and PAN pairs plus MSRP's sentence pairs judged by
    people; stage two on the document pairs, with stage one's output as its main input."""
    columns = list(SIMILARITY) + ([13] if semantic else [])
    sim = fit([(np.vstack([d[0][:, columns] for d in data[name]]),
                np.concatenate([d[2] for d in data[name]])) for name in SIMILARITY_SETS])
    blocks = []
    for name in LINK_SETS:
        zs = [link_features(d[0], similarity(d[0], sim), d[1]) for d in data[name]]
        blocks.append((np.vstack(zs), np.concatenate([d[2] for d in data[name]])))
    # More similar or more verbatim must never mean less likely: a column whose weight comes
    # out negative (it overlaps with the similarity) is dropped and the rest refitted.
    keep = list(range(len(LINK_FEATURES)))
    while True:
        link = np.zeros(len(LINK_FEATURES))
        link[keep] = fit([(z[:, keep], y) for z, y in blocks])
        wrong = [k for k in MONOTONE if k in keep and link[k] < 0]
        if not wrong:
            return sim, link
        keep.remove(wrong[0])


def held_out_score(method: str, weights: tuple[np.ndarray, np.ndarray],
                   thresholds: Sequence[float], scale: float) -> dict[float, float]:
    """At each threshold, the mean of held-out news_synth F1, news_ecb F1 and PAN13 plagdet:
    one default has to serve rewrites, two-outlet news and copies in long pages alike."""
    result = {t: 0.0 for t in thresholds}
    per_subset: dict[str, dict[float, float]] = {}
    for subset, count in (("news_synth", None), ("news_ecb", max(5, int(200 * scale)))):
        pairs = corpora.abcd(subset, count, held_out=True)
        scored = [score_documents(Document("A", p.text_a), Document("B", p.text_b), method)
                  for p in pairs]
        for t in thresholds:
            tp = fp = fn = 0
            for p, s in zip(pairs, scored, strict=True):
                prob = link_probability(s.features, s.pairs, *weights)
                chosen = _select(s.pairs, prob, t)
                links = [([(s.sents_a[i].start, s.sents_a[i].end) for i in ga],
                          [(s.sents_b[j].start, s.sents_b[j].end) for j in gb])
                         for ga, gb, _ in group_pairs(chosen)]
                links += [([c.a], [c.b]) for c in s.copies]
                pred = sentence_pairs(links, p.sents_a, p.sents_b)
                tp += len(pred & p.sentence_links)
                fp += len(pred - p.sentence_links)
                fn += len(p.sentence_links - pred)
            f1 = prf(tp, fp, fn)[2]
            result[t] += f1 / 3
            per_subset.setdefault(subset, {})[t] = round(f1, 3)
    pan = corpora.pan13(max(5, int(20 * scale)), held_out=True)
    pan_scored = [score_documents(Document("A", p.text_a), Document("B", p.text_b), method)
                  for p in pan]
    for t in thresholds:
        per_pair = []
        for p, s in zip(pan, pan_scored, strict=True):
            prob = link_probability(s.features, s.pairs, *weights)
            dets = []
            for ga, gb, _ in group_pairs(_select(s.pairs, prob, t)):
                dets.append(((s.sents_a[ga[0]].start, s.sents_a[ga[-1]].end),
                             (s.sents_b[gb[0]].start, s.sents_b[gb[-1]].end)))
            dets += [(c.a, c.b) for c in s.copies]
            per_pair.append((p.gold, merge_runs(dets)))
        score = pooled_plagdet(per_pair)[3]
        per_subset.setdefault("pan13 plagdet", {})[t] = round(score, 3)
        result[t] += score / 3
    print("  per subset:", per_subset)
    return result


def _select(pairs: Sequence[tuple[int, int]], prob: np.ndarray, t: float,
            max_group: int = 3) -> dict[tuple[int, int], float]:
    count_a: dict[int, int] = {}
    count_b: dict[int, int] = {}
    chosen = {}
    for k in np.argsort(-prob, kind="stable").tolist():
        if prob[k] < t:
            break
        i, j = pairs[k]
        if count_a.get(i, 0) >= max_group or count_b.get(j, 0) >= max_group:
            continue
        chosen[i, j] = float(prob[k])
        count_a[i] = count_a.get(i, 0) + 1
        count_b[j] = count_b.get(j, 0) + 1
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", action="store_true", help="fit the semantic model too")
    parser.add_argument("--write", action="store_true", help="rewrite calibration.py")
    parser.add_argument("--scale", type=float, default=1.0, help="shrink the samples")
    parser.add_argument("--semantic-scale", type=float, default=0.3,
                        help="shrink the samples for the semantic model (embedding is slow)")
    args = parser.parse_args(argv)
    grid = [round(0.05 * k, 2) for k in range(2, 17)]
    models = {}
    for method in ("default", "semantic") if args.semantic else ("default",):
        scale = args.semantic_scale if method == "semantic" else args.scale
        data = collect(method, scale)
        sim, link = fit_two_stage(data, method == "semantic")
        print(f"{method} similarity:", np.round(sim, 3).tolist())
        print(f"{method} link:", dict(zip(LINK_FEATURES, np.round(link, 3).tolist(), strict=True)))
        f1 = held_out_score(method, (sim, link), grid, scale)
        print(f"{method} held-out mean score by threshold:",
              {t: round(v, 3) for t, v in f1.items()})
        models[method] = (sim, link, max(grid, key=lambda t: (f1[t], -t)))
    if args.write:
        write(models)
    return 0


def _fmt(values: np.ndarray) -> str:
    items = [f"{v:.4f}" for v in values]
    lines, line = [], "    "
    for item in items:
        if len(line) + len(item) + 2 > 96:
            lines.append(line.rstrip())
            line = "    "
        line += item + ", "
    lines.append(line.rstrip())
    return "\n".join(lines)


def write(models: dict[str, tuple[np.ndarray, np.ndarray, float]]) -> None:
    sim, link, threshold = models["default"]
    text = ('"""Fitted weights of the two-stage pair model (see scoring.py), written by\n'
            '`python benchmarks/quality_calibrate.py --write --semantic`; do not edit by hand."""'
            "\n\n# (similarity weights over scoring.SIMILARITY, link weights over LINK_FEATURES)\n"
            f"DEFAULT: tuple[tuple[float, ...], tuple[float, ...]] = (\n(\n{_fmt(sim)}\n), "
            f"(\n{_fmt(link)}\n))\n")
    if "semantic" in models:
        ssim, slink, _ = models["semantic"]
    else:  # keep the semantic model fitted last time
        ssim, slink = (np.array(w) for w in calibration.SEMANTIC)
    text += (f"SEMANTIC: tuple[tuple[float, ...], tuple[float, ...]] = (\n(\n{_fmt(ssim)}\n), "
             f"(\n{_fmt(slink)}\n))\n")
    text += ("# the threshold that maximised the mean of held-out news F1s and PAN13 plagdet\n"
             f"DEFAULT_THRESHOLD = {threshold}\n")
    CALIBRATION.write_text(text, encoding="utf-8")
    print(f"wrote {CALIBRATION}")


if __name__ == "__main__":
    raise SystemExit(main())
