"""Precision and recall of the discrepancy flags (issue 17) on the project's own gold set.

    .venv/bin/python benchmarks/assist_quality.py              # dev and held-out tables
    .venv/bin/python benchmarks/assist_quality.py --verbose    # every miss and false alarm

Each pair is aligned by the default aligner, as `annotator check A B` does, then checked. A
raised flag is a hit when a gold flag of the same kind has overlapping evidence on both sides
(null where gold is null); `optional` gold flags are neither hits nor false alarms.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import Document, align, new_project
from annotator.core.assist.check import raw_flags
from annotator.core.assist.model import FLAG_KINDS
from annotator.core.assist.passages import Raw

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "assist"
SETS = {"dev": GOLD / "gold_dev.json", "held-out": GOLD / "gold_heldout.json",
        "held-out-2": GOLD / "gold_heldout2.json",
        "attribution-forms": GOLD / "gold_attribution.json",
        "attribution-unseen": GOLD / "gold_attribution_unseen.json"}


@dataclass
class Tally:
    hits: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def precision(self, kind: str | None = None) -> float:
        tp = self.hits[kind] if kind else sum(self.hits.values())
        fp = self.false[kind] if kind else sum(self.false.values())
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, kind: str | None = None) -> float:
        tp = self.hits[kind] if kind else sum(self.hits.values())
        fn = self.missed[kind] if kind else sum(self.missed.values())
        return tp / (tp + fn) if tp + fn else 1.0


def _where(text: str, needle: str | None) -> tuple[int, int] | None:
    if needle is None:
        return None
    start = text.find(needle)
    if start < 0:
        raise ValueError(f"gold evidence {needle!r} is not in its text")
    return start, start + len(needle)


def _matches(raw: Raw, gold: dict, text_a: str, text_b: str) -> bool:
    if raw.kind != gold["kind"]:
        return False
    for span, needle, text in ((raw.a, gold["a"], text_a), (raw.b, gold["b"], text_b)):
        where = _where(text, needle)
        if (span is None) != (where is None):
            return False
        if span is not None and where is not None and not (span.start < where[1]
                                                           and where[0] < span.end):
            return False
    return True


def flags_for(text_a: str, text_b: str) -> list[Raw]:
    doc_a, doc_b = Document.from_text("A", text_a), Document.from_text("B", text_b)
    project = new_project(doc_a, doc_b)
    project.replace_proposals(align(doc_a, doc_b))
    return raw_flags(project)


def score(pairs: list[dict]) -> Tally:
    tally = Tally()
    for pair in pairs:
        a, b = pair["a"], pair["b"]
        raised = flags_for(a, b)
        gold = list(pair["flags"])
        for raw in raised:
            found = next((g for g in gold if _matches(raw, g, a, b)), None)
            if found is not None:
                gold.remove(found)
                tally.hits[raw.kind] += 1
            elif any(_matches(raw, g, a, b) for g in pair.get("optional", [])):
                continue
            else:
                tally.false[raw.kind] += 1
                tally.notes.append(f"{pair['id']}: false {raw.kind}: {raw.explanation}")
        for g in gold:
            tally.missed[g["kind"]] += 1
            tally.notes.append(f"{pair['id']}: missed {g['kind']}: {g['a']!r} / {g['b']!r}")
    return tally


def table(tally: Tally) -> str:
    rows = ["| kind | gold | raised | hits | precision | recall |", "|---|---|---|---|---|---|"]
    for kind in (*FLAG_KINDS, None):
        gold = (tally.hits[kind] + tally.missed[kind]) if kind else (
            sum(tally.hits.values()) + sum(tally.missed.values()))
        raised = (tally.hits[kind] + tally.false[kind]) if kind else (
            sum(tally.hits.values()) + sum(tally.false.values()))
        hits = tally.hits[kind] if kind else sum(tally.hits.values())
        rows.append(f"| {kind or '**all**'} | {gold} | {raised} | {hits} | "
                    f"{tally.precision(kind):.2f} | {tally.recall(kind):.2f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    parser.add_argument("--set", choices=sorted(SETS), action="append",
                        help="which set (default: both)")
    args = parser.parse_args(argv)
    for name in args.set or list(SETS):
        pairs = json.loads(SETS[name].read_text(encoding="utf-8"))["pairs"]
        tally = score(pairs)
        print(f"\n{name}: {len(pairs)} pairs\n")
        print(table(tally))
        if args.verbose:
            print("\n".join(tally.notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
