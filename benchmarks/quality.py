"""Alignment quality on gold data nobody here wrote: one table, corpus x method.

    .venv/bin/python benchmarks/quality.py            # full sample, rewrites RESULTS.md section
    .venv/bin/python benchmarks/quality.py --quick    # small sample, prints only

Methods: the default aligner at its default threshold (what a user gets), the semantic backend
when installed, and the rapidfuzz token_set_ratio best-match baseline with its threshold picked
after the fact on the same data (an upper bound for it). Corpora are sampled with a fixed seed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import AlignOptions, Document
from benchmarks import quality_corpora as corpora
from benchmarks.quality_methods import (
    Method,
    Scored,
    aligner,
    semantic_available,
    token_set_baseline,
)
from benchmarks.quality_metrics import (
    accuracy_at,
    best_accuracy,
    merge_runs,
    pooled_plagdet,
    prf,
    roc_auc,
    sentence_pairs,
    spearman,
)
from benchmarks.results_md import write_section

GRID = [k / 40 for k in range(41)]
SEMANTIC_SHARE = 0.25
NOTES = """How to read it: `default` and `semantic` run `align()` at the default threshold, as a
user gets it (ranking corpora use the best link score at threshold 0); the `token_set_ratio`
baseline gets its threshold picked after the fact on the same data (`@t=`), an upper bound for
it. ABCD texts are fed as running text (sentences joined by spaces), segmented by our splitter,
and links are mapped onto gold sentences they cover by half or more. For PAN, links that
continue each other on both sides are merged into passages before plagdet (all methods alike).
The pair model's weights and the default threshold were fitted by
`benchmarks/quality_calibrate.py` on pairs outside these samples (the other half of each ABCD
set and of PAN13, and MSRP's training split); the PAN-paraphrase pairs and Clough were never
used for fitting. One configuration for all corpora: the default threshold (0.35) maximises the
mean of held-out news_synth F1, news_ecb F1 and PAN13 plagdet. `semantic` runs on a seeded
quarter of each sample only (embedding is slow on two shared cores).

What the aligner does now: a copy stage (runs of shared 6-word shingles on one diagonal, gaps
for typos, cut at A's sentence starts, exact word boundaries) links verbatim passages of 25+
words directly at 0.98; the remaining sentences go through candidates -> two-stage calibrated
model, whose link stage also sees the heaviest monotone chain through the candidates (on it /
how far off it), how related the two texts are overall, their length (more look-alikes per
true partner in long texts) and the share of sentences the copy stage already linked (where one
text copies the other in long runs, a look-alike outside the runs is mostly chance: this took
PAN13 from 0.886 to 0.951 at the default). Stage one also sees what each side adds that the
other lacks (unmatched content words, Jaccard), a sorted-token ratio, a flipped negation and
equal number sets: MSRP's negatives are near-paraphrases with a clause or a number of their own
(stage one alone on MSRP: 0.754 -> 0.761 AUC; fitted on MSRP's training split alone the same
features reach 0.79, so most of the gap to 0.80 is the one model having to serve news and PAN
candidates too; weighting MSRP 10x in the fit gave 0.770 and cost held-out news_synth 0.03).

Identical sentences that occur once in each text are copies too, wherever they sit (a moved
sentence leaves its shingle run), and a copy run joined across a sentence that only A has no
longer pairs that sentence with whatever B has there.

Targets (news_synth F1 >= 0.85, news_ecb >= 0.40, PAN13 plagdet >= 0.90, MSRP AUC >= 0.80):
PAN13 is met by the default; MSRP only by the `semantic` backend (on its 200-pair sample);
the news targets are not met. What we learned:
- PAN13 is copy detection: the copy stage alone scores plagdet 0.99 on the 233 benchmark-half
  pairs; what costs precision at the default are sentence-level look-alikes in long web pages
  (0.96 with the slider at 0.5).
- The news gold is harder than the targets assume. On held-out pairs, with the *gold* sentence
  split and the threshold picked after the fact, plain MiniLM cosine reaches F1 0.59
  (news_synth) and 0.26 (news_ecb). news_synth's misses are heavy LLM paraphrases sharing one
  or two content words; the order features (monotone chain, diagonal neighbours, a "sandwich"
  of matching neighbours) and a mutual-best feature each moved held-out F1 by under 0.01.
  news_ecb gold links come from event coreference: one sentence is linked to every sentence
  that mentions the event (79% of its gold links are one-to-many), which similarity of
  content alone cannot recover; and sentences saying the same thing about another matter are
  not gold (two Turkmen election reports: "The MPs term of office is five years." /
  "The term of office of Turkmen MPs is five years." is counted a false positive).
- Segmentation: news_ecb sentences (headlines, datelines without final punctuation, joined by
  spaces as the benchmark demands) match pysbd's split exactly for 60% of gold sentences
  (news_synth: 99.8%); merged sentences cost news_ecb precision.
- Tried and dropped: a static word-embedding table distilled from MiniLM (each WordPiece
  whole word through the model, PCA to 32-256 dims, IDF-weighted mean per sentence): as an
  extra stage-one feature it moved MSRP AUC by 0.002 (fitted on MSRP alone), and a soft
  word alignment over the same vectors (each word's best match, IDF-weighted, both ways) by
  0.005: not worth a multi-megabyte table in the app. Every sentence pair of a small document
  as a candidate (not just those sharing a rare word) changed news F1 by under 0.001.
- news_synth misses: 14% of its gold links pair sentences sharing no content word at all (no
  lexical candidate can find them); most of the rest score 0.1-0.3.
- Next: a cross-encoder or larger embedding model as an optional backend, and paraphrase
  candidates from it; a model fitted for F1 per document (not per candidate pair)."""


@dataclass
class Row:
    corpus: str
    method: str
    n: int
    metric: str
    score: float
    detail: str
    seconds: float


def _run(pairs: Sequence[corpora.Pair], method: Method) -> tuple[list[list[Scored]], float]:
    started = time.perf_counter()
    out = []
    for p in pairs:  # fresh documents: segmentation is part of each method's time
        out.append(method(Document("A", p.text_a), Document("B", p.text_b)))
    return out, time.perf_counter() - started


def _pick(thresholds: Sequence[float], measure: Callable[[float], float]) -> tuple[float, float]:
    scored = [(measure(t), t) for t in thresholds]
    return max(scored, key=lambda x: (x[0], -x[1]))


def eval_abcd(pairs: Sequence[corpora.Pair], links: list[list[Scored]],
              oracle: bool) -> tuple[float, str]:
    def measure(t: float) -> tuple[float, float, float]:
        tp = fp = fn = 0
        for p, ls in zip(pairs, links, strict=True):
            pred = sentence_pairs([(x.a, x.b) for x in ls if x.score >= t], p.sents_a, p.sents_b)
            tp += len(pred & p.sentence_links)
            fp += len(pred - p.sentence_links)
            fn += len(p.sentence_links - pred)
        return prf(tp, fp, fn)

    t = _pick(GRID, lambda t: measure(t)[2])[1] if oracle else 0.0
    p, r, f = measure(t)
    return f, f"P {p:.2f} R {r:.2f}" + (f" @t={t:.2f}" if oracle else "")


def _hull(spans: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    return min(s for s, _ in spans), max(e for _, e in spans)


def eval_pan(pairs: Sequence[corpora.Pair], links: list[list[Scored]],
             oracle: bool) -> tuple[float, str]:
    def measure(t: float) -> tuple[float, float, float, float]:
        per_pair = []
        for p, ls in zip(pairs, links, strict=True):
            dets = merge_runs([(_hull(x.a), _hull(x.b)) for x in ls if x.score >= t])
            per_pair.append((p.gold, dets))
        return pooled_plagdet(per_pair)

    t = _pick(GRID[::2], lambda t: measure(t)[3])[1] if oracle else 0.0
    prec, rec, gran, pd = measure(t)
    return pd, f"P {prec:.2f} R {rec:.2f} gran {gran:.2f}" + (f" @t={t:.2f}" if oracle else "")


def _coverage(text: str, spans: list[tuple[int, int]]) -> float:
    covered = bytearray(len(text))
    for s, e in spans:
        covered[s:e] = b"\x01" * (e - s)
    total = sum(1 for ch in text if not ch.isspace())
    return sum(1 for ch, c in zip(text, covered, strict=True) if c and not ch.isspace()) / max(1,
                                                                                           total)


def eval_clough(pairs: Sequence[corpora.Pair], links: list[list[Scored]],
                oracle: bool) -> tuple[float, str]:
    def measure(t: float) -> float:
        cov = [_coverage(p.text_b, [s for x in ls if x.score >= t for s in x.b])
               for p, ls in zip(pairs, links, strict=True)]
        return spearman(cov, [p.label for p in pairs])

    t = _pick(GRID, measure)[1] if oracle else 0.0
    cov = [_coverage(p.text_b, [s for x in ls if x.score >= t for s in x.b])
           for p, ls in zip(pairs, links, strict=True)]
    by_cat = {}
    for name, value in (("cut", 3.0), ("light", 2.0), ("heavy", 1.0), ("non", 0.0)):
        vals = [c for c, p in zip(cov, pairs, strict=True) if p.label == value]
        by_cat[name] = sum(vals) / max(1, len(vals))
    detail = " ".join(f"{k} {v:.2f}" for k, v in by_cat.items())
    return measure(t), "coverage " + detail + (f" @t={t:.2f}" if oracle else "")


def eval_pairs(pairs: Sequence[corpora.Pair], links: list[list[Scored]],
               threshold: float | None) -> tuple[float, str]:
    scores = [max((x.score for x in ls), default=0.0) for ls in links]
    labels = [p.label > 0 for p in pairs]
    auc = roc_auc(scores, labels)
    acc, t = best_accuracy(scores, labels)
    detail = f"best acc {acc:.2f} @t={t:.2f}"
    if threshold is not None:
        detail += f", acc {accuracy_at(scores, labels, threshold):.2f} @default"
    return auc, detail


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small samples, do not write")
    parser.add_argument("--no-semantic", action="store_true")
    parser.add_argument("--only", help="comma-separated corpus names")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    scale = 0.25 if args.quick else 1.0

    def n(count: int) -> int:
        return max(10, int(count * scale))

    default_t = AlignOptions().threshold
    methods: list[tuple[str, Method | None, Method | None, bool, float]] = [
        # name, as a user gets it, with threshold 0 for ranking, threshold picked after the
        # fact, share of each sample it runs on
        ("default", aligner("default"), aligner("default", 0.0), False, 1.0),
        # the same model with the slider at even odds: what copy detection wants
        ("default t=0.5", aligner("default", 0.5), aligner("default", 0.0), False, 1.0),
    ]
    if not args.no_semantic and semantic_available():
        # embedding runs at tens of sentences a second here: a fixed sub-sample keeps the run
        # to minutes (its own `pairs` column says how many)
        methods.append(("semantic", aligner("semantic"), aligner("semantic", 0.0), False,
                        SEMANTIC_SHARE))
    methods.append(("token_set_ratio", token_set_baseline, token_set_baseline, True, 1.0))

    corpus_list: list[tuple[str, Callable[[], list[corpora.Pair]], str]] = [
        ("news_synth", lambda: corpora.abcd("news_synth", n(88)), "abcd"),
        ("news_ecb", lambda: corpora.abcd("news_ecb", n(300)), "abcd"),
        ("pan13", lambda: corpora.pan13(n(40)), "pan"),
        ("msrp", lambda: corpora.sentence_pairs("msrp", n(800)), "pairs"),
        ("pan_paraphrase", lambda: corpora.sentence_pairs("pan", n(800)), "pairs"),
        ("clough", corpora.clough, "clough"),
    ]
    wanted = set(args.only.split(",")) if args.only else None
    rows: list[Row] = []
    for name, load, kind in corpus_list:
        if wanted and name not in wanted:
            continue
        everything = load()
        for mname, user, ranking, oracle, share in methods:
            size = len(everything) if share >= 1.0 else max(8, int(len(everything) * share))
            pairs = corpora.sample(everything, size)
            method = ranking if kind in ("pairs", "clough") else user
            assert method is not None
            links, seconds = _run(pairs, method)
            if kind == "abcd":
                score, detail = eval_abcd(pairs, links, oracle)
                metric = "F1"
            elif kind == "pan":
                score, detail = eval_pan(pairs, links, oracle)
                metric = "plagdet"
            elif kind == "clough":
                if not oracle:
                    at = 0.5 if mname.endswith("t=0.5") else default_t
                    links = [[x for x in ls if x.score >= at] for ls in links]
                score, detail = eval_clough(pairs, links, oracle)
                metric = "Spearman"
            else:
                at = 0.5 if mname.endswith("t=0.5") else default_t
                score, detail = eval_pairs(pairs, links, None if oracle else at)
                metric = "ROC AUC"
            row = Row(name, mname, len(pairs), metric, score, detail, seconds)
            rows.append(row)
            print(f"{row.corpus:15} {row.method:16} n={row.n:<5} {row.metric:8} "
                  f"{row.score:.3f}  {row.detail}  ({row.seconds:.1f} s)", flush=True)
    table = render(rows)
    print()
    print(table)
    if not args.quick and not args.no_write and not wanted:
        write_results(table, argv)
    return 0


def render(rows: Sequence[Row]) -> str:
    lines = ["| corpus | method | pairs | metric | score | detail | time (s) |",
             "|---|---|---:|---|---:|---|---:|"]
    for r in rows:
        lines.append(f"| {r.corpus} | {r.method} | {r.n} | {r.metric} | {r.score:.3f} | "
                     f"{r.detail} | {r.seconds:.1f} |")
    return "\n".join(lines)


def write_results(table: str, argv: Sequence[str] | None) -> None:
    """Rewrite only the quality section of RESULTS.md (another section belongs to speed)."""
    command = "python benchmarks/quality.py" + (" " + " ".join(argv) if argv else "")
    write_section("quality", "Alignment quality", f"{table}\n\n{NOTES}", command)


if __name__ == "__main__":
    raise SystemExit(main())
