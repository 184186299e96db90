"""Inside an aligned pair: which words are shared verbatim and which changed.

Word-level opcodes come from rapidfuzz (difflib-compatible tags: equal, replace, delete,
insert) over the two passages' word tokens; offsets are mapped back to the documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class WordOp:
    """One opcode: tag plus the code-point ranges it covers in each document."""

    tag: str  # "equal" | "replace" | "delete" | "insert"
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def _tokens(text: str, offset: int) -> tuple[list[str], list[tuple[int, int]]]:
    words, spans = [], []
    for m in _TOKEN.finditer(text):
        words.append(m.group().casefold())
        spans.append((offset + m.start(), offset + m.end()))
    return words, spans


def word_diff(text_a: str, text_b: str, offset_a: int = 0, offset_b: int = 0) -> list[WordOp]:
    """Opcodes over words; ranges are document offsets when offsets of the passages are given."""
    words_a, spans_a = _tokens(text_a, offset_a)
    words_b, spans_b = _tokens(text_b, offset_b)
    ops = []
    for op in Indel.opcodes(words_a, words_b):
        a0, a1 = _range(spans_a, op.src_start, op.src_end, offset_a)
        b0, b1 = _range(spans_b, op.dest_start, op.dest_end, offset_b)
        ops.append(WordOp(op.tag, a0, a1, b0, b1))
    return _merge_delete_insert(ops)


def _range(spans: list[tuple[int, int]], i: int, j: int, offset: int) -> tuple[int, int]:
    if i < j:
        return spans[i][0], spans[j - 1][1]
    pos = spans[i][0] if i < len(spans) else (spans[-1][1] if spans else offset)
    return pos, pos


def _merge_delete_insert(ops: list[WordOp]) -> list[WordOp]:
    """Indel never says 'replace'; a delete next to an insert is one replacement to a reader."""
    out: list[WordOp] = []
    for op in ops:
        prev = out[-1] if out else None
        if prev and {prev.tag, op.tag} == {"delete", "insert"}:
            out[-1] = WordOp("replace", prev.a_start if prev.tag == "delete" else op.a_start,
                             op.a_end if op.tag == "delete" else prev.a_end,
                             prev.b_start if prev.tag == "insert" else op.b_start,
                             op.b_end if op.tag == "insert" else prev.b_end)
        else:
            out.append(op)
    return out


def shared_ratio(ops: list[WordOp]) -> float:
    """Share of the pair's characters that are verbatim-equal (0..1)."""
    equal = sum((o.a_end - o.a_start) + (o.b_end - o.b_start) for o in ops if o.tag == "equal")
    total = sum((o.a_end - o.a_start) + (o.b_end - o.b_start) for o in ops)
    return equal / total if total else 0.0
