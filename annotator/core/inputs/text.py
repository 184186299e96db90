"""Plain text and Markdown files: decoded by textio, Markdown rendered to plain text."""

from __future__ import annotations

from pathlib import Path

from ..textio import read_text_file
from .markdown import markdown_to_text, split_front_matter
from .model import Extracted, SourceMeta


def read_plain(path: Path, encoding: str | None = None) -> Extracted:
    decoded = read_text_file(path, encoding)
    return Extracted(decoded.text, SourceMeta(kind="text", file=path.name), decoded.encoding,
                     _notes(decoded.note), decoded.note, decoded.alternatives)


def _notes(encoding_note: str) -> tuple[str, ...]:
    return (f"Encoding: {encoding_note}",) if encoding_note else ()


def read_markdown(path: Path, encoding: str | None = None) -> Extracted:
    import markdown_it

    decoded = read_text_file(path, encoding)
    front, body = split_front_matter(decoded.text)
    meta = SourceMeta(kind="markdown", file=path.name, title=front.get("title", ""),
                      author=front.get("author", ""), date=front.get("date", ""),
                      extractor="markdown-it-py", extractor_version=markdown_it.__version__)
    text = markdown_to_text(body)
    return Extracted(text, meta, decoded.encoding, _notes(decoded.note), decoded.note,
                     decoded.alternatives)
