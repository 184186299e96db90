"""Fit the aligner's pair model on gold data the benchmark does not report on.

    .venv/bin/python benchmarks/quality_calibrate.py [--write] [--method NAME ...]

Candidates come from the aligner itself (`score_documents`), labelled from the gold of the
held-out halves of ABCD news_synth and news_ecb, PAN13 pairs outside the benchmark sample and
the MSRP training split (the PAN-paraphrase pairs are left for evaluation only). Each corpus
gets the same total weight, so no one corpus decides what a probability means. Logistic
regressions (Newton steps, small L2) give the weights; the threshold that maximises the mean
of held-out news_synth F1, news_ecb F1 and PAN13 plagdet becomes the default.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import Document
from annotator.core.align import calibration
from annotator.core.align.linking import (
    LINK_FEATURES,
    Model,
    link_features,
    link_probability,
    similarity,
)
from annotator.core.align.methods import DEFAULT_INSTALL, resolve
from annotator.core.align.pipeline import group_pairs, score_documents
from annotator.core.align.scoring import CONTENT, Features
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


Doc = tuple[Features, list[tuple[int, int]], np.ndarray]  # features, pairs, labels
SIMILARITY_SETS = ("news_synth", "news_ecb", "pan13", "msrp")
LINK_SETS = ("news_synth", "news_ecb", "pan13")
# news_ecb's gold links the mentions of one annotated event (event coreference): pairs that say
# the same thing about another matter count as negatives, which teaches a model to distrust
# similarity. It keeps a reduced say (cross-validated by pair, news_synth F1 at the default
# threshold: 0.668 fitted without it, 0.627 with it at full weight; without it news_ecb fell).
CORPUS_WEIGHT = {"news_ecb": float(os.environ.get("ANNOTATOR_ECB_WEIGHT", "0.5"))}
# more similar must never mean less likely
MONOTONE = ("similarity_logit", "words_logit", "verbatim")
SEMANTIC = ("semantic", "semantic_csls")  # stage-one columns a method with a model adds


def collect(method: str, scale: float) -> dict[str, list[Doc]]:
    # the pair model being fitted may not exist yet: score with any weights, keep the features
    calibration.MODELS.setdefault(method, calibration.MODELS["lexical"])

    def n(k: int) -> int:
        return max(5, int(k * scale))

    sets = [
        ("news_synth", corpora.abcd("news_synth", None, held_out=True), "abcd"),
        ("news_ecb", corpora.abcd("news_ecb", n(300), held_out=True), "abcd"),
        ("pan13", corpora.pan13(n(60), held_out=True), "pan"),
        ("msrp", corpora.sentence_pairs_train("msrp", n(1500)), "pairs"),
    ]
    out: dict[str, list[Doc]] = {}
    for name, pairs, kind in sets:
        docs = []
        for p in pairs:
            s = score_documents(Document("A", p.text_a), Document("B", p.text_b), method)
            if not s.pairs or s.method != resolve(method).name:
                continue  # no candidates, or a long pair the method leaves to words alone
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


def fit(blocks: list[tuple[np.ndarray, np.ndarray]], l2: float = 1.0,
        scale: Sequence[float] | None = None) -> np.ndarray:
    """Weighted logistic regression by Newton's method; each block (corpus) weighs the same.
    The first column is the intercept and is not regularised."""
    x = np.vstack([b[0] for b in blocks])
    y = np.concatenate([b[1] for b in blocks])
    scale = scale or [1.0] * len(blocks)
    w = np.concatenate([np.full(len(b[1]), 1000.0 * k / len(b[1]))
                        for b, k in zip(blocks, scale, strict=True)])
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


def similarity_names(method: str) -> list[str]:
    return list(CONTENT) + (list(SEMANTIC) if resolve(method).embed is not None else [])


def _fit_named(blocks: list[tuple[Features, np.ndarray]], names: list[str],
               scale: Sequence[float]) -> dict[str, float]:
    """`fit` over the named columns (with an intercept), as name -> weight."""
    beta = fit([(np.column_stack([np.ones(f.rows), f.matrix(names)]), y) for f, y in blocks],
               scale=scale)
    return {"bias": float(beta[0])} | {n: float(w) for n, w in zip(names, beta[1:], strict=True)}


def _stack(docs: list[Doc]) -> tuple[Features, np.ndarray]:
    names = docs[0][0].names()
    return (Features(sum(d[0].rows for d in docs),
                     {n: np.concatenate([d[0][n] for d in docs]) for n in names}),
            np.concatenate([d[2] for d in docs]))


def fit_two_stage(data: dict[str, list[Doc]], method: str) -> Model:
    """Stage one on the candidates of news and PAN pairs plus MSRP's sentence pairs judged by
    people; stage two on the document pairs, with stage one's output as its main input."""
    fitted = [name for name in SIMILARITY_SETS if data[name]]  # a method may score none
    sim = _fit_named([_stack(data[name]) for name in fitted], similarity_names(method),
                     [CORPUS_WEIGHT.get(name, 1.0) for name in fitted])
    linked = [name for name in LINK_SETS if data[name]]
    blocks = []
    for name in linked:
        zs = [(link_features(d[0], similarity(d[0], sim), d[1]), d[2]) for d in data[name]]
        blocks.append(_stack([(z, [], y) for z, y in zs]))
    # A monotone column whose weight comes out negative (it overlaps with the similarity) is
    # dropped and the rest refitted.
    keep = list(LINK_FEATURES)
    while True:
        link = {name: 0.0 for name in LINK_FEATURES} | _fit_named(
            blocks, keep, [CORPUS_WEIGHT.get(name, 1.0) for name in linked])
        wrong = [k for k in MONOTONE if k in keep and link[k] < 0]
        if not wrong:
            return {"similarity": sim, "link": link}
        keep.remove(wrong[0])


