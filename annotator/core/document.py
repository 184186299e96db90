"""A document: its canonical text (frozen once loaded) and the segments offsets refer to."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from . import twocore
from .segment import Segment, paragraphs, sentences
from .textio import DocumentLoadError, normalize_text, read_text_file


@dataclass(frozen=True, slots=False)
class Span:
    """A half-open code-point range [start, end) in one document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Document:
    """One article. `text` is NFC with LF newlines; every offset in the project indexes it."""

    id: str
    text: str
    title: str = ""
    source: str = ""
    encoding: str = field(default="utf-8", compare=False)

    @classmethod
    def from_text(cls, doc_id: str, text: str, *, title: str = "", source: str = "") -> Document:
        text = normalize_text(text)
        return cls(doc_id, text, title or _first_line(text), source)

    @classmethod
    def load(cls, path: str | Path, doc_id: str) -> Document:
        """Load a plain-text or Markdown file; raises DocumentLoadError with a user message."""
        path = Path(path)
        if path.suffix.lower() not in {"", ".txt", ".text", ".md", ".markdown"}:
            raise DocumentLoadError(
                f"{path.name}: only plain text and Markdown files can be opened for now."
            )
        decoded = read_text_file(path)
        return cls(doc_id, decoded.text, _first_line(decoded.text), str(path), decoded.encoding)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def segmented(self) -> bool:
        """Whether sentences are computed already (reading them then costs nothing)."""
        return "sentences" in self.__dict__

    @cached_property
    def sentences(self) -> list[Segment]:
        return sentences(self.text)

    @cached_property
    def paragraphs(self) -> list[Segment]:
        return paragraphs(self.text)

    def slice(self, span: Span | Segment) -> str:
        return self.text[span.start : span.end]


def segment_pair(doc_a: Document, doc_b: Document) -> None:
    """Split both documents into sentences (`doc.sentences`): for a long pair, A's in a forked
    child while B's are split here, so it takes the longer of the two instead of both."""
    chars = len(doc_a.text) + len(doc_b.text)
    if doc_a.segmented or doc_b.segmented or not twocore.worth_forking(chars):
        _ = doc_a.sentences, doc_b.sentences
        return
    packed, _b = twocore.pair(lambda: _pack(sentences(doc_a.text)), lambda: doc_b.sentences,
                              chars)
    doc_a.__dict__.setdefault("sentences", [Segment(*row) for row in packed.tolist()])


def _pack(segments: list[Segment]) -> np.ndarray:
    """Sentences as one (start, end, paragraph) array: one buffer to pickle, not 50k objects."""
    return np.array([(s.start, s.end, s.paragraph) for s in segments],
                    dtype=np.int64).reshape(-1, 3)


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:200]
    return ""


__all__ = ["Document", "DocumentLoadError", "Span", "segment_pair"]
