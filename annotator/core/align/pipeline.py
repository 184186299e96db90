"""The default aligner: candidates from rare shared words, a combined score, greedy
one-to-one assignment in any order, then n:m growth with neighbouring sentences."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..document import Document, Span
from ..segment import Segment
from .features import Tokens, idf_table, tokenize

if TYPE_CHECKING:
    from ..annotations import AlignmentLink
    from . import AlignOptions

CANDIDATES_PER_SENTENCE = 8
Group = tuple[list[Segment], list[Segment], float]


class Scorer:
    """Similarity of two passages in [0, 1], from IDF-weighted words, numbers and fuzz."""

    def __init__(self, idf: dict[str, float]) -> None:
        self.idf = idf

    def weight(self, tokens: Tokens) -> float:
        return sum(self.idf.get(w, 1.0) for w in tokens.content)

    def score(self, a: Tokens, b: Tokens, text_a: str, text_b: str) -> float:
        if not a.content or not b.content:
            return 0.0
        shared = set(a.content) & set(b.content)
        w_shared = sum(self.idf.get(w, 1.0) for w in shared)
        w_a = sum(self.idf.get(w, 1.0) for w in set(a.content))
        w_b = sum(self.idf.get(w, 1.0) for w in set(b.content))
        lexical = w_shared / math.sqrt(w_a * w_b) if w_a and w_b else 0.0
        fuzzy = fuzz.token_set_ratio(" ".join(a.content), " ".join(b.content)) / 100.0
        numbers = 0.0
        if a.numbers and b.numbers:
            numbers = len(a.numbers & b.numbers) / len(a.numbers | b.numbers)
        combined = 0.65 * lexical + 0.25 * fuzzy + 0.10 * numbers
        return max(0.0, min(1.0, combined))


def _covered(segs: Sequence[Segment], spans: Sequence[Span]) -> set[int]:
    covered = set()
    for i, seg in enumerate(segs):
        for span in spans:
            overlap = min(seg.end, span.end) - max(seg.start, span.start)
            if overlap > 0.5 * (seg.end - seg.start):
                covered.add(i)
    return covered


def align_segments(doc_a: Document, doc_b: Document, options: AlignOptions,
                   anchors: Sequence[AlignmentLink], report: Callable[[float], None]) -> list[Group]:
    sa, sb = doc_a.sentences, doc_b.sentences
    ta = [tokenize(doc_a.text[s.start : s.end]) for s in sa]
    tb = [tokenize(doc_b.text[s.start : s.end]) for s in sb]
    report(0.2)
    scorer = Scorer(idf_table([t.content for t in ta] + [t.content for t in tb]))

    kept = [link for link in anchors if link.status.value != "rejected"]
    used_a = _covered(sa, [s for link in kept for s in link.a])
    used_b = _covered(sb, [s for link in kept for s in link.b])
    forbidden = {
        (i, j)
        for link in anchors if link.status.value == "rejected"
        for i in _covered(sa, link.a) for j in _covered(sb, link.b)
    }

    index: dict[str, list[int]] = defaultdict(list)
    for j, tok in enumerate(tb):
        for w in set(tok.content):
            index[w].append(j)
    scored: list[tuple[float, int, int]] = []
    for i, tok in enumerate(ta):
        if i in used_a:
            continue
        votes: dict[int, float] = defaultdict(float)
        for w in set(tok.content):
            for j in index.get(w, ()):
                votes[j] += scorer.idf.get(w, 1.0)
        best = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES_PER_SENTENCE]
        for j, _ in best:
            if j in used_b or (i, j) in forbidden:
                continue
            text_a = doc_a.text[sa[i].start : sa[i].end]
            text_b = doc_b.text[sb[j].start : sb[j].end]
            scored.append((scorer.score(tok, tb[j], text_a, text_b), i, j))
        if i % 64 == 0:
            report(0.2 + 0.6 * i / max(1, len(ta)))

    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    partner_a: dict[int, int] = {}
    partner_b: dict[int, int] = {}
    for score, i, j in scored:
        if score < options.threshold:
            break
        if i in partner_a or j in partner_b:
            continue
        partner_a[i], partner_b[j] = j, i
    report(0.85)

    groups: list[Group] = []
    for i, j in sorted(partner_a.items()):
        group_a, group_b = [i], [j]
        best = next(s for s, x, y in scored if x == i and y == j)
        best = _grow(group_a, group_b, best, sa, sb, ta, tb, doc_a, doc_b, scorer,
                     partner_a, partner_b, used_a, used_b, options.max_group)
        groups.append(([sa[x] for x in group_a], [sb[y] for y in group_b], best))
    return groups


def _grow(group_a: list[int], group_b: list[int], best: float, sa: list[Segment], sb: list[Segment],
          ta: list[Tokens], tb: list[Tokens], doc_a: Document, doc_b: Document, scorer: Scorer,
          partner_a: dict[int, int], partner_b: dict[int, int], used_a: set[int], used_b: set[int],
          max_group: int) -> float:
    """Add unmatched neighbouring sentences to a side while they raise the pair's score."""

    def joined(tokens: list[Tokens], idx: list[int]) -> Tokens:
        parts = [tokens[k] for k in sorted(idx)]
        return Tokens(tuple(w for p in parts for w in p.content),
                      frozenset().union(*(p.numbers for p in parts)),
                      frozenset().union(*(p.names for p in parts)))

    improved = True
    while improved:
        improved = False
        for side, group, segs, partner, used in (("a", group_a, sa, partner_a, used_a),
                                                  ("b", group_b, sb, partner_b, used_b)):
            if len(group) >= max_group:
                continue
            for k in (min(group) - 1, max(group) + 1):
                if not 0 <= k < len(segs) or k in partner or k in used:
                    continue
                trial = [*group, k]
                new_a = trial if side == "a" else group_a
                new_b = trial if side == "b" else group_b
                s = scorer.score(joined(ta, new_a), joined(tb, new_b), "", "")
                if s > best + 0.02:
                    group.append(k)
                    partner[k] = -1
                    best, improved = s, True
                    break
    return best
