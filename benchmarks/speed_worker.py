"""One speed measurement in its own process, so peak RSS belongs to that method and size alone.

    .venv/bin/python benchmarks/speed_worker.py METHOD PAIR_DIR [--repeat N]

Prints one JSON object: per-stage seconds of the first run (load, segment, align), the best
total over the repeats (warm caches, as when re-aligning after a threshold change), peak RSS,
and sentence-link precision/recall/F1 against the pair's gold.json.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core import Document  # noqa: E402
from annotator.core.align import AlignMemo  # noqa: E402
from annotator.core.align.speed import twocore  # noqa: E402
from annotator.core.pair import align_documents, segment_pair  # noqa: E402
from annotator.core.segment import Segment, pysbd_split, sentences  # noqa: E402
from benchmarks.quality_metrics import prf, sentence_pairs  # noqa: E402

Range = tuple[int, int]
Link = tuple[Sequence[Range], Sequence[Range]]
FUZZ_CUTOFF = 50  # fuzz.ratio below this is not a candidate (0-100)
DIFFLIB_SHARE = 0.5  # words matched in order, as a share of the shorter sentence


_MEMO = AlignMemo()  # the repeats re-align the same pair, as the app does at a new threshold


def _default(a: Document, b: Document) -> list[Link]:
    return [([(s.start, s.end) for s in link.a], [(s.start, s.end) for s in link.b])
            for link in align_documents(a, b, memo=_MEMO)]


def _fuzz_ratio(a: Document, b: Document) -> list[Link]:
    """rapidfuzz fuzz.ratio over every sentence pair (one core), then greedy one-to-one."""
    import numpy as np
    from rapidfuzz import fuzz, process

    sa, sb = a.sentences, b.sentences
    scores = process.cdist([a.slice(s) for s in sa], [b.slice(s) for s in sb],
                           scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=FUZZ_CUTOFF,
                           workers=1)
    rows, cols = np.nonzero(scores)
    order = np.lexsort((cols, rows, -scores[rows, cols].astype(np.int16)))
    used_a: set[int] = set()
    used_b: set[int] = set()
    links: list[Link] = []
    for k in order:
        i, j = int(rows[k]), int(cols[k])
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            links.append(([(sa[i].start, sa[i].end)], [(sb[j].start, sb[j].end)]))
    return links


def _words(doc: Document) -> tuple[list[str], list[int]]:
    """Words and, for each, the index of the sentence it starts in."""
    starts = [s.start for s in doc.sentences]
    words, owner = [], []
    for m in re.finditer(r"\S+", doc.text):
        words.append(m.group())
        owner.append(max(0, bisect.bisect_right(starts, m.start()) - 1))
    return words, owner


def _difflib(a: Document, b: Document) -> list[Link]:
    """difflib SequenceMatcher over the two word sequences; sentence pairs sharing enough
    matched words become links (n:m allowed)."""
    from difflib import SequenceMatcher

    wa, oa = _words(a)
    wb, ob = _words(b)
    shared: Counter[tuple[int, int]] = Counter()
    for block in SequenceMatcher(None, wa, wb).get_matching_blocks():
        for k in range(block.size):
            shared[oa[block.a + k], ob[block.b + k]] += 1
    len_a, len_b = Counter(oa), Counter(ob)
    sa, sb = a.sentences, b.sentences
    return [([(sa[i].start, sa[i].end)], [(sb[j].start, sb[j].end)])
            for (i, j), n in sorted(shared.items())
            if n >= DIFFLIB_SHARE * min(len_a[i], len_b[j])]


METHODS: dict[str, Callable[[Document, Document], list[Link]]] = {
    "default": _default, "fuzz_ratio": _fuzz_ratio, "difflib": _difflib,
}


def _use_gold_sentences(doc: Document, spans: Sequence[Sequence[int]]) -> None:
    """Give the document the gold sentence split (to score alignment apart from splitting)."""
    paras = doc.paragraphs
    starts = [p.start for p in paras]
    doc.adopt_sentences([
        Segment(s, e, paras[max(0, bisect.bisect_right(starts, s) - 1)].paragraph)
        for s, e in spans
    ])


_DONE: dict[str, float] = {}  # stages finished so far, for the message when a run fails
_CPU: dict[str, float] = {}  # CPU seconds of the first run's segment and align stages
_WAIT: dict[str, float] = {}  # ...and the modelled wait for forked children (twocore.Timing)


def _waited(since: int) -> float:
    """Seconds this process would have waited on two idle cores for the children forked
    since `since` children had been: a wall time the machine's load does not inflate."""
    return sum(timing.wait() for timing in twocore.measured[since:])


