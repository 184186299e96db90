"""Word (.docx): body paragraphs and tables in reading order, each heading its own paragraph."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from ..textio import DocumentLoadError
from .model import Extracted, SourceMeta

# A .docx is a zip: refuse archives that would inflate past this (zip bombs).
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, meta: SourceMeta) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    name = meta.file or "document"
    _check_zip(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DocumentLoadError(f"{name}: not a readable Word document ({exc}).") from exc
    except Exception as exc:  # lxml.etree.XMLSyntaxError and friends inside a damaged part
        raise DocumentLoadError(f"{name}: the Word document is damaged ({exc}).") from exc
    text = "\n\n".join(b for b in blocks if b)
    props = document.core_properties
    created = props.created or props.modified
    meta = meta.with_fields(
        title=(props.title or "").strip() or _first_heading(document),
        author=(props.author or "").strip(),
        date=created.date().isoformat() if created else "",
        extractor="python-docx",
        extractor_version=getattr(docx, "__version__", ""),
    )
    return Extracted(text, meta)


def _check_zip(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise DocumentLoadError(
            f"{name}: not a readable Word document (not a .docx archive; an old .doc file "
            "must be saved as .docx first)."
        ) from exc
    if "word/document.xml" not in names:
        raise DocumentLoadError(f"{name}: not a Word document (no word/document.xml inside).")
    if size > MAX_UNZIPPED_BYTES:
        raise DocumentLoadError(f"{name}: unpacks to {size / 1e6:.0f} MB, over the limit.")


def _blocks(document: Any) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in _body_items(document.element.body):
        if element.tag == _W + "p":
            yield Paragraph(element, document).text.strip()
        elif element.tag == _W + "tbl":
            yield "\n".join(_rows(Table(element, document)))


def _body_items(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, also inside content controls (w:sdt)."""
    for child in parent.iterchildren():
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _body_items(content)


def _rows(table: Any) -> Iterator[str]:
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:  # a merged cell repeats: keep it once
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        while cells and not cells[-1]:  # a row's empty trailing cells would end in " | "
            cells.pop()
        if cells:
            yield " | ".join(cells)


def _first_heading(document: Any) -> str:
    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if (style == "Title" or style.startswith("Heading")) and paragraph.text.strip():
            return paragraph.text.strip()
    return ""
