"""Alignment quality on a non-English pair set: standard German articles against their Simple
German rewrites, aligned sentence by sentence by hand (benchmarks/data/simple_german, see
SOURCE.md there for the source and licence).

Each article becomes a pair: A is the standard German sentences, B the Simple German ones, in
their order, three sentences to a paragraph (so sentence splitting matters: "am 28. November"
must not end a sentence). A predicted link counts every gold sentence of which it covers at
least half; precision, recall and F1 are over gold sentence pairs. The same pairs run with the
German rules (the detected language: pysbd's German rules, German Snowball stems and
stopwords) and with the English rules the app used for every text before.

    python benchmarks/quality_languages.py            # prints the table
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import Document, align

DATA = Path(__file__).resolve().parent / "data" / "simple_german"
PER_PARAGRAPH = 3


@dataclass(frozen=True)
class Pair:
    name: str
    text_a: str
    text_b: str
    sents_a: list[tuple[int, int]]
    sents_b: list[tuple[int, int]]
    gold: set[tuple[int, int]]


def _join(sentences: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text, spans = "", []
    for n, sent in enumerate(sentences):
        if n:
            text += "\n\n" if n % PER_PARAGRAPH == 0 else " "
        spans.append((len(text), len(text) + len(sent)))
        text += sent
    return text, spans


def load_pairs() -> list[Pair]:
    pairs = []
    for simple in sorted(DATA.glob("*.simple")):
        lines_b = simple.read_text("utf-8").splitlines()
        lines_a = simple.with_suffix(".normal").read_text("utf-8").splitlines()
        normal: list[str] = []
        easy: list[str] = []
        gold = set()
        for line_a, line_b in zip(lines_a, lines_b, strict=True):
            line_a, line_b = " ".join(line_a.split()), " ".join(line_b.split())
            if not line_a or not line_b:
                continue
            if line_a not in normal:
                normal.append(line_a)
            if line_b not in easy:
                easy.append(line_b)
            gold.add((normal.index(line_a), easy.index(line_b)))
        text_a, sents_a = _join(normal)
        text_b, sents_b = _join(easy)
        pairs.append(Pair(simple.stem[:12], text_a, text_b, sents_a, sents_b, gold))
    return pairs


def _covered(spans: tuple[tuple[int, int], ...], sents: list[tuple[int, int]]) -> set[int]:
    hit = set()
    for n, (s, e) in enumerate(sents):
        inside = sum(max(0, min(e, b) - max(s, a)) for a, b in spans)
        if inside * 2 >= e - s:
            hit.add(n)
    return hit


def sentences_kept(pairs: list[Pair], language: str) -> float:
    """Share of the gold sentences that sentence splitting returns whole, as one sentence."""
    kept = total = 0
    for p in pairs:
        for text, gold in ((p.text_a, p.sents_a), (p.text_b, p.sents_b)):
            found = {(s.start, s.end) for s in Document.from_text("A", text,
                                                                  language=language).sentences}
            kept += len(found & set(gold))
            total += len(gold)
    return kept / total


def evaluate(pairs: list[Pair], language: str) -> tuple[float, float, float, float]:
    tp = fp = fn = 0
    started = time.perf_counter()
    for p in pairs:
        a = Document.from_text("A", p.text_a, language=language)
        b = Document.from_text("B", p.text_b, language=language)
        predicted = set()
        for link in align(a, b):
            sa = _covered(tuple((s.start, s.end) for s in link.a), p.sents_a)
            sb = _covered(tuple((s.start, s.end) for s in link.b), p.sents_b)
            predicted |= {(x, y) for x in sa for y in sb}
        tp += len(predicted & p.gold)
        fp += len(predicted - p.gold)
        fn += len(p.gold - predicted)
    seconds = time.perf_counter() - started
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, seconds


def main() -> int:
    pairs = load_pairs()
    detected = {Document.from_text("A", p.text_a, language=None).language for p in pairs}
    print(f"{len(pairs)} pairs, {sum(len(p.gold) for p in pairs)} gold sentence pairs; "
          f"detected languages of A: {sorted(detected)}")
    print("| rules | pairs | sentences kept whole | P | R | F1 | time (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, language in (("German (detected)", "de"), ("English (before)", "en")):
        kept = sentences_kept(pairs, language)
        p, r, f, seconds = evaluate(pairs, language)
        print(f"| {label} | {len(pairs)} | {kept:.3f} | {p:.3f} | {r:.3f} | {f:.3f} | "
              f"{seconds:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
