"""Readers for what users actually have: saved pages, Word, PDF, Markdown, text and URLs.

`read_source(path_or_url)` picks the reader by file suffix (or, for a URL, by the type the
server names) and returns an `Extracted`: canonical text plus `SourceMeta`. Every failure is a
`DocumentLoadError` whose message is meant for the user. Nothing here touches the network
except `read_source` given an http(s) address, which is the user's explicit request.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..textio import DocumentLoadError, normalize_text, read_input_bytes
from .model import Extracted, SourceMeta
from .url import TIMEOUT_S, is_url

_OTHER_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")  # ftp://, file://...

# suffix -> kind; the GUI's file filters and the README table follow this
SUFFIXES: dict[str, str] = {
    "": "text", ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".mhtml": "mhtml", ".mht": "mhtml",
    ".docx": "docx",
    ".pdf": "pdf",
}
KIND_NAMES = {
    "text": "Plain text", "markdown": "Markdown", "html": "Saved web page",
    "mhtml": "Web archive", "docx": "Word document", "pdf": "PDF",
}
_CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "text/plain": "text", "text/markdown": "markdown", "multipart/related": "mhtml",
    "application/x-mimearchive": "mhtml",
}


def read_source(source: str | Path, *, timeout: float = TIMEOUT_S,
                encoding: str | None = None) -> Extracted:
    """Read a file, or fetch an http(s) URL, into text + metadata; a text or Markdown file
    is read in `encoding` when the user chose one."""
    if is_url(source):
        return read_url(str(source), timeout=timeout)
    if isinstance(source, str) and _OTHER_SCHEME.match(source) and not Path(source).exists():
        raise DocumentLoadError(f"{source}: only http:// and https:// addresses can be "
                                "fetched; save the document and open the file.")
    return read_file(Path(source), encoding)


def read_file(path: Path, encoding: str | None = None) -> Extracted:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        hint = " (old Word .doc files must be saved as .docx first)" \
            if path.suffix.lower() in (".doc", ".rtf", ".odt") else ""
        raise DocumentLoadError(
            f"{path.name}: {path.suffix} files cannot be opened{hint}; supported are "
            f"{', '.join(s for s in SUFFIXES if s)}."
        )
    if kind in ("text", "markdown"):
        from .text import read_markdown, read_plain

        if kind == "text":
            return read_plain(path, encoding)  # kept exactly as decoded
        return _finish(read_markdown(path, encoding))
    return _finish(_READERS[kind](_read_bytes(path), SourceMeta(kind=kind, file=path.name)))


def read_url(url: str, *, timeout: float = TIMEOUT_S) -> Extracted:
    from .url import decode_plain, fetch

    fetched = fetch(url, timeout=timeout)
    kind = _CONTENT_TYPES.get(fetched.content_type)
    if kind is None:
        raise DocumentLoadError(f"{url}: the server sent {fetched.content_type}, which is not "
                                "a page, PDF, Word or text document.")
    meta = SourceMeta(kind=kind, url=fetched.url)
    if kind in ("text", "markdown"):
        from .markdown import markdown_to_text

        text = decode_plain(fetched)
        return _finish(Extracted(markdown_to_text(text) if kind == "markdown" else text, meta))
    if kind == "html" and fetched.charset:  # the server's charset outranks a guess
        try:
            return _finish(_html_text(fetched.data.decode(fetched.charset), meta))
        except (LookupError, UnicodeDecodeError):
            pass
    return _finish(_READERS[kind](fetched.data, meta))


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refused when there are none to read."""
    data = read_input_bytes(path)
    if not data.strip():
        raise DocumentLoadError(f"{path.name}: the file is empty.")
    return data


def _html(data: bytes, meta: SourceMeta) -> Extracted:
    return _html_text(data, meta)


def _html_text(page: bytes | str, meta: SourceMeta) -> Extracted:
    from .html import read_html

    return read_html(page, meta)


def _mhtml(data: bytes, meta: SourceMeta) -> Extracted:
    from .html import read_mhtml

    return read_mhtml(data, meta)


def _docx(data: bytes, meta: SourceMeta) -> Extracted:
    from .docx import read_docx

    return read_docx(data, meta)


def _pdf(data: bytes, meta: SourceMeta) -> Extracted:
    from .pdf import read_pdf

    return read_pdf(data, meta)


_READERS: dict[str, Callable[[bytes, SourceMeta], Extracted]] = {
    "html": _html, "mhtml": _mhtml, "docx": _docx, "pdf": _pdf,
}


def _finish(extracted: Extracted) -> Extracted:
    """Canonical text: LF, NFC, XML-safe, trimmed."""
    text = normalize_text(extracted.text).strip()
    if not text:
        name = extracted.meta.file or extracted.meta.url or "input"
        raise DocumentLoadError(f"{name}: no text could be extracted.")
    return replace(extracted, text=text)


__all__ = [
    "KIND_NAMES", "SUFFIXES", "DocumentLoadError", "Extracted", "SourceMeta", "is_url",
    "read_file", "read_source", "read_url",
]
