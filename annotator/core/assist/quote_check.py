"""Quotations compared across the two articles: altered words, or words quoted on one side
only (given differently by the passage aligned with them)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from ..document import Span
from .compare_sources import difference, same_source
from .features import Features
from .groups import Passage
from .passages import Raw
from .quotes import Quotation
from .quotes import words as quote_words
from .sources import Attribution

_SAME_QUOTE = 60.0  # rapidfuzz ratio (0..100) above which two quotations are one, altered
_MIN_WORDS = 3  # shorter quoted bits ("smart", "a mess") are scare quotes, not quotations
_FRAGMENT = 90.0  # partial_ratio above which one quotation is a fragment of the other
_TITLE_SMALL = frozenset(("of", "the", "a", "an", "and", "in", "on", "for", "to"))



def _moved_across_marks(text_a: str, a: Quotation, text_b: str, b: Quotation) -> bool:
    """"snooker's “original troubled genius”" / "“snooker's original troubled genius”": the
    same words, up to three of them just outside the marks on one side."""
    def widened(text: str, q: Quotation) -> list[list[str]]:
        before = quote_words(text[max(0, q.start - 60):q.start])
        after = quote_words(text[q.end:q.end + 60])
        return [before[len(before) - i:] + q.words + after[:j]
                for i in range(min(3, len(before)) + 1) for j in range(min(3, len(after)) + 1)]

    return b.words in widened(text_a, a) or a.words in widened(text_b, b)


def quote_flags(fa: Features, fb: Features, passages: Sequence[Passage]) -> list[Raw]:
    qa = [q for q in fa.quotations if len(q.words) >= 2 and not _title(q)]
    qb = [q for q in fb.quotations if len(q.words) >= 2 and not _title(q)]
    pairs = _pair(qa, qb)
    raws = []
    for a, b in pairs:
        if a.words != b.words and not _moved_across_marks(fa.text, a, fb.text, b):
            raws.append(Raw("quote", Span(a.inner_start, a.inner_end),
                            Span(b.inner_start, b.inner_end), _altered(a, b)))
        speaker_a, speaker_b = speaker_of(fa, a), speaker_of(fb, b)
        if speaker_a and speaker_b and not same_source(speaker_a, speaker_b):
            raws.append(Raw("attribution", Span(speaker_a.start, speaker_a.end),
                            Span(speaker_b.start, speaker_b.end),
                            "quotation credited to someone else: "
                            + difference(speaker_a, speaker_b)))
    paired_a = {id(a) for a, _ in pairs}
    paired_b = {id(b) for _, b in pairs}
    for short, long, short_ids, long_ids in ((qa, qb, paired_a, paired_b),
                                              (qb, qa, paired_b, paired_a)):
        holders = _Fragments(long)
        for q in short:
            holder = holders.holder(q)
            if holder is not None:  # part of a longer quotation there: the same words
                short_ids.add(id(q))
                long_ids.add(id(holder))
    in_b, in_a = _Counterparts(passages, 0), _Counterparts(passages, 1)
    for q in qa:
        if id(q) not in paired_a and len(q.words) >= _MIN_WORDS:
            other = in_b.of(q.inner_start, q.inner_end)
            if other is not None:
                raws.append(Raw("quote", Span(q.inner_start, q.inner_end), other,
                                f"A quotes “{_short(q.text)}”; B gives it without quotation "
                                "marks or in other words"))
    for q in qb:
        if id(q) not in paired_b and len(q.words) >= _MIN_WORDS:
            other = in_a.of(q.inner_start, q.inner_end)
            if other is not None:
                raws.append(Raw("quote", other, Span(q.inner_start, q.inner_end),
                                f"B quotes “{_short(q.text)}”; A gives it without quotation "
                                "marks or in other words"))
    return raws


def _pair(qa: list[Quotation], qb: list[Quotation]) -> list[tuple[Quotation, Quotation]]:
    """Best matches first, each quotation used once (all pairs scored in one C call)."""
    if not qa or not qb:
        return []
    scores = process.cdist([" ".join(q.words) for q in qa], [" ".join(q.words) for q in qb],
                           scorer=fuzz.ratio, score_cutoff=_SAME_QUOTE, dtype=np.uint8)
    rows, cols = np.nonzero(scores)
    scored = sorted(((int(scores[i, j]), qa[i], qb[j]) for i, j in zip(rows, cols, strict=True)),
                    key=lambda t: -t[0])
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, a, b in scored:
        if id(a) in used_a or id(b) in used_b:
            continue
        used_a.add(id(a))
        used_b.add(id(b))
        pairs.append((a, b))
    return pairs


def _title(q: Quotation) -> bool:
    """“The Golden Notebook”: a title in quotation marks, not someone's words."""
    words = q.text.split()
    return len(words) <= 6 and all(w[:1].isupper() or w.casefold() in _TITLE_SMALL
                                   for w in words)


