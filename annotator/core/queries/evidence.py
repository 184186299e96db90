"""Which sentences of an alignment link carry its evidence.

A link's score is one number for all its sentences, so a weakly related neighbour glued onto
a strong link hides in the strong score. Each sentence of a link side is scored here on its
own: the share of its content words (stemmed, stopwords out, numbers kept) that the link's
other side also has. The Links list and the link map's tooltip show these, and flag the weak.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..align.features import tokenize
from ..annotations import AlignmentLink, Project
from ..document import Document, Span

WEAK = 0.25  # a sentence with less of its content in the other side is called weak
SEGMENT_LIMIT = 50_000  # characters: longer texts are only used once their sentences exist


@dataclass(frozen=True, slots=True)
class SentenceEvidence:
    side: str  # "A" or "B"
    start: int
    end: int
    support: float  # 0..1: share of the sentence's content words found in the other side

    @property
    def weak(self) -> bool:
        return self.support < WEAK


def link_evidence(project: Project, link: AlignmentLink) -> list[SentenceEvidence]:
    """The link's sentences, A's then B's, each with its own support; [] when a long text
    has no sentences yet (splitting it would stall the caller)."""
    docs = {"A": project.doc_a, "B": project.doc_b}
    spans = {"A": link.a, "B": link.b}
    if any(not doc.segmented and len(doc.text) > SEGMENT_LIMIT for doc in docs.values()):
        return []
    words = {side: _content(docs[side], spans[side]) for side in docs}
    out: list[SentenceEvidence] = []
    for side, other in (("A", "B"), ("B", "A")):
        for start, end in _sentences(docs[side], spans[side]):
            own = set(tokenize(docs[side].text[start:end]).content)
            support = len(own & words[other]) / len(own) if own else 1.0
            out.append(SentenceEvidence(side, start, end, support))
    return out


def weakest(evidence: list[SentenceEvidence]) -> SentenceEvidence | None:
    return min(evidence, key=lambda e: e.support, default=None)


def describe(project: Project, evidence: list[SentenceEvidence], width: int = 70) -> str:
    """One line per sentence: side, support, a flag when weak, the sentence's start."""
    lines = []
    for e in evidence:
        text = " ".join(project.document(e.side).text[e.start:e.end].split())
        text = text if len(text) <= width else text[: width - 1] + "…"
        other = "B" if e.side == "A" else "A"
        flag = "  ⚠ weak" if e.weak else ""
        share = f"{e.support:.2f} ({e.support:.0%} of its words in {other})"
        lines.append(f"{e.side} {share}{flag}: {text}")
    return "\n".join(lines)


def _content(doc: Document, spans: tuple[Span, ...]) -> set[str]:
    return {w for span in spans for w in tokenize(doc.slice(span)).content}


def _sentences(doc: Document, spans: tuple[Span, ...]) -> list[tuple[int, int]]:
    """The link side's sentences, clipped to its spans (a span may start mid-sentence)."""
    out = []
    for span in spans:
        for seg in doc.sentences:
            start, end = max(seg.start, span.start), min(seg.end, span.end)
            if start < end and doc.text[start:end].strip():
                out.append((start, end))
    return out
