"""PDF text layer via pypdf (pure Python, BSD): page lines in reading position, then pdf_text."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..textio import DocumentLoadError
from .model import Extracted, SourceMeta
from .pdf_text import drop_running_lines, join_paragraphs, unfold_ligatures

_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")


def read_pdf(data: bytes, meta: SourceMeta) -> Extracted:
    import pypdf

    name = meta.file or meta.url or "document"
    with _warnings_as_notes() as warned:
        return _read(pypdf, data, meta, name, warned)


def _read(pypdf: Any, data: bytes, meta: SourceMeta, name: str, warned: list[str]) -> Extracted:
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _unlock(reader):
            raise DocumentLoadError(
                f"{name}: the PDF is encrypted with a password; open it in a PDF viewer, save "
                "an unprotected copy and open that."
            )
        pages = [_page_lines(page) for page in reader.pages]
        info: Any = reader.metadata or {}
    except DocumentLoadError:
        raise
    except (DependencyError, FileNotDecryptedError) as exc:
        raise DocumentLoadError(f"{name}: the PDF is encrypted and cannot be read ({exc}).") \
            from exc
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise DocumentLoadError(f"{name}: not a readable PDF ({exc}).") from exc
    if not any(line.strip() for lines in pages for line in lines):
        raise DocumentLoadError(
            f"{name}: the PDF has no text layer (a scan?): run OCR first, then open the result."
        )
    notes: list[str] = []
    empty = [str(i + 1) for i, lines in enumerate(pages) if not any(x.strip() for x in lines)]
    if empty:
        notes.append(f"Pages without a text layer (scanned?) were skipped: {', '.join(empty)}.")
    kept, dropped = drop_running_lines(pages)
    if any(line.strip() for lines in kept for line in lines):  # never drop the only text
        pages = kept
    else:
        dropped = 0
    if dropped:
        notes.append(f"{dropped} running header, footer or page-number lines were left out.")
    text = unfold_ligatures(join_paragraphs(pages))
    meta = meta.with_fields(
        title=unfold_ligatures(_info(info, "/Title")),
        author=_info(info, "/Author"),
        date=_pdf_date(_info(info, "/CreationDate") or _info(info, "/ModDate")),
        extractor="pypdf",
        extractor_version=pypdf.__version__,
    )
    notes += [f"The PDF reader warned: {w}" for w in list(dict.fromkeys(warned))[:3]]
    return Extracted(text, meta, notes=tuple(notes))


@contextmanager
def _warnings_as_notes() -> Iterator[list[str]]:
    """pypdf logs what it could not read ("Rotated text discovered..."): collect it for the
    preview and --show-text instead of letting it reach the terminal."""
    logger = logging.getLogger("pypdf")
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                messages.append(record.getMessage())

    handler, propagate = Collect(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _unlock(reader: Any) -> bool:
    """Open a PDF that is encrypted without a user password (only owner restrictions)."""
    from pypdf import PasswordType

    return bool(reader.decrypt("") != PasswordType.NOT_DECRYPTED)


def _page_lines(page: Any) -> list[str]:
    """A page's lines top to bottom, blank lines where the layout leaves a vertical gap."""
    try:
        text = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=True)
    except Exception:  # layout mode trips on some fonts; plain mode loses only the gaps
        text = ""
    if not (text or "").strip():  # and finds nothing in some (Type 3 fonts) plain mode reads
        text = page.extract_text() or ""
    lines = [" ".join(line.split()) for line in (text or "").splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    # runs of blank lines say "gap" once
    return [line for i, line in enumerate(lines) if line or (i and lines[i - 1])]


def _info(info: Any, key: str) -> str:
    try:
        value = info.get(key)
    except Exception:
        return ""
    return " ".join(str(value).split()) if value else ""


def _pdf_date(value: str) -> str:
    match = _PDF_DATE.match(value)
    if not match:
        return ""
    return "-".join(part for part in match.groups() if part)
