"""What a reader hands back: the extracted text and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace


@dataclass(frozen=True)
class SourceMeta:
    """Provenance of one document, kept in the project file. Empty string = not known.

    `kind` is the input format (text, markdown, html, mhtml, docx, pdf); `file` the source
    file's name (no folder) and `url` the page's address (given, canonical or fetched);
    `date` is ISO 8601 (YYYY-MM-DD or longer) as the source states it."""

    kind: str = ""
    file: str = ""
    url: str = ""
    title: str = ""
    author: str = ""
    date: str = ""
    site: str = ""
    extractor: str = ""
    extractor_version: str = ""

    def items(self) -> list[tuple[str, str]]:
        """(field, value) for every known field, in declaration order."""
        return [(f.name, getattr(self, f.name)) for f in fields(self) if getattr(self, f.name)]

    def byline(self) -> str:
        """"Site · by Author · date", the parts that are known (pane headers, reports)."""
        parts = [self.site, f"by {self.author}" if self.author else "", self.date[:10]]
        return " · ".join(p for p in parts if p)

    def with_fields(self, **changes: str) -> SourceMeta:
        return replace(self, **{k: v.strip() for k, v in changes.items()})

    def __bool__(self) -> bool:
        return bool(self.items())


@dataclass(frozen=True)
class Extracted:
    """A reader's result: canonical text (LF, NFC), its metadata, and notes for the user
    (assumed encoding, dropped running headers...)."""

    text: str
    meta: SourceMeta
    encoding: str = "utf-8"
    notes: tuple[str, ...] = field(default=())
    # what decoding assumed ("" when certain) and the other encodings that would read the
    # file differently: what an encoding choice offers (read_source(..., encoding=))
    encoding_note: str = ""
    encoding_alternatives: tuple[str, ...] = ()

    def trimmed(self, start: int, end: int) -> Extracted:
        """The text cut to [start, end), as the preview's trim does."""
        return replace(self, text=self.text[start:end].strip())
