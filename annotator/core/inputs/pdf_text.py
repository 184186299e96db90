"""From a PDF's page lines to paragraphs: running headers, footers and page numbers left out,
lines joined, end-of-line hyphenation undone, ligature glyphs unfolded. Pure text functions."""

from __future__ import annotations

import re
import statistics
from collections import Counter

LIGATURES = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
})
_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(page|p\.|seite|página|pagina)?\s*#+\s*((of|/|von|de|di)\s*#+)?[-–—\s]*$",
    re.IGNORECASE,
)
_HYPHENS = ("-", "\u00ad", "\u2010")
_PARAGRAPH_END = tuple('.!?:;"”’»)]')
_EDGE_LINES = 2  # how many lines at a page's top and bottom may be running headers/footers


def _shape(line: str) -> str:
    """A line with its digits masked, so "Page 3 of 9" and "Page 4 of 9" compare equal."""
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def drop_running_lines(pages: list[list[str]]) -> tuple[list[list[str]], int]:
    """Remove lines at the top or bottom of pages that repeat on other pages (after masking
    digits) or are bare page numbers; returns the pages and how many lines went."""
    edges = [_edge_indexes(lines) for lines in pages]
    counts: Counter[str] = Counter()
    for lines, indexes in zip(pages, edges, strict=True):
        counts.update({_shape(lines[i]) for i in indexes})
    repeated = {shape for shape, n in counts.items() if n >= 2 and n >= len(pages) / 2}
    kept: list[list[str]] = []
    dropped = 0
    for lines, indexes in zip(pages, edges, strict=True):
        drop = {i for i in indexes
                if _shape(lines[i]) in repeated or _PAGE_NUMBER.match(_shape(lines[i]))}
        dropped += len(drop)
        kept.append(_strip_blank([line for i, line in enumerate(lines) if i not in drop]))
    return kept, dropped


def _strip_blank(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _edge_indexes(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]))


def join_paragraphs(pages: list[list[str]]) -> str:
    """Lines to paragraphs: a blank line (a vertical gap) or a short line that ends a sentence
    ends one; other lines join with a space, or without the hyphen where a word was split."""
    lines = [clean for page in pages for clean in [*(" ".join(x.split()) for x in page), "\f"]]
    filled = [line for line in lines if line and line != "\f"]
    if not filled:
        return ""
    typical = statistics.quantiles([len(x) for x in filled], n=10)[7] if len(filled) > 2 \
        else max(len(x) for x in filled)
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        if line == "\f":  # page break: only a break if the page's last line ended one
            continue
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        current = _append(current, line)
        following = _next_line(lines, index)
        if _ends_paragraph(line, following, typical):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(undo_hyphenation(p, "\n".join(paragraphs)) for p in paragraphs)


def _next_line(lines: list[str], index: int) -> str:
    for line in lines[index + 1:]:
        if line and line != "\f":
            return line
        if not line:
            return ""
    return ""


def _ends_paragraph(line: str, following: str, typical: float) -> bool:
    if not following:
        return False  # a blank line or the end follows: handled there
    if line.endswith(_HYPHENS):
        return False
    short = len(line) < 0.8 * typical
    if short and line.endswith(_PARAGRAPH_END):
        return True
    # a short line without closing punctuation before a capital: a heading or a list item
    return len(line) < 0.6 * typical and not line.endswith(",") and following[:1].isupper()


_SPLIT = "\u0000"


def _append(current: str, line: str) -> str:
    if not current:
        return line
    if current.endswith(_HYPHENS) and current[-2:-1].isalpha() and line[:1].islower():
        return current[:-1] + _SPLIT + line  # decided in undo_hyphenation, with the whole text
    return f"{current} {line}"


_SPLIT_WORD = re.compile(rf"(\w+){_SPLIT}(\w+)")


def undo_hyphenation(paragraph: str, whole: str) -> str:
    """Join words split at a line end: "govern-|ment" becomes "government", but "long-|term"
    keeps its hyphen when the text spells it "long-term" elsewhere."""
    lowered = whole.lower()

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if f"{left}-{right}".lower() in lowered and f"{left}{right}".lower() not in lowered:
            return f"{left}-{right}"
        return left + right

    return _SPLIT_WORD.sub(join, paragraph)


def unfold_ligatures(text: str) -> str:
    return text.translate(LIGATURES)
