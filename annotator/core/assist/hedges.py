"""Hedges ("allegedly", "is likely to", "investigators believe") and their opposite, words of
certainty ("will certainly"), grouped in classes so that a paraphrase that swaps one hedge
for another of the same class ("reportedly" for "allegedly") is not a change."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLASSES: tuple[tuple[str, str, int], ...] = (
    ("hearsay", r"\ballegedly\b|\balleged\b|\breportedly\b|\bpurportedly\b|\bapparently\b"
                r"|\b(?:is|are|was|were)\s+said\s+to\b|\bunconfirmed\b|\brumou?red\b",
     re.IGNORECASE),
    ("belief", r"\bbelieves?\b|\bbelieved\b|\bsuspected\b|\bsuspects?\s+that\b"
               r"|\bthinks?\s+that\b|\b(?:is|are|was|were)\s+thought\s+to\b", re.IGNORECASE),
    ("probability", r"\b(?:is|are|was|were)\s+(?:un)?likely\b|\blikely\b|\bprobably\b"
                    r"|\bpossibly\b|\bperhaps\b|\bmight\b(?!\s*[,.;:]|\s+(?:by|of|and|in)\b)"
                    r"|\bmay\b|\bcould\b"
                    r"|\b(?:appears?|appeared|seems?|seemed)\s+to\b"
                    r"|\b(?:is|are|was|were)\s+(?:expected|forecast)\s+to\b|\bestimated\b", 0),
    ("certainty", r"\bcertainly\b|\bdefinitely\b|\bundoubtedly\b|\bwithout\s+(?:a\s+)?doubt\b"
                  r"|\bsurely\b|\bis\s+certain\s+to\b|\bwill\s+certainly\b", re.IGNORECASE),
)
_PATTERNS = [(name, re.compile(pattern, flags)) for name, pattern, flags in _CLASSES]


@dataclass(frozen=True)
class Hedge:
    start: int
    end: int
    kind: str  # hearsay | belief | probability | certainty
    text: str


def find_hedges(text: str) -> list[Hedge]:
    """Every hedge or certainty marker; "May" with a capital is the month, not a hedge."""
    found: list[Hedge] = []
    taken = bytearray(len(text))  # characters inside a hedge found already
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            found.append(Hedge(m.start(), m.end(), kind, m.group()))
    return sorted(found, key=lambda h: h.start)
