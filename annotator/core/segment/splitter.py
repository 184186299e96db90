"""Paragraphs and sentences with code-point offsets.

Sentence boundaries come from pysbd (best measured on news: abbreviations such as U.S., Jan.,
Dr., and quotations that end sentences). Every line is its own block, so headlines and
subheadings without final punctuation never run into the next sentence; hard-wrapped
paragraphs are joined first. pysbd is slow and superlinear on long strings, so blocks are
bounded, and `fast_split` runs pysbd only where a boundary is in doubt, with the same result
as `pysbd_split` (the plain reference). Where it does run pysbd, it runs pysbd's own code
without the scans that cannot change anything (`pysbd_rules`, `abbr`, `regex_plans`). All of
that is proven against one pysbd version (`reference.PYSBD_VERSION`); with another one
installed, `fast_split` is plain pysbd.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .reference import PYSBD_VERSION, fast_path_ok, installed_pysbd, pysbd_split

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_MAX_BLOCK = 4000  # pysbd cost grows faster than linearly with string length
_TERMINAL = tuple(".!?:;\"'”’»)")
# pysbd uses these characters as internal markers; text containing them confuses it.
_PYSBD_MARKERS = re.compile("[∯ȸ♨☝✂⎋ᓰᓱᓳᓴᓷᓸ&]")


@dataclass(frozen=True, slots=True)
class Segment:
    """A half-open code-point range [start, end) of one document, and its paragraph."""

    start: int
    end: int
    paragraph: int = 0

    def __len__(self) -> int:
        return self.end - self.start


SentenceSplitter = Callable[[str], list[str]]
"""Sentence texts of one block (a line or hard-wrapped paragraph), in order."""


@lru_cache(maxsize=1)
def _fast_splitter() -> SentenceSplitter:
    """The fast path when the installed pysbd is the proven one, else plain pysbd."""
    if not fast_path_ok():
        warnings.warn(f"pysbd {installed_pysbd()} is installed, but sentence splitting was "
                      f"proven exact against pysbd {PYSBD_VERSION}: using plain pysbd "
                      "(the same sentences, slower)", RuntimeWarning, stacklevel=3)
        return pysbd_split
    from .fast import make_fast_split
    from .pysbd_rules import process

    return make_fast_split(process)


_fast_splitter()  # decided (and the fast path imported) at import, not in a first call's time


def fast_split(block: str) -> list[str]:
    """The default: the same sentences as `pysbd_split`, running pysbd only where needed."""
    return _fast_splitter()(block)


def paragraphs(text: str) -> list[Segment]:
    """Paragraph ranges: blank-line separated, or one per line when the text has no blank lines."""
    # The text between the newlines that end a paragraph (those followed by a blank line, or
    # every newline): a scan for a literal, not a pattern tried at every character.
    breaks = _PARAGRAPH_END if _BLANK_LINE.search(text) else _LINE_END
    result: list[Segment] = []
    start = 0
    for end in [*(m.start() for m in breaks.finditer(text)), len(text)]:
        seg = _trim(text, start, end)
        if seg is not None:
            result.append(Segment(seg[0], seg[1], len(result)))
        start = end + 1
    return result


_PARAGRAPH_END = re.compile(r"\n(?=[ \t]*\n)")
_LINE_END = re.compile(r"\n")


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    piece = text[start:end]
    left = piece.lstrip()
    if not left:
        return None
    start += len(piece) - len(left)
    return start, start + len(left.rstrip())


def _is_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 3:
        return False
    unterminated = sum(1 for line in lines[:-1] if not line.rstrip().endswith(_TERMINAL))
    return unterminated >= 0.6 * (len(lines) - 1)


def _blocks(text: str, para: Segment) -> list[tuple[int, int]]:
    """Ranges inside a paragraph that sentence splitting sees as separate strings."""
    body = text[para.start : para.end]
    lines = body.split("\n")
    if _is_hard_wrapped(lines):
        spans = [(para.start, para.end)]
    else:
        spans, pos = [], para.start
        for line in lines:
            spans.append((pos, pos + len(line)))
            pos += len(line) + 1
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > _MAX_BLOCK:
            cut = text.rfind(". ", start, start + _MAX_BLOCK)
            cut = cut + 2 if cut > start else start + _MAX_BLOCK
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return out


def sentences(text: str, split: SentenceSplitter | None = None) -> list[Segment]:
    """Sentence ranges in document order, trimmed of surrounding whitespace; `split` is
    `fast_split` unless given (`pysbd_split` gives the same, the reference way)."""
    if split is None:
        split = _fast_splitter()
    result: list[Segment] = []
    safe_text = _safe(text)
    for para in paragraphs(text):
        for start, end in _blocks(text, para):
            safe = safe_text[start:end]
            cursor = 0
            for sent in split(safe.strip()):  # edge spaces would change pysbd's answer
                piece = sent.strip()
                found = safe.find(piece, cursor) if piece else -1
                if found < 0:
                    continue
                if safe[cursor:found].strip():  # pysbd dropped text here: never lose it
                    _add(result, text, start + cursor, start + found, para.paragraph)
                # `piece` is stripped and `safe` differs from `text` only where it has spaces,
                # so the range is already trimmed, and it starts at or after the last one
                result.append(Segment(start + found, start + found + len(piece), para.paragraph))
                cursor = found + len(piece)
            if cursor == 0 or safe[cursor:].strip():
                # pysbd lost (part of) the block: keep the rest as one sentence, never drop text
                _add(result, text, start + cursor, end, para.paragraph)
    return result


def _safe(text: str) -> str:
    """`text` with newlines and pysbd's marker characters as spaces (the same length, so
    offsets stay valid), once per text: in ASCII text "&" is the only marker."""
    text = text.replace("\n", " ")
    if text.isascii():
        return text.replace("&", " ")
    return _PYSBD_MARKERS.sub(" ", text)


def _add(out: list[Segment], text: str, start: int, end: int, paragraph: int) -> None:
    seg = _trim(text, start, end)
    if seg is not None and (not out or seg[0] >= out[-1].end):
        out.append(Segment(seg[0], seg[1], paragraph))
