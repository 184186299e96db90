"""Discrepancy flags for a whole project: every aligned passage (links that are not rejected,
and claim links) compared, quotations paired across the articles, and checkable statements
with no counterpart (omissions)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..annotations import LinkStatus, Project
from ..document import Span
from .features import Features, features_of
from .groups import Counterparts, Passage, sentence_groups
from .model import Flag, FlagState
from .passages import Raw, compare_passage
from .quote_check import quote_flags

_COVERED = 0.5  # a sentence at least this much inside aligned passages has a counterpart


def passages(project: Project) -> list[Passage]:
    """Aligned passages: non-rejected alignment links, then claim links (claim spans)."""
    found: list[Passage] = [(link.a, link.b) for link in project.links_sorted()
                            if link.status != LinkStatus.REJECTED]
    for cl in project.claim_links.values():
        ends = [project.claims.get(cl.source), project.claims.get(cl.target)]
        if None in ends:
            continue
        by_doc = {c.doc: Span(c.start, c.end) for c in ends if c is not None}
        if project.doc_a.id in by_doc and project.doc_b.id in by_doc:
            found.append(((by_doc[project.doc_a.id],), (by_doc[project.doc_b.id],)))
    return found


def raw_flags(project: Project) -> list[Raw]:
    fa, fb = features_of(project.doc_a), features_of(project.doc_b)
    linked = passages(project)
    groups = sentence_groups(fa, fb, linked)
    raws: list[Raw] = []
    for a_spans, b_spans in groups:
        raws.extend(compare_passage(fa, a_spans, fb, b_spans))
    raws.extend(quote_flags(fa, fb, groups))
    raws.extend(_omissions(project, fa, fb, [p[0] for p in [*linked, *groups]], side="A"))
    raws.extend(_omissions(project, fb, fa, [p[1] for p in [*linked, *groups]], side="B"))
    return _deduplicated(raws)


def check_project(project: Project) -> list[Flag]:
    """Flags in reading order of A; a flag raised before keeps its id and state."""
    known = {flag.key: flag for flag in project.assist.flags.values()}
    taken = set(project.assist.flags)
    flags = []
    number = 0
    for raw in raw_flags(project):
        flag = Flag("", raw.kind, raw.a, raw.b, raw.explanation)
        old = known.get(flag.key)
        if old is not None:
            flags.append(old)
            continue
        number += 1
        while f"f{number}" in taken:
            number += 1
        taken.add(f"f{number}")
        flags.append(Flag(f"f{number}", raw.kind, raw.a, raw.b, raw.explanation))
    return flags


def open_flags(flags: Sequence[Flag]) -> list[Flag]:
    return [f for f in flags if f.state == FlagState.OPEN]


def _omissions(project: Project, f: Features, other: Features,
               aligned: list[Sequence[Span]], side: str) -> list[Raw]:
    covered = _merged([s for group in aligned for s in group])
    doc = project.doc_a if side == "A" else project.doc_b
    claimed = _merged([Span(c.start, c.end) for c in project.claims.values()
                       if c.doc == doc.id])
    raws = []
    counterparts = Counterparts(other)
    for sentence in f.sentences:
        if _overlap(covered, sentence.start, sentence.end) >= _COVERED * len(sentence):
            continue
        what = _checkable(f, sentence.start, sentence.end,
                          _overlap(claimed, sentence.start, sentence.end) > 0)
        if not what:
            continue
        text = f.text[sentence.start:sentence.end]
        if counterparts.exists(text):
            continue
        span = Span(sentence.start + len(text) - len(text.lstrip()),
                    sentence.start + len(text.rstrip()))
        explanation = f"{what} in {side} with no counterpart in {'B' if side == 'A' else 'A'}"
        raws.append(Raw("omission", span if side == "A" else None,
                        span if side == "B" else None, explanation))
    return raws


def _merged(spans: list[Span]) -> tuple[list[Span], list[int]]:
    """Sorted, non-overlapping spans covering the same characters, and their starts."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if out and span.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, span.end))
        else:
            out.append(span)
    return out, [s.start for s in out]


def _overlap(merged: tuple[list[Span], list[int]], start: int, end: int) -> int:
    """Characters of [start, end) inside the merged spans."""
    spans, starts = merged
    i = max(0, bisect_right(starts, start) - 1)
    total = 0
    while i < len(spans) and spans[i].start < end:
        total += max(0, min(end, spans[i].end) - max(start, spans[i].start))
        i += 1
    return total


def _checkable(f: Features, start: int, end: int, claimed: bool) -> str:
    """What makes a sentence checkable, in words with its evidence; empty when nothing."""
    here = [Span(start, end)]
    quote = next((q for q in f.quotations_in(here) if len(q.words) >= 3), None)
    if quote is not None:
        return f"a quotation (“{_short(quote.text)}”)"
    figure = next((q for q in f.quantities_in(here)
                   if q.family not in ("weekday", "time")), None)
    if figure is not None:
        return f"a figure (“{figure.text}”)"
    source = next((a for a in f.attributions_in(here)
                   if not a.is_pronoun and not a.belief), None)
    if source is not None:
        return f"a statement credited to “{_short(source.source)}”"
    return "a tagged claim" if claimed else ""


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _deduplicated(raws: list[Raw]) -> list[Raw]:
    """One flag per discrepancy: a later flag of the same kind over the same evidence goes."""
    kept: list[Raw] = []
    for raw in raws:
        if any(k.kind == raw.kind and _meets(k.a, raw.a) and _meets(k.b, raw.b) for k in kept):
            continue
        kept.append(raw)
    return kept


def _meets(x: Span | None, y: Span | None) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return x.start < y.end and y.start < x.end
