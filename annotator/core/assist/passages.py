"""Comparing two versions of the same passage: numbers, sources and hedges."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Span
from .compare_sources import difference, institution_words, names, same_source, stem
from .features import Features
from .hedges import Hedge
from .quantities import Quantity
from .sources import Attribution
from .wordsets import word_set

_CONTEXT_WORD = re.compile(r"[^\W\d_]{3,}")
_CONTEXT_STOP = word_set("the and for with that this from was were are has have had its "
                          "about more than said says")


@dataclass(frozen=True)
class Raw:
    """A flag before it has an id: kind, the two sides and the one-line explanation."""

    kind: str
    a: Span | None
    b: Span | None
    explanation: str


def compare_passage(fa: Features, a_spans: Sequence[Span], fb: Features,
                    b_spans: Sequence[Span]) -> list[Raw]:
    return [*_numbers(fa, a_spans, fb, b_spans), *_sources(fa, a_spans, fb, b_spans),
            *_hedges(fa, a_spans, fb, b_spans)]


# --- numbers -------------------------------------------------------------------------------


def _numbers(fa: Features, a_spans: Sequence[Span], fb: Features,
             b_spans: Sequence[Span]) -> list[Raw]:
    qa = fa.quantities_in(a_spans)
    qb = fb.quantities_in(b_spans)
    left_a = list(qa)
    left_b = list(qb)
    for q in qa:  # the same value, however written, is no discrepancy
        match = next((o for o in left_b if q.same_value(o)), None)
        if match is not None:
            left_a.remove(q)
            left_b.remove(match)
    left_a = [q for q in left_a if not _one_as_article(fa.text, q, fb.text, b_spans)]
    left_b = [q for q in left_b if not _one_as_article(fb.text, q, fa.text, a_spans)]
    raws = []
    for q in left_a:
        best = _best_counterpart(fa.text, q, fb.text, left_b)
        if best is None:
            continue
        left_b.remove(best)
        if _within_approximation(fa.text, q, fb.text, best) or _both_name_the_year(
                q, fb, best, fa):
            continue
        raws.append(Raw("number", Span(q.start, q.end), Span(best.start, best.end),
                        f"{_family_word(q)} differs: A says “{q.text}”, B says “{best.text}”"))
    return raws


def _both_name_the_year(qa: Quantity, fb: Features, qb: Quantity, fa: Features) -> bool:
    """A year each article names somewhere (A's "1972" and B's "1989" both appear in both, or
    the other side names A's year elsewhere) is a passage aligned loosely, not a changed year:
    stories list several years."""
    if qa.family != "year":
        return False
    return (any(qa.same_value(o) for o in fb.quantities)
            or any(qb.same_value(o) for o in fa.quantities))


def _one_as_article(text: str, q: Quantity, other: str, other_spans: Sequence[Span]) -> bool:
    """"Over one hour" / "longer than an hour": one of something is "a" or "an" on the other
    side, the same value, which no number parser reads as a figure."""
    if q.family != "count" or q.value != 1:
        return False
    following = _CONTEXT_WORD.match(text, q.end + 1)
    if following is None:
        return False
    noun = re.compile(rf"\b(?:a|an)\s+{re.escape(following.group())}\b", re.IGNORECASE)
    return any(noun.search(other, s.start, s.end) for s in other_spans)


_ROUGHLY = re.compile(r"\b(?:about|around|roughly|approximately|some|an estimated)\s+$",
                      re.IGNORECASE)
_BELOW = re.compile(r"\b(?:nearly|almost|just under|just below|close to|up to)\s+$",
                    re.IGNORECASE)
_ABOVE = re.compile(r"\b(?:more than|over|just over|above|at least)\s+$", re.IGNORECASE)
_SLACK = 0.1  # how far a rounded figure may be from the exact one


def _within_approximation(text_a: str, qa: Quantity, text_b: str, qb: Quantity) -> bool:
    """"Just under 200,000 hectares" / "193,000 hectares": one side rounds and the other's
    exact figure is inside that rounding, so nothing changed. Both sides rounding differently
    ("more than 50" / "over 55") is still a changed figure."""
    sides = [(_bound(text_a, qa), qa, qb), (_bound(text_b, qb), qb, qa)]
    rounded = [(bound, approx, exact) for bound, approx, exact in sides if bound]
    if len(rounded) != 1 or qa.family in ("date", "weekday", "time", "year"):
        return False
    bound, approx, exact = rounded[0]
    x, y = approx.value, exact.value
    if x <= 0:
        return False
    if bound == "roughly":
        return abs(y - x) <= _SLACK * x
    if bound == "below":
        return x * (1 - _SLACK) <= y < x
    return x < y <= x * (1 + _SLACK)


def _bound(text: str, q: Quantity) -> str:
    before = text[max(0, q.start - 20):q.start]
    for name, pattern in (("roughly", _ROUGHLY), ("below", _BELOW), ("above", _ABOVE)):
        if pattern.search(before):
            return name
    return ""


def _best_counterpart(text_a: str, q: Quantity, text_b: str,
                      options: list[Quantity]) -> Quantity | None:
    """The other side's figure of the same family said about the same thing, or None (an
    extra figure on one side is no changed figure): the same word right after both ("85
    houses" / "58 houses"), or two words in common around them."""
    before_a, after_a = _context(text_a, q)
    scored = []
    for other in options:
        if not q.comparable(other):
            continue
        before_b, after_b = _context(text_b, other)
        shared = len((set(before_a) | set(after_a)) & (set(before_b) | set(after_b)))
        same_next = bool(after_a and after_b and after_a[0] == after_b[0])
        if same_next or shared >= 2:
            scored.append((shared + 2 * same_next, other))
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _context(text: str, q: Quantity, reach: int = 3) -> tuple[list[str], list[str]]:
    """The content words next to a figure, three each side, folded and without a plural s."""
    before = [_fold(w) for w in _CONTEXT_WORD.findall(text, max(0, q.start - 60), q.start)
              if w.casefold() not in _CONTEXT_STOP][-reach:]
    after = [_fold(w) for w in _CONTEXT_WORD.findall(text, q.end, q.end + 60)
             if w.casefold() not in _CONTEXT_STOP][:reach]
    return before, after


def _fold(word: str) -> str:
    word = word.casefold()
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _family_word(q: Quantity) -> str:
    return {"money": "amount", "percent": "percentage", "year": "year", "date": "date",
            "weekday": "day", "time": "time", "age": "age"}.get(q.family, "number")


# --- sources -------------------------------------------------------------------------------


def _sources(fa: Features, a_spans: Sequence[Span], fb: Features,
             b_spans: Sequence[Span]) -> list[Raw]:
    sa = fa.attributions_in(a_spans)
    sb = fb.attributions_in(b_spans)
    left_a = [s for s in sa if not any(_same(s, fa, o, fb) for o in sb)]
    left_b = [s for s in sb if not any(_same(s, fb, o, fa) for o in sa)]
    raws = []
    for a, b in zip(left_a, left_b, strict=False):
        raws.append(Raw("attribution", _source_span(a), _source_span(b), difference(a, b)))
    words_a, words_b = _sentence_words(fa, a_spans), _sentence_words(fb, b_spans)
    for a in left_a[len(left_b):]:
        if not a.belief and _gone(a, fb, words_b):
            raws.append(Raw("attribution", _source_span(a), _statement(fb, b_spans),
                            f"source dropped: A credits “{a.source}”, B states it without a "
                            "source"))
    for b in left_b[len(left_a):]:
        if not b.belief and _gone(b, fa, words_a):
            raws.append(Raw("attribution", _statement(fa, a_spans), _source_span(b),
                            f"source dropped: B credits “{b.source}”, A states it without a "
                            "source"))
    return raws


def _same(x: Attribution, fx: Features, y: Attribution, fy: Features) -> bool:
    """`same_source`, where a definite role ("the coastguard", "the mayor") only refers back
    to a name ("Baltline", "Mayor Ana Ruiz") that its own article mentions somewhere."""
    return same_source(x, y) and not (_unintroduced(x, fx, y) or _unintroduced(y, fy, x))


def _unintroduced(role: Attribution, f: Features, named: Attribution) -> bool:
    if role.is_pronoun or names(role.source) or not role.source.casefold().startswith("the "):
        return False
    mentioned = names(named.source) | names(named.apposition)
    return bool(mentioned) and not any(n in f.words or n + "s" in f.words for n in mentioned)


def _gone(source: Attribution, other: Features, other_passage: set[str]) -> bool:
    """Whether the other article really leaves the source out: a named source appears
    nowhere in it, an unnamed one ("officials") not in the passage itself. Rewrites move
    a source to the next sentence or name it once for the whole article."""
    if source.is_pronoun or "according" in other_passage:
        return False  # "According to the, the quake…": attributed, to a name we cannot read
    named = names(source.source)
    if named:
        return not any(n in other.words or n + "s" in other.words for n in named)
    return not (institution_words(source.source) & {stem(w) for w in other_passage})


def _source_span(s: Attribution) -> Span:
    return Span(s.start, s.end)


def _statement(f: Features, spans: Sequence[Span]) -> Span:
    """The passage's first sentence, trimmed: where an unattributed statement is."""
    first = min(spans, key=lambda s: s.start)
    sentence = f.sentence_at(first.start)
    start, end = (sentence.start, sentence.end) if sentence else (first.start, first.end)
    end = min(end, max(s.end for s in spans))
    text = f.text[start:end]
    return Span(start + len(text) - len(text.lstrip()), start + len(text.rstrip()))


# --- hedges --------------------------------------------------------------------------------


def _hedges(fa: Features, a_spans: Sequence[Span], fb: Features,
            b_spans: Sequence[Span]) -> list[Raw]:
    """A hedge one side has and the other lacks, where the other side says the hedged
    thing too (a loosely aligned passage with a "might" somewhere is no hedge removed)."""
    ha = fa.hedges_in(a_spans)
    hb = fb.hedges_in(b_spans)
    words_a, words_b = _passage_words(fa, a_spans), _passage_words(fb, b_spans)
    only_a = [h for h in ha if not _matched(h, hb) and _said_there(fa.text, h.end, words_b)]
    only_b = [h for h in hb if not _matched(h, ha) and _said_there(fb.text, h.end, words_a)]
    if not only_a and not only_b:
        return []
    a_span = Span(only_a[0].start, only_a[0].end) if only_a else _statement(fa, a_spans)
    b_span = Span(only_b[0].start, only_b[0].end) if only_b else _statement(fb, b_spans)
    if only_a and only_b:
        text = f"hedging changed: A says “{only_a[0].text}”, B says “{only_b[0].text}”"
    elif only_a:
        what = "added certainty" if only_a[0].kind == "certainty" else "hedging"
        text = f"{what} in A only: “{only_a[0].text}” has no counterpart in B"
    else:
        what = "added certainty" if only_b[0].kind == "certainty" else "hedging"
        text = f"{what} in B only: “{only_b[0].text}” has no counterpart in A"
    return [Raw("hedge", a_span, b_span, text)]


def _matched(hedge: Hedge, others: Sequence[Hedge]) -> bool:
    """Uncertainty of any kind on the other side keeps a statement hedged ("believe he may
    be" / "is thought to be"); certainty only matches certainty."""
    if hedge.kind == "certainty":
        return any(o.kind == "certainty" for o in others)
    return any(o.kind != "certainty" for o in others)


def _sentence_words(f: Features, spans: Sequence[Span]) -> set[str]:
    """The words of the sentences a passage touches and of one sentence either side: a
    rewrite often names the source in the sentence before ("A court has ordered them to pay.
    The compensation is for five months…")."""
    whole = []
    for span in spans:
        first = f.sentence_index(span.start)
        last = f.sentence_index(max(span.start, span.end - 1))
        lo, hi = max(0, first - 1), min(len(f.sentences) - 1, last + 1)
        whole.append(Span(min(span.start, f.sentences[lo].start),
                          max(span.end, f.sentences[hi].end)) if f.sentences else span)
    return _passage_words(f, whole)


def _passage_words(f: Features, spans: Sequence[Span]) -> set[str]:
    return {w.casefold() for s in spans for w in _CONTEXT_WORD.findall(f.text, s.start, s.end)}


def _said_there(text: str, after: int, other_words: set[str]) -> bool:
    """Whether the words the hedge qualifies (the next few content words) are in the other
    passage: at least two of them, or the only one there is."""
    following = [w.casefold() for w in _CONTEXT_WORD.findall(text, after, after + 80)]
    content = [w for w in following if w not in _CONTEXT_STOP][:4]
    if not content:
        return True
    return sum(w in other_words for w in content) >= min(2, len(content))
