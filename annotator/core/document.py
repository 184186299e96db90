"""A document: its canonical text (frozen once loaded) and the segments offsets refer to."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .inputs import Extracted, SourceMeta, read_source
from .language import detect_language, normalise_code
from .segment import Segment, paragraphs, sentences
from .segment.languages import splitter_for
from .textio import DocumentLoadError, check_storable, normalize_text


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
    meta: SourceMeta = field(default_factory=SourceMeta)  # provenance: format, URL, author...
    # what decoding assumed, for the user ("" when the encoding was certain)
    encoding_note: str = field(default="", compare=False)
    # ISO 639-1 code ("" unknown: English rules); sentence splitting and stemming follow it
    language: str = ""

    @classmethod
    def from_text(cls, doc_id: str, text: str, *, title: str = "", source: str = "",
                  language: str | None = "") -> Document:
        """A document from a string; `language` None detects it, "" leaves it unknown."""
        text = normalize_text(text)
        check_storable(text, title or doc_id)
        lang = detect_language(text) if language is None else normalise_code(language)
        return cls(doc_id, text, title or _first_line(text), source, language=lang)

    @classmethod
    def load(cls, source: str | Path, doc_id: str, encoding: str | None = None,
             language: str | None = None) -> Document:
        """Load a file (text, Markdown, web page, Word, PDF) or fetch an http(s) URL, in
        `encoding` and `language` when given (else the ones detected); raises
        DocumentLoadError with a user message."""
        return cls.from_extracted(read_source(source, encoding=encoding), doc_id, str(source),
                                  language)

    @classmethod
    def from_extracted(cls, extracted: Extracted, doc_id: str, source: str = "",
                       language: str | None = None) -> Document:
        """Freeze a reader's result (possibly edited in the preview) into a document; its
        language is `language` when given, else the one detected."""
        text = normalize_text(extracted.text)
        if not text.strip():
            raise DocumentLoadError(f"{source or doc_id}: the document holds no text.")
        meta = extracted.meta
        check_storable(text, source or doc_id)
        lang = detect_language(text) if language is None else normalise_code(language)
        return cls(doc_id, text, meta.title or _first_line(text),
                   source or meta.url or meta.file, extracted.encoding, meta,
                   extracted.encoding_note, lang)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def segmented(self) -> bool:
        """Whether sentences are computed already (reading them then costs nothing)."""
        return "sentences" in self.__dict__

    @cached_property
    def sentences(self) -> list[Segment]:
        return sentences(self.text, splitter_for(self.language))

    def adopt_sentences(self, segments: Sequence[Segment]) -> None:
        """Take `segments` as this text's sentences when they were split elsewhere (another
        process, from this same text) and none are cached yet; ranges that cannot be this
        text's sentences (out of order, outside the text) are refused with ValueError."""
        if self.segmented:
            return
        end = 0
        for seg in segments:
            if not end <= seg.start <= seg.end <= len(self.text):
                raise ValueError(f"sentence [{seg.start}, {seg.end}) cannot be one of this "
                                 f"{len(self.text)}-character text's, after {end}")
            end = seg.end
        self.__dict__["sentences"] = list(segments)

    @cached_property
    def paragraphs(self) -> list[Segment]:
        return paragraphs(self.text)

    def slice(self, span: Span | Segment) -> str:
        return self.text[span.start : span.end]


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:200]
    return ""


__all__ = ["Document", "DocumentLoadError", "Span"]
