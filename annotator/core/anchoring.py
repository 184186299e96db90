"""Find a claim again after its document's text changed (re-anchoring).

The order follows Hypothesis-style anchoring and our own anchors (offsets + exact quote +
prefix/suffix): (1) every exact occurrence of the quote, the one at the old offsets
included, scored by how well its surroundings match the stored prefix/suffix and by its
distance from the old position; (2) otherwise a rapidfuzz fuzzy search for the quote, first
in a window around the old position, then in the whole text, with the boundaries refined and
snapped to whole words; (3) otherwise the claim is an orphan, reported, never dropped.

A place is only taken when its surroundings agree: a short quote ("the minister") occurs in
many places, so a match whose context does not resemble the stored prefix/suffix is an
orphan, not a move. Only a long quote found (nearly) verbatim is evidence enough on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from rapidfuzz import fuzz

from .annotations import CONTEXT_CHARS, Claim
from .document import Document

MAX_CANDIDATES = 1000
MIN_CONTEXT = 0.5  # least prefix/suffix agreement (0..1) for a quote to be re-attached
SELF_EVIDENT_CHARS = 60  # a quote this long, matched at >= SELF_EVIDENT_SCORE, needs no context
SELF_EVIDENT_SCORE = 0.9
_W_CONTEXT, _W_POSITION = 20.0, 2.0  # Hypothesis-like weights: context beats distance
_WORD = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
# Where one sentence ends and the next begins: end punctuation (and closing quotes) then
# space, or a line break.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\s*\n\s*")


class AnchorStatus(StrEnum):
    EXACT = "exact"  # the quote is where it was
    MOVED = "moved"  # the same quote, elsewhere
    FUZZY = "fuzzy"  # a slightly different passage that best matches the quote
    ORPHAN = "orphan"  # not found: keep the claim aside and show it to the user


@dataclass(frozen=True)
class Anchor:
    status: AnchorStatus
    start: int = -1
    end: int = -1
    score: float = 0.0  # 1.0 for an exact quote; the quote similarity (0..1) for fuzzy


ORPHAN = Anchor(AnchorStatus.ORPHAN)


def _similar(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return float(fuzz.ratio(a, b)) / 100.0


def _context_score(text: str, pos: int, end: int, prefix: str, suffix: str) -> float:
    """How well the text around [pos, end) matches the stored prefix and suffix (0..1)."""
    before = text[max(0, pos - len(prefix)) : pos]
    after = text[end : end + len(suffix)]
    # An empty stored prefix means the quote began the document (or no context was kept):
    # neutral unless the candidate also begins the document.
    pre = _similar(prefix, before) if prefix or pos == 0 else 0.5
    suf = _similar(suffix, after) if suffix or end == len(text) else 0.5
    return (pre + suf) / 2


def _occurrences(text: str, exact: str, near: int) -> list[int]:
    found, pos = [], text.find(exact)
    while pos >= 0:
        found.append(pos)
        pos = text.find(exact, pos + 1)
    if len(found) > MAX_CANDIDATES:
        found = sorted(found, key=lambda p: abs(p - near))[:MAX_CANDIDATES]
    return found


def _best_exact(text: str, exact: str, prefix: str, suffix: str, start: int) -> Anchor | None:
    candidates = _occurrences(text, exact, start)
    if not candidates:
        return None
    span = max(len(text), 1)

    def score(pos: int) -> tuple[float, int]:
        context = _context_score(text, pos, pos + len(exact), prefix, suffix)
        position = 1.0 - min(1.0, abs(pos - start) / span)
        total = (_W_CONTEXT * context + _W_POSITION * position) / (_W_CONTEXT + _W_POSITION)
        return total, -abs(pos - start)

    best = max(candidates, key=score)
    if not _trusted(text, exact, prefix, suffix, best, best + len(exact), 1.0):
        return None
    status = AnchorStatus.EXACT if best == start else AnchorStatus.MOVED
    return Anchor(status, best, best + len(exact), 1.0)


def _trusted(text: str, exact: str, prefix: str, suffix: str, pos: int, end: int,
             quote_score: float) -> bool:
    """Whether the evidence for a place is enough: matching context, or a long quote."""
    if len(exact) >= SELF_EVIDENT_CHARS and quote_score >= SELF_EVIDENT_SCORE:
        return True
    return _context_score(text, pos, end, prefix, suffix) >= MIN_CONTEXT


def _refine(text: str, exact: str, lo: int, hi: int) -> tuple[int, int]:
    """Move the rough match's ends to where the quote ratio is highest (two sweeps)."""
    reach = min(40, max(10, len(exact) // 2))  # room for words added or dropped inside
    for _ in range(2):
        lo = max(range(max(0, lo - reach), min(hi, lo + reach + 1)),
                 key=lambda s: (fuzz.ratio(exact, text[s:hi]), -abs(s - lo)), default=lo)
        hi = max(range(max(lo + 1, hi - reach), min(len(text), hi + reach) + 1),
                 key=lambda e: (fuzz.ratio(exact, text[lo:e]), -abs(e - hi)), default=hi)
    return lo, hi


def _snap(text: str, exact: str, lo: int, hi: int) -> tuple[int, int]:
    """Never start or end inside a word the quote does not cut; trim stray whitespace."""
    if _WORD.match(exact[:1]):
        steps = 0
        while 0 < lo < len(text) and _WORD.match(text[lo - 1]) and _WORD.match(text[lo]) \
                and steps < 15:
            lo, steps = lo - 1, steps + 1
    if _WORD.match(exact[-1:]):
        steps = 0
        while hi < len(text) and _WORD.match(text[hi - 1]) and _WORD.match(text[hi]) \
                and steps < 15:
            hi, steps = hi + 1, steps + 1
    if not exact[:1].isspace():
        while lo < hi and text[lo].isspace():
            lo += 1
    if not exact[-1:].isspace():
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
    return lo, hi


def _one_sentence(text: str, exact: str, lo: int, hi: int) -> tuple[int, int]:
    """The part of [lo, hi) in one sentence, the one most like the quote, unless the quote
    itself runs over a sentence end: a match must not reach into a neighbouring sentence."""
    if _SENTENCE_END.search(exact.strip()):
        return lo, hi
    cuts = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text, lo, hi)
            if lo < m.start() and m.end() < hi]
    if not cuts:
        return lo, hi
    bounds = [lo, *(c for cut in cuts for c in cut), hi]
    pieces = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    best = max(pieces, key=lambda p: fuzz.ratio(exact, text[p[0]:p[1]]))
    return best


