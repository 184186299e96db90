"""Saved web pages: the article's main text and its metadata, by trafilatura, offline.

trafilatura never fetches anything when handed a page's bytes; its per-call timeout is turned
off because it uses SIGALRM, which only works on the main thread (the app extracts in a worker).
"""

from __future__ import annotations

import contextlib
import re
from functools import cache
from typing import Any

from ..textio import DocumentLoadError
from .model import Extracted, SourceMeta

MIN_WORDS = 50  # fewer is a caption or a teaser: the article itself was not found
_TABLE_ROW = re.compile(r"^\|(.*)\|\s*$")


@cache
def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def read_html(data: bytes | str, meta: SourceMeta) -> Extracted:
    """Article text of an HTML page; `meta` carries what the caller knows (file, url)."""
    import trafilatura

    options: dict[str, Any] = dict(
        url=meta.url or None, include_comments=False, include_tables=True,
        include_images=False, include_links=False, config=_config(),
    )
    try:
        found = trafilatura.bare_extraction(data, with_metadata=True, **options)
        body = trafilatura.extract(data, output_format="txt", **options)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise DocumentLoadError(f"{_name(meta)}: the page could not be parsed ({exc}).") from exc
    if found is None or not body or not _looks_like_prose(body):
        raise DocumentLoadError(
            f"{_name(meta)}: no article text was recognised on this page (it may be an index "
            "page, a login or cookie wall, or a page built by JavaScript)."
        )
    site = _clean(getattr(found, "sitename", None)) or _clean(getattr(found, "hostname", None))
    title = _strip_site(_clean(getattr(found, "title", None)), site)
    text = _paragraphs(body)
    notes: list[str] = []
    if title and title not in text[: len(title) + 200]:
        text = f"{title}\n\n{text}"
        notes.append("The headline was taken from the page's metadata.")
    meta = meta.with_fields(
        title=title,
        author=_clean(getattr(found, "author", None)),
        date=_clean(getattr(found, "date", None)),
        site=site,
        url=meta.url or _clean(getattr(found, "url", None)),
        extractor="trafilatura",
        extractor_version=trafilatura.__version__,
    )
    return Extracted(text, meta, notes=tuple(notes))


def _looks_like_prose(body: str) -> bool:
    """At least a few dozen words with one sentence-sized line: not a menu or a link list."""
    lines = [line.split() for line in body.splitlines()]
    return sum(map(len, lines)) >= MIN_WORDS and any(len(words) >= 8 for words in lines)


def _paragraphs(body: str) -> str:
    """trafilatura's one-line-per-block text as blank-line separated paragraphs; table rows
    ("| a | b |") stay together, one per line, cells joined by " | " as the other readers do."""
    blocks: list[str] = []
    rows: list[str] = []
    for line in body.splitlines():
        row = _TABLE_ROW.match(line.strip())
        if row:
            cells = [c.strip() for c in row.group(1).split("|")]
            if any(cells):
                rows.append(" | ".join(cells))
            continue
        if rows:
            blocks.append("\n".join(rows))
            rows = []
        if line.strip():
            blocks.append(line.strip())
    if rows:
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks)


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+")
_DATE_LIKE = re.compile(r"^[\d./ -]+$")
_WORD = re.compile(r"\w+")


def _strip_site(title: str, site: str) -> str:
    """"Headline | DW | 19.01.2020" -> "Headline": trailing parts naming the site or a date go."""
    parts = _TITLE_PARTS.split(title)
    site_words = set(_WORD.findall(site.lower()))
    while len(parts) > 1:
        words = set(_WORD.findall(parts[-1].lower()))
        if not (_DATE_LIKE.match(parts[-1].strip()) or (words and words <= site_words)):
            break
        parts.pop()
    return title[: title.rindex(parts[-1]) + len(parts[-1])] if len(parts) > 1 else parts[0]


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value else ""


def _name(meta: SourceMeta) -> str:
    return meta.file or meta.url or "page"


def read_mhtml(data: bytes, meta: SourceMeta) -> Extracted:
    """A single-file web archive (.mhtml/.mht, MIME multipart): its first HTML part."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.default)
    url = str(message.get("Snapshot-Content-Location", "") or "")
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            payload = part.get_payload(decode=True)
            raw = payload if isinstance(payload, bytes) else b""
            page: bytes | str = raw
            charset = part.get_content_charset()
            if charset:  # declared on the part; else the page's own <meta charset> decides
                with contextlib.suppress(LookupError, UnicodeDecodeError):
                    page = raw.decode(charset)
            url = url or str(part.get("Content-Location", "") or "")
            found = read_html(page, meta.with_fields(url=meta.url or url))
            return Extracted(found.text, found.meta.with_fields(kind="mhtml"), notes=found.notes)
    raise DocumentLoadError(f"{_name(meta)}: this web archive holds no HTML page.")
