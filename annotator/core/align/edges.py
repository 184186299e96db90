"""A copied passage's ragged ends, and how much of a copy was edited.

The copy stage finds runs of shared words with exact word boundaries, so an edited copy stops
where the wording changes: "Witnesses said that more than 100 people..." and "Witnesses say
more than a hundred people..." share a run from "people" on, and the sentence heads are left
unmatched though any reader links the whole sentences. Where the rest of a sentence on both
sides is short and alike (a paraphrase of the same few words), the passage is extended to the
sentence edges, and the word diff then shows the changed words as changed. The other way
round, a run that goes on a few words past a sentence end (the next sentence starts alike:
"The ...") stops at that end, and a side left a few words from a sentence edge is moved
onto it: link sides end on sentence edges, on both texts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from .verbatim import Passage

MAX_EDGE_WORDS = 15  # the longest sentence remainder taken in on either side
MAX_LONE_WORDS = 6  # ...when the other side has none (a lead-in one text dropped)
SNAP_WORDS = 3  # a side this many words past or short of a sentence edge is moved onto it
ALIKE = 50  # token_set_ratio of the two remainders that makes them one paraphrase
IDENTICAL_SCORE = 0.99  # a copy word for word; edited copies score lower (copy_score)
_WORD = re.compile(r"\w+")

Ranges = Sequence[tuple[int, int]]


def copy_score(text_a: str, text_b: str) -> float:
    """0.99 for a copy that is identical (spacing aside), lower the more it was edited:
    0.90 + 0.09 r**4, r the character similarity (a one-word change in 30 words ~0.98, a
    third rewritten ~0.92). Still far above any threshold: it is a copy, the score says how
    faithful."""
    if text_a.split() == text_b.split():
        return IDENTICAL_SCORE
    r = fuzz.ratio(" ".join(text_a.split()), " ".join(text_b.split())) / 100.0
    return round(min(0.985, 0.90 + 0.09 * r**4), 4)


def _alike(rest_a: str, rest_b: str) -> bool:
    words_a, words_b = len(_WORD.findall(rest_a)), len(_WORD.findall(rest_b))
    if not words_a and not words_b:
        return True
    if max(words_a, words_b) > MAX_EDGE_WORDS:
        return False
    if not words_a or not words_b:
        return max(words_a, words_b) <= MAX_LONE_WORDS
    return fuzz.token_set_ratio(rest_a.casefold(), rest_b.casefold()) >= ALIKE


def _sentence_at(spans: Ranges, starts: list[int], pos: int) -> tuple[int, int] | None:
    k = bisect_right(starts, pos) - 1
    if k >= 0 and spans[k][0] <= pos < spans[k][1]:
        return spans[k]
    return None


def extend_to_edges(passages: list[Passage], text_a: str, spans_a: Ranges, text_b: str,
                    spans_b: Ranges) -> list[Passage]:
    """Each passage with its ends moved out to the edges of the sentences it starts and ends
    in, where the rest of those sentences is alike on both sides; never into another
    passage. Then each side gives back the few words it takes of a neighbouring sentence
    (`_trimmed`), and an end a few words from a sentence edge moves onto it (`_snapped`)."""
    if not passages:
        return passages
    starts_a, starts_b = [s for s, _ in spans_a], [s for s, _ in spans_b]
    out = []
    order = sorted(range(len(passages)), key=lambda k: passages[k].a)
    ends_a = sorted(p.a[1] for p in passages)
    ends_b = sorted(p.b[1] for p in passages)
    starts_pa = sorted(p.a[0] for p in passages)
    starts_pb = sorted(p.b[0] for p in passages)
    done_a: list[int] = []
    done_b: list[int] = []
    for k in order:
        p = passages[k]
        (a0, a1), (b0, b1) = p.a, p.b
        head_a, head_b = _sentence_at(spans_a, starts_a, a0), _sentence_at(spans_b, starts_b, b0)
        if head_a and head_b:  # not into a passage before, as found or as extended
            floor_a = max(_last_before(ends_a, a0), _last_before(done_a, a0))
            floor_b = max(_last_before(ends_b, b0), _last_before(done_b, b0))
            new_a, new_b = max(head_a[0], floor_a), max(head_b[0], floor_b)
            if (new_a, new_b) != (a0, b0) and _alike(text_a[new_a:a0], text_b[new_b:b0]):
                a0, b0 = new_a, new_b
        tail_a = _sentence_at(spans_a, starts_a, a1 - 1)
        tail_b = _sentence_at(spans_b, starts_b, b1 - 1)
        if tail_a and tail_b:
            ceil_a = _first_after(starts_pa, a1)
            ceil_b = _first_after(starts_pb, b1)
            new_a, new_b = min(tail_a[1], ceil_a), min(tail_b[1], ceil_b)
            if (new_a, new_b) != (a1, b1) and _alike(text_a[a1:new_a], text_b[b1:new_b]):
                a1, b1 = new_a, new_b
        insort(done_a, a1)
        insort(done_b, b1)
        out.append(p if (a0, a1, b0, b1) == (*p.a, *p.b) else replace(p, a=(a0, a1), b=(b0, b1)))
    out = _trimmed(out, text_a, spans_a, starts_a, text_b, spans_b, starts_b)
    return _snapped(out, text_a, spans_a, starts_a, text_b, spans_b, starts_b)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _trim_side(side: tuple[int, int], text: str, spans: Ranges, starts: list[int],
               others_lo: list[int], others_hi: list[int]) -> tuple[int, int]:
    """A side without the first few words of a sentence at its end (or the last few of one
    at its start) when fewer of that sentence are inside than outside, or another passage
    takes the rest of it."""
    lo, hi = side
    tail = _sentence_at(spans, starts, hi - 1)
    if tail and lo < tail[0] < hi < tail[1]:
        inside, outside = _words(text[tail[0] : hi]), _words(text[hi : tail[1]])
        other = _first_after(others_lo, tail[0]) < tail[1]
        if inside <= SNAP_WORDS and (inside <= outside or other):
            hi = lo + len(text[lo : tail[0]].rstrip())
    head = _sentence_at(spans, starts, lo)
    if head and head[0] < lo < head[1] < hi:
        inside, outside = _words(text[lo : head[1]]), _words(text[head[0] : lo])
        other = _last_before(others_hi, head[1]) > head[0]
        if inside <= SNAP_WORDS and (inside <= outside or other):
            rest = text[head[1] : hi]
            lo = head[1] + len(rest) - len(rest.lstrip())
    return (lo, hi) if lo < hi else side


def _trimmed(passages: list[Passage], text_a: str, spans_a: Ranges, starts_a: list[int],
             text_b: str, spans_b: Ranges, starts_b: list[int]) -> list[Passage]:
    lo_a, hi_a = sorted(p.a[0] for p in passages), sorted(p.a[1] for p in passages)
    lo_b, hi_b = sorted(p.b[0] for p in passages), sorted(p.b[1] for p in passages)
    out = []
    for p in passages:  # a side's own ends never fall where the others' are looked for
        a = _trim_side(p.a, text_a, spans_a, starts_a, lo_a, hi_a)
        b = _trim_side(p.b, text_b, spans_b, starts_b, lo_b, hi_b)
        out.append(p if (a, b) == (p.a, p.b) else replace(p, a=a, b=b))
    return out


def _snap_side(side: tuple[int, int], text: str, spans: Ranges, starts: list[int],
               ends_before: list[int], starts_after: list[int]) -> tuple[int, int]:
    """A side a few words short of a sentence edge moved onto it, never into another
    passage (whose ends and starts are given, sorted)."""
    lo, hi = side
    tail = _sentence_at(spans, starts, hi - 1)
    if (tail and tail[0] < hi < tail[1] and _words(text[hi : tail[1]]) <= SNAP_WORDS
            and _first_after(starts_after, hi) >= tail[1]):
        hi = tail[1]
    head = _sentence_at(spans, starts, lo)
    if (head and head[0] < lo < head[1] and _words(text[head[0] : lo]) <= SNAP_WORDS
            and _last_before(ends_before, lo) <= head[0]):
        lo = head[0]
    return lo, hi


def _snapped(passages: list[Passage], text_a: str, spans_a: Ranges, starts_a: list[int],
             text_b: str, spans_b: Ranges, starts_b: list[int]) -> list[Passage]:
    lo_a, hi_a = sorted(p.a[0] for p in passages), sorted(p.a[1] for p in passages)
    lo_b, hi_b = sorted(p.b[0] for p in passages), sorted(p.b[1] for p in passages)
    out = []
    for p in passages:
        a = _snap_side(p.a, text_a, spans_a, starts_a, hi_a, lo_a)
        b = _snap_side(p.b, text_b, spans_b, starts_b, hi_b, lo_b)
        out.append(p if (a, b) == (p.a, p.b) else replace(p, a=a, b=b))
    return out


def _last_before(sorted_ends: list[int], pos: int) -> int:
    k = bisect_right(sorted_ends, pos) - 1
    return sorted_ends[k] if k >= 0 else 0


def _first_after(sorted_starts: list[int], pos: int) -> int:
    k = bisect_left(sorted_starts, pos)
    return sorted_starts[k] if k < len(sorted_starts) else 1 << 62
