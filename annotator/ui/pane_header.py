"""What the header above each pane says about its document: title, site and date."""

from __future__ import annotations

from annotator.core import Document
from annotator.core.inputs import KIND_NAMES


def pane_header(side: str, doc: Document) -> tuple[str, str]:
    """(label, tooltip). A document with source metadata shows site and date, then its title
    (a narrow pane cuts the title, never the site or date); a plain file without any shows its
    headline when its first line is one (`headline`), else its file name."""
    meta = doc.meta
    file = file_name(doc)
    byline = " · ".join(p for p in (meta.site, meta.date[:10]) if p)
    label = " · ".join(p for p in (side, byline, document_title(doc)) if p)
    tip = [doc.title, file if file and not (meta.title or byline) else ""]
    if meta.author:
        tip.append(f"by {meta.author}")
    if byline:
        tip.append(byline)
    tip.append(meta.url or doc.source)
    if meta.extractor:
        kind = KIND_NAMES.get(meta.kind, meta.kind)
        tip.append(f"{kind}, read with {meta.extractor} {meta.extractor_version}".strip())
    return label, "\n".join(t for t in tip if t)


def document_title(doc: Document) -> str:
    """The title the pane header shows, without side, site or date (the window title shows it
    too): the source's title, else the first line when it reads as a headline, else the file
    name. A document with a site or date but no title keeps its first line, as read."""
    meta = doc.meta
    if meta.title or meta.site or meta.date:
        return doc.title
    return headline(doc.text) or file_name(doc)


def file_name(doc: Document) -> str:
    """The last part of the document's path or address (either slash)."""
    return doc.source.replace("\\", "/").rsplit("/", 1)[-1]


HEADLINE_MAX_CHARS = 160
HEADLINE_WORDS = (3, 25)


def headline(text: str) -> str:
    """The first line when it reads as a headline: a paragraph of its own (a blank line
    follows, more text after), 3 to 25 words, not ending like a sentence in a period, comma,
    colon or semicolon. "" otherwise (a hard-wrapped first paragraph, a one-line text)."""
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if not rest.strip() or (rest.split("\n", 1)[0].strip() and not rest.startswith("\n")):
        return ""
    words = len(first.split())
    if (not HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1] or len(first) > HEADLINE_MAX_CHARS
            or first[-1] in ".,;:"):
        return ""
    return first
