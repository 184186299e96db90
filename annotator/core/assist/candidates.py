"""Claim candidates: the checkable statements of one article, offered to the user, never
applied. Quotations (with their speaker), statistics (numbers, amounts, percentages, counts),
dates, attributions and hedged statements."""

from __future__ import annotations

import re

from ..annotations import Project
from ..document import Span
from .compare_sources import names
from .features import Features, features_of
from .model import Candidate
from .quote_check import speaker_of
from .sources import Attribution
from .wordsets import word_set

KIND_LABELS = {"quote": "Quotation", "statistic": "Statistic", "date": "Date",
               "attribution": "Attribution", "hedge": "Hedged statement"}
_AGE = re.compile(r"-year-old\b")
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]{2,})\b")
_FUNCTION_WORDS = word_set("of in on at to and or the a an for from by with as per when who which "
                           "that than were was are is had has have will would more less over "
                           "under about after before into its their this these those")
_ANONYMOUS = re.compile(r"\b(?:sources?|officials?|people familiar|insiders?|aides?|"
                        r"diplomats?|someone|a person)\b", re.IGNORECASE)


def find_candidates(project: Project, doc_id: str, *, include_dismissed: bool = False
                    ) -> list[Candidate]:
    """Candidates in reading order, minus those already claimed with the same span and type
    and (unless asked) those the user dismissed."""
    doc = project.document(doc_id)
    f = features_of(doc)
    claimed = {(c.start, c.end, c.type) for c in project.claims.values() if c.doc == doc_id}
    found = [*_quotes(doc_id, f), *_figures(doc_id, f), *_sources(doc_id, f),
             *_hedged(doc_id, f)]
    found = [c for c in found if (c.start, c.end, c.claim_type) not in claimed
             and (include_dismissed or not project.assist.is_dismissed(c))]
    return sorted(found, key=lambda c: (c.start, c.end, c.kind))


def _quotes(doc_id: str, f: Features) -> list[Candidate]:
    out = []
    for q in f.quotations:
        if len(q.words) < 2:
            continue
        speaker = speaker_of(f, q)
        attrs = [("speaker", speaker.source)] if speaker and not speaker.is_pronoun else []
        out.append(Candidate(doc_id, "quote", q.start, q.end, f.text[q.start:q.end], "quote",
                             tuple(attrs)))
    return out


def _figures(doc_id: str, f: Features) -> list[Candidate]:
    out = []
    for q in f.quantities:
        if q.family in ("weekday", "time") or (q.family == "count" and q.value < 2):
            continue  # "on Monday", "one of them": not what a fact-checker verifies
        kind = "date" if q.family in ("date", "year") else "statistic"
        end = q.end
        if q.family in ("count", "age"):  # "85 houses": the figure with what it counts
            end = _counted_end(f.text, q.end)
        sentence = f.sentence_at(q.start)
        source = _source_in(f, sentence.start, sentence.end) if sentence else None
        attrs = [("source", source.source)] if source else []
        out.append(Candidate(doc_id, kind, q.start, end, f.text[q.start:end], "statistic",
                             tuple(attrs)))
    return out


def _sources(doc_id: str, f: Features) -> list[Candidate]:
    out = []
    for a in f.attributions:
        if a.is_pronoun:
            continue
        kind = "named" if names(a.source) else (
            "anonymous" if _ANONYMOUS.search(a.source) else "named")
        out.append(Candidate(doc_id, "attribution", a.start, a.end, f.text[a.start:a.end],
                             "attribution", (("source", a.source), ("sourceKind", kind))))
    return out


def _hedged(doc_id: str, f: Features) -> list[Candidate]:
    """The sentence a hedge qualifies: the statement, with the hedge named in the note."""
    out: dict[int, Candidate] = {}
    for h in f.hedges:
        if h.kind == "certainty":
            continue
        sentence = f.sentence_at(h.start)
        if sentence is None or sentence.start in out:
            continue
        text = f.text[sentence.start:sentence.end]
        start = sentence.start + len(text) - len(text.lstrip())
        end = sentence.start + len(text.rstrip())
        out[sentence.start] = Candidate(doc_id, "hedge", start, end, f.text[start:end],
                                        "factual", note=f"hedged: “{h.text}”")
    return list(out.values())


def _counted_end(text: str, end: int) -> int:
    """Where "85 houses", "two oil tankers", "a 34-year-old" end: up to three following
    words, ending at the first plural, or the first word when none is plural."""
    age = _AGE.match(text, end)
    if age:
        return age.end()
    words: list[re.Match[str]] = []
    position = end
    while len(words) < 3:
        m = _NEXT_WORD.match(text, position)
        if m is None or m.group(1) in _FUNCTION_WORDS:
            break
        words.append(m)
        position = m.end()
        if m.group(1).endswith("s") and not m.group(1).endswith("ss"):
            return m.end()
    return words[0].end() if words else end


def _source_in(f: Features, start: int, end: int) -> Attribution | None:
    return next((a for a in f.attributions_in([Span(start, end)]) if not a.is_pronoun),
                None)