def _run(method: str, pair: Path, gold: dict | None = None,
         ) -> tuple[dict[str, float], list[Link], Document, Document]:
    _DONE.clear()
    t0 = time.perf_counter()
    a, b = Document.load(pair / "A.txt", "A"), Document.load(pair / "B.txt", "B")
    if gold is not None:
        _use_gold_sentences(a, gold["a_spans"])
        _use_gold_sentences(b, gold["b_spans"])
    t1 = time.perf_counter()
    if method == "pysbd_plain":  # the segmentation baseline: plain pysbd, no alignment
        plain = [sentences(doc.text, pysbd_split) for doc in (a, b)]
        t2 = time.perf_counter()
        ours = [a.sentences, b.sentences]  # ours, in this process, after pysbd has warmed up
        t3 = time.perf_counter()
        if ours != plain:
            raise SystemExit("our segmentation differs from plain pysbd")
        return {"load": t1 - t0, "segment": t2 - t1, "align": 0.0, "ours_here": t3 - t2}, [], a, b
    cpu, forked = time.process_time(), len(twocore.measured)
    segment_pair(a, b)  # A's sentences in a forked child when the pair is long
    t2 = time.perf_counter()
    _DONE.update(load=t1 - t0, segment=t2 - t1)
    _CPU["segment"], _WAIT["segment"] = time.process_time() - cpu, _waited(forked)
    cpu, forked = time.process_time(), len(twocore.measured)
    links = METHODS[method](a, b)
    t3 = time.perf_counter()
    _CPU["align"] = time.process_time() - cpu  # the shared machine's load does not count here
    _WAIT["align"] = _waited(forked)
    return {"load": t1 - t0, "segment": t2 - t1, "align": t3 - t2}, links, a, b


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("method", choices=[*METHODS, "pysbd_plain"])
    ap.add_argument("pair", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--max-mb", type=int, default=6144,
                    help="address-space cap, so a runaway method fails instead of swapping")
    ap.add_argument("--gold-split", action="store_true",
                    help="use the gold sentence split instead of our segmentation")
    ap.add_argument("--fork-above", type=int, default=None, metavar="CHARS",
                    help="pairs this long or longer use two cores (default: twocore.MIN_CHARS)")
    args = ap.parse_args()
    twocore.MEASURE = True
    if args.fork_above is not None:
        twocore.MIN_CHARS = args.fork_above
    cap = args.max_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    gold = json.loads((args.pair / "gold.json").read_text(encoding="utf-8"))
    given = gold if args.gold_split else None
    try:
        stages, links, a, b = _run(args.method, args.pair, given)
    except MemoryError:
        done = ", ".join(f"{k} {v:.1f} s" for k, v in _DONE.items())
        raise SystemExit(f"MemoryError: over the {args.max_mb} MB address-space cap "
                         f"(after {done or 'nothing'})") from None
    ours_here = stages.pop("ours_here", None)
    best = sum(stages.values())
    first_cpu, first_wait = dict(_CPU), dict(_WAIT)
    for _ in range(args.repeat - 1):
        again, _links, _a, _b = _run(args.method, args.pair, given)
        again.pop("ours_here", None)
        best = min(best, sum(again.values()))
    out: dict[str, object] = {
        "stages": stages, "total": sum(stages.values()), "warm": best,
        "align_cpu": first_cpu.get("align"),
        # CPU seconds of this process per stage, plus its modelled wait for the child: what
        # the first run's stages would take on two idle cores (on one core: the CPU time)
        "cpu": first_cpu, "idle_estimate": {k: v + first_wait.get(k, 0.0)
                                            for k, v in first_cpu.items()},
        "child_cpu": sum(sum(t.child_cpu[-1:]) for t in twocore.measured),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # two cores: the largest forked child's peak RSS counts the pages it shares with this
        # process (all of them at the fork); its private memory is what the fork added
        "cores": twocore.cores(), "forked": len(twocore.measured),
        "child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "child_private_mb": max((mb for t in twocore.measured for mb in t.private_mb),
                                default=0.0),
        "sentences": [len(a.sentences), len(b.sentences)]}
    if ours_here is not None:
        out["ours_segment_same_process"] = ours_here
    if args.method != "pysbd_plain":
        for doc, name in ((a, "A.txt"), (b, "B.txt")):
            if doc.text != (args.pair / name).read_text(encoding="utf-8"):
                raise SystemExit(f"{name}: loading changed the text, gold offsets would not fit")
        got = sentence_pairs(links, [tuple(s) for s in gold["a_spans"]],
                             [tuple(s) for s in gold["b_spans"]])
        want = {(int(i), int(j)) for i, j, _kind in gold["links"]}
        tp = len(got & want)
        p, r, f1 = prf(tp, len(got) - tp, len(want) - tp)
        out.update(links=len(links), p=p, r=r, f1=f1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