def held_out_score(method: str, weights: Model,
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
                prob = link_probability(s.features, s.pairs, _model(s.method, method, weights))
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
    pan = corpora.pan13(max(5, int(60 * scale)), held_out=True)
    pan_scored = [score_documents(Document("A", p.text_a), Document("B", p.text_b), method)
                  for p in pan]
    for t in thresholds:
        per_pair = []
        for p, s in zip(pan, pan_scored, strict=True):
            prob = link_probability(s.features, s.pairs, _model(s.method, method, weights))
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


def _model(scored_by: str, method: str, weights: Model) -> Model:
    """The model being fitted, or the fitted one of the method a long pair fell back to."""
    return weights if scored_by == resolve(method).name else calibration.MODELS[scored_by]


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
    parser.add_argument("--method", action="append",
                        help="fit this method (repeatable; default: every installed one)")
    parser.add_argument("--write", action="store_true", help="rewrite calibration.py")
    parser.add_argument("--out", type=Path, default=CALIBRATION, help="where --write writes")
    parser.add_argument("--scale", type=float, default=1.0, help="shrink the samples")
    parser.add_argument("--semantic-scale", type=float, default=0.3,
                        help="shrink the samples for MiniLM (embedding it is slow)")
    args = parser.parse_args(argv)
    grid = [round(0.05 * k, 2) for k in range(2, 17)]
    methods = args.method or [m for m in ("lexical", "wordllama", "minilm")
                              if _installed(m)]
    thresholds: dict[str, float] = {}
    for method in methods:
        scale = args.semantic_scale if method == "minilm" else args.scale
        data = collect(method, scale)
        model = fit_two_stage(data, method)
        calibration.MODELS[method] = model
        print(f"{method} similarity:", {k: round(v, 3) for k, v in model["similarity"].items()})
        print(f"{method} link:", {k: round(v, 3) for k, v in model["link"].items()})
        f1 = held_out_score(method, model, grid, scale)
        print(f"{method} held-out mean score by threshold:",
              {t: round(v, 3) for t, v in f1.items()})
        thresholds[method] = max(grid, key=lambda t: (f1[t], -t))
    if args.write:
        # the default threshold belongs to the default install's model, whatever extra is
        # installed here; refitting only another model keeps it
        write(calibration.MODELS,
              thresholds.get(DEFAULT_INSTALL, calibration.DEFAULT_THRESHOLD), args.out)
    return 0


def _installed(method: str) -> bool:
    try:
        resolve(method)
    except ValueError:
        return False
    return True


def _fmt(weights: dict[str, float], indent: str) -> str:
    items = [f'"{k}": {v:.4f}' for k, v in weights.items()]
    lines, line = [], indent
    for item in items:
        if len(line) + len(item) + 2 > 98:
            lines.append(line.rstrip())
            line = indent
        line += item + ", "
    lines.append(line.rstrip())
    return "\n".join(lines)


def write(models: dict[str, Model], threshold: float, path: Path = CALIBRATION) -> None:
    text = ('"""Fitted weights of the two-stage pair model (see scoring.py and linking.py), by '
            'feature\nname, one model per method; written by `python '
            'benchmarks/quality_calibrate.py --write`;\ndo not edit by hand."""\n\n'
            "from __future__ import annotations\n\nfrom .linking import Model\n\n"
            "MODELS: dict[str, Model] = {\n")
    for name, model in models.items():
        text += f'    "{name}": {{\n'
        for stage in ("similarity", "link"):
            text += f'        "{stage}": {{\n{_fmt(model[stage], " " * 12)}\n        }},\n'
        text += "    },\n"
    text += ("}\n# the threshold that maximised the mean of held-out news F1s and PAN13 plagdet\n"
             f"DEFAULT_THRESHOLD = {threshold}\n")
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    raise SystemExit(main())
