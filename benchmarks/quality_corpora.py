"""Gold corpora for the quality benchmark, read through shared/corpora/readers.py and sampled
with a fixed seed so that a run takes minutes, not hours."""

from __future__ import annotations

import importlib.util
import json
import os
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

Range = tuple[int, int]
SEED = 20261121


def corpora_root() -> Path:
    env = os.environ.get("ANNOTATOR_CORPORA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared" / "corpora"


@lru_cache(maxsize=1)
def readers() -> ModuleType:
    path = corpora_root() / "readers.py"
    spec = importlib.util.spec_from_file_location("annotator_corpora_readers", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no corpus readers at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Pair:
    """One document pair with whatever gold its corpus has."""

    id: str
    text_a: str
    text_b: str
    gold: list[tuple[Range, Range]] = field(default_factory=list)
    sents_a: list[Range] = field(default_factory=list)  # ABCD: gold sentence ranges
    sents_b: list[Range] = field(default_factory=list)
    sentence_links: set[tuple[int, int]] = field(default_factory=set)
    label: float = 0.0  # paraphrase yes/no, or Clough's ordinal category


def sample(items: list[Any], n: int | None) -> list[Any]:
    if n is None or n >= len(items):
        return items
    rng = random.Random(SEED)
    return sorted(rng.sample(items, n), key=items.index)


def _join(sents: list[str]) -> tuple[str, list[Range]]:
    """Sentences joined with single spaces, as running text: our segmentation is measured too."""
    spans, pos = [], 0
    for s in sents:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    return " ".join(sents), spans


def abcd(subset: str, n: int | None, held_out: bool = False) -> list[Pair]:
    """Pairs of an ABCD set; `held_out` gives pairs outside the benchmark's sample (for fitting)."""
    base = corpora_root() / "abcd_link" / subset
    docs = json.loads((base / "docs.json").read_text(encoding="utf-8"))
    links = json.loads((base / f"{subset}_links.json").read_text(encoding="utf-8"))
    pairs = []
    ids = sorted(links)
    picked = sample(ids, _half(subset, len(ids)))
    if held_out:
        rest = sorted(set(ids) - set(picked))
        picked = sample(rest, n)
    else:
        picked = sample(picked, n)
    for link_id in picked:
        rec = links[link_id]
        a = docs[rec["doc1"]]
        b = docs[rec["doc2"]]
        text_a, sents_a = _join([a[k] for k in sorted(a, key=int)])
        text_b, sents_b = _join([b[k] for k in sorted(b, key=int)])
        gold = {(int(i), int(j)) for i, js in rec["links"].items() for j in js}
        pairs.append(Pair(f"{subset}:{link_id}", text_a, text_b, sents_a=sents_a,
                          sents_b=sents_b, sentence_links=gold))
    return pairs


def _half(subset: str, total: int) -> int:
    """The benchmark's share of a corpus; the rest is left for fitting the score calibration."""
    return total // 2


def pan13(n: int | None, held_out: bool = False) -> list[Pair]:
    items = list(readers().read_pan13())
    picked = sample(items, _half("pan13", len(items)))
    if held_out:
        ids = {it.pair_id for it in picked}
        picked = [it for it in items if it.pair_id not in ids]
    return [Pair(it.pair_id, it.doc_a, it.doc_b, gold=list(it.gold)) for it in sample(picked, n)]


def clough() -> list[Pair]:
    order = {"cut": 3.0, "light": 2.0, "heavy": 1.0, "non": 0.0}
    return [Pair(it.pair_id, it.doc_a, it.doc_b, label=order[it.meta["category"]])
            for it in readers().read_clough()]


def sentence_pairs(name: str, n: int | None) -> list[Pair]:
    """MSRP or the PAN paraphrase pairs (test split): label 1.0 for a paraphrase."""
    r = readers()
    reader = r.read_msrp("test") if name == "msrp" else r.read_pan_paraphrase("test")
    items = list(reader)
    return [Pair(it.pair_id, it.doc_a, it.doc_b, label=float(bool(it.gold)))
            for it in sample(items, n)]


def sentence_pairs_train(name: str, n: int | None) -> list[Pair]:
    """Training split, for fitting the score calibration (never for reporting)."""
    r = readers()
    reader = r.read_msrp("train") if name == "msrp" else r.read_pan_paraphrase("train")
    return [Pair(it.pair_id, it.doc_a, it.doc_b, label=float(bool(it.gold)))
            for it in sample(list(reader), n)]
