"""Discrepancy flags on real article rewrites nobody here wrote, printed for judging by hand.

    .venv/bin/python benchmarks/assist_rewrites.py              # 40 pairs, seed 17
    .venv/bin/python benchmarks/assist_rewrites.py --omissions  # also every omission

The pairs are ABCD-Link's news_synth (a news article and an LLM rewrite of it; CC BY 4.0), read
from the shared corpora folder (`../shared/corpora`, or ANNOTATOR_CORPORA). A rewrite should
keep its facts, so each flag is either a real change the rewrite made or a false alarm; the
counts per kind come first, then each flag with both sides in context. There is no gold here:
the verdicts in benchmarks/RESULTS.md were made by reading this output.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import Document, align, new_project
from annotator.core.assist.check import raw_flags

CORPORA = Path(os.environ.get("ANNOTATOR_CORPORA",
                              Path(__file__).resolve().parents[1].parent / "shared" / "corpora"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--omissions", action="store_true", help="print omissions too")
    args = parser.parse_args(argv)
    if not (CORPORA / "readers.py").exists():
        print(f"no corpora at {CORPORA} (set ANNOTATOR_CORPORA)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(CORPORA))
    import readers  # type: ignore[import-not-found]

    items = list(readers.read_abcd_news_synth(sep=" "))
    random.Random(args.seed).shuffle(items)
    counts: Counter[str] = Counter()
    lines = []
    for item in items[:args.pairs]:
        a, b = Document.from_text("A", item.doc_a), Document.from_text("B", item.doc_b)
        project = new_project(a, b)
        project.replace_proposals(align(a, b))
        for raw in raw_flags(project):
            counts[raw.kind] += 1
            if raw.kind == "omission" and not args.omissions:
                continue
            lines.append(f"\n== {item.pair_id} {raw.kind}: {raw.explanation}")
            for side, doc, span in (("A", a, raw.a), ("B", b, raw.b)):
                if span is not None:
                    context = doc.text[max(0, span.start - 150):span.end + 100]
                    lines.append(f"  {side}: …{' '.join(context.split())}…")
    print(f"{args.pairs} pairs: " + ", ".join(f"{k} {n}" for k, n in sorted(counts.items())))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