def _matching_words(text: str, exact: str, lo: int, hi: int) -> tuple[int, int]:
    """Drop words at either end that the quote does not have, while the match improves."""
    quote_words = {w.casefold() for w in _WORDS.findall(exact)}
    words = [m.span() for m in _WORDS.finditer(text, lo, hi)]
    score = fuzz.ratio(exact, text[lo:hi])
    while len(words) > 1 and text[words[0][0]:words[0][1]].casefold() not in quote_words:
        trial = fuzz.ratio(exact, text[words[1][0]:hi])
        if trial <= score:
            break
        lo, score = words[1][0], trial
        words.pop(0)
    while len(words) > 1 and text[words[-1][0]:words[-1][1]].casefold() not in quote_words:
        trial = fuzz.ratio(exact, text[lo:words[-2][1]])
        if trial <= score:
            break
        hi, score = words[-2][1], trial
        words.pop()
    return lo, hi


def _fuzzy(text: str, exact: str, lo: int, hi: int) -> Anchor:
    region = text[lo:hi]
    if len(region) < len(exact):
        return ORPHAN
    found = fuzz.partial_ratio_alignment(exact, region)
    if found is None:
        return ORPHAN
    start, end = _refine(text, exact, lo + found.dest_start, lo + found.dest_end)
    start, end = _snap(text, exact, start, end)
    start, end = _one_sentence(text, exact, start, end)
    start, end = _matching_words(text, exact, start, end)
    if start >= end:
        return ORPHAN
    return Anchor(AnchorStatus.FUZZY, start, end, _similar(exact, text[start:end]))


def reanchor(text: str, exact: str, prefix: str = "", suffix: str = "", start: int = 0,
             end: int = 0, *, min_score: float = 0.75, window: int | None = None,
             whole_text_limit: int = 500_000) -> Anchor:
    """Where the quote `exact` (once at [start, end) between prefix and suffix) is in `text`.

    `min_score` is the least quote similarity (0..1) a fuzzy match needs; `window` is how far
    around the old position to look first (default: 1000 characters or four quote lengths).
    Texts longer than `whole_text_limit` are only searched in the window.
    """
    if not exact or not text:
        return ORPHAN
    start = min(max(0, start), len(text))
    found = _best_exact(text, exact, prefix, suffix, start)
    if found is not None:
        return found
    reach = window if window is not None else max(1000, 4 * len(exact))
    end = max(start, min(max(0, end), len(text)))
    regions = [(max(0, start - reach), min(len(text), end + reach))]
    if len(text) <= whole_text_limit and regions[0] != (0, len(text)):
        regions.append((0, len(text)))
    for lo, hi in regions:
        anchor = _fuzzy(text, exact, lo, hi)
        if (anchor.status is AnchorStatus.FUZZY and anchor.score >= min_score
                and _trusted(text, exact, prefix, suffix, anchor.start, anchor.end, anchor.score)):
            return anchor
    return ORPHAN


@dataclass(frozen=True)
class Reanchored:
    """One claim's outcome: `new` is None for an orphan (the old claim is kept in `old`)."""

    old: Claim
    new: Claim | None
    anchor: Anchor


def reanchor_claim(claim: Claim, text: str, *, min_score: float = 0.75) -> Reanchored:
    """The claim moved onto `text`: new offsets, and quote/context taken from the new text."""
    anchor = reanchor(text, claim.exact, claim.prefix, claim.suffix, claim.start, claim.end,
                      min_score=min_score)
    if anchor.status is AnchorStatus.ORPHAN:
        return Reanchored(claim, None, anchor)
    s, e = anchor.start, anchor.end
    new = replace(claim, start=s, end=e, exact=text[s:e],
                  prefix=text[max(0, s - CONTEXT_CHARS) : s], suffix=text[e : e + CONTEXT_CHARS])
    return Reanchored(claim, new, anchor)


def reanchor_claims(claims: Iterable[Claim], doc: Document, *,
                    min_score: float = 0.75) -> list[Reanchored]:
    """Every claim of `doc` re-anchored onto its (changed) text; other documents' are skipped."""
    return [reanchor_claim(c, doc.text, min_score=min_score) for c in claims if c.doc == doc.id]


__all__ = ["Anchor", "AnchorStatus", "Reanchored", "reanchor", "reanchor_claim",
           "reanchor_claims"]
