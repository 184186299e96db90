"""Markdown rendered to plain text, so `#`, `*` and link syntax never reach offsets or quotes.

Paragraphs, headings and code blocks become blank-line separated paragraphs; the items of a
list and the rows of a table stay together, one per line (cells joined by " | "); emphasis,
links and inline code keep their text only; images and raw HTML tags are left out.
"""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]*>")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_FRONT_KEY = re.compile(r"^(title|author|date)\s*:\s*(.+?)\s*$", re.MULTILINE | re.IGNORECASE)
_GROUPS = {"bullet_list", "ordered_list", "table"}


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """YAML front matter's title/author/date (the keys drafts carry) and the text after it."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    keys = {k.lower(): v.strip("\"'") for k, v in _FRONT_KEY.findall(match.group(1))}
    return keys, source[match.end():]


def markdown_to_text(source: str) -> str:
    """Plain text of a CommonMark (+ tables, strikethrough) document."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(source)
    blocks: list[str] = []
    group: list[str] = []  # lines of the list or table being read
    depth = 0  # nesting of lists and tables
    row: list[str] | None = None  # cells of the table row being read
    for token in tokens:
        base = token.type.removesuffix("_open").removesuffix("_close")
        if base in _GROUPS:
            depth += token.nesting
            if depth == 0 and group:
                blocks.append("\n".join(group))
                group = []
            continue
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            if row and any(row):
                group.append(" | ".join(row))
            row = None
        if token.type == "inline":
            text = _inline_text(token.children or [])
            if row is not None:
                row.append(" ".join(text.split()))
                continue
        elif token.type in ("fence", "code_block"):
            text = token.content.rstrip("\n")
        elif token.type == "html_block":
            text = html.unescape(_TAG.sub("", token.content))
        else:
            continue
        text = text.strip()
        if text:
            (group if depth else blocks).append(text)
    return "\n\n".join(blocks)


def _inline_text(children: list) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)