class _Fragments:
    """Whether one of these quotations holds a given, shorter one as a fragment (the other
    article quoting part of the same words): only longer quotations that share most of its
    rarer words are compared, so a novel's thousands of quotations stay cheap."""

    def __init__(self, quotations: list[Quotation]) -> None:
        self.quotations = quotations
        self.joined = [" ".join(q.words) for q in quotations]
        self.index: dict[str, list[int]] = {}
        for i, q in enumerate(quotations):
            for word in set(q.words):
                self.index.setdefault(word, []).append(i)

    def holder(self, q: Quotation) -> Quotation | None:
        words = set(q.words)
        rare = [w for w in words if len(self.index.get(w, ())) <= 50]
        counts: dict[int, int] = {}
        for word in rare:
            for i in self.index.get(word, ()):
                counts[i] = counts.get(i, 0) + 1
        need = max(1, int(0.8 * len(rare)))
        mine = " ".join(q.words)
        for i, n in counts.items():
            if (n >= need and len(self.quotations[i].words) > len(q.words)
                    and fuzz.partial_ratio(mine, self.joined[i]) >= _FRAGMENT):
                return self.quotations[i]
        return None


def _altered(a: Quotation, b: Quotation) -> str:
    wa, wb = a.words, b.words
    changes = []
    ops = [op for op in Indel.opcodes(wa, wb)]
    merged: list[tuple[int, int, int, int]] = []  # a delete next to an insert is one change
    for op in ops:
        if op.tag == "equal":
            continue
        if merged and merged[-1][1] == op.src_start and merged[-1][3] == op.dest_start:
            last = merged[-1]
            merged[-1] = (last[0], op.src_end, last[2], op.dest_end)
        else:
            merged.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    for a0, a1, b0, b1 in merged:
        old = " ".join(wa[a0:a1]) or "∅"
        new = " ".join(wb[b0:b1]) or "∅"
        changes.append(f"“{old}” → “{new}”")
    return "quotation altered: " + "; ".join(changes[:3])


def speaker_of(f: Features, q: Quotation) -> Attribution | None:
    """The source credited in the quotation's sentence, nearest to the quotation."""
    sentence = f.sentence_at(q.start)
    last = f.sentence_at(max(q.end - 1, q.start))
    start = sentence.start if sentence else q.start
    end = last.end if last else q.end
    near = [a for a in f.attributions_in([Span(start, end)])
            if not (q.start <= a.start and a.end <= q.end)]
    if not near:
        return None
    return min(near, key=lambda a: min(abs(a.start - q.end), abs(q.start - a.end)))


class _Counterparts:
    """For one side: which passage of the other side a range of this side is aligned with."""

    def __init__(self, passages: Sequence[Passage], side: int) -> None:
        rows = []
        for passage in passages:
            own, other = passage[side], passage[1 - side]
            if not other:
                continue
            first = min(other, key=lambda s: s.start)
            rows += [(s.start, s.end, Span(first.start, first.end)) for s in own]
        rows.sort(key=lambda r: r[0])
        self._rows = rows
        self._starts = [r[0] for r in rows]

    def of(self, start: int, end: int) -> Span | None:
        i = bisect_right(self._starts, start) - 1
        while i >= 0:
            row_start, row_end, other = self._rows[i]
            if row_start <= start and end <= row_end:
                return other
            if start - row_start > 100_000:  # spans this far back cannot hold the range
                break
            i -= 1
        return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
