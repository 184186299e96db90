"""Aligned passages as groups of whole sentences.

An aligner's link may cover part of a sentence, and two links may share one sentence (a
headline linked to a headline plus a first sentence, that first sentence linked again to its
own counterpart). Comparing link by link would then miss a source or a figure that sits in the
next link; so sentences joined by any link are merged into one group (connected components of
the sentence graph), and each group's two sides are compared as one passage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, utils

from ..document import Span
from .features import Features

Passage = tuple[Sequence[Span], Sequence[Span]]
_WORD = re.compile(r"[^\W_]{3,}")
_STOP = frozenset(("the", "and", "for", "with", "that", "this", "from", "was", "were", "are",
                   "has", "have", "had", "its", "said", "says", "but", "not", "they", "their"))
_TOUCH = 0.3  # a span joins a sentence when it covers this share of it (or half the span)
SAME_SENTENCE = 80.0  # token-set similarity (0..100) above which an unaligned sentence has a
# counterpart anyway (the aligner left it out, or put it in a neighbour's link)


def _touched(f: Features, span: Span) -> list[int]:
    found = []
    for sentence in f.sentences_touching(span.start, span.end):
        overlap = min(span.end, sentence.end) - max(span.start, sentence.start)
        if overlap >= _TOUCH * len(sentence) or overlap >= 0.5 * len(span):
            found.append(f.sentence_index(sentence.start))
    return found


def sentence_groups(fa: Features, fb: Features, passages: Sequence[Passage]) -> list[Passage]:
    """Each connected group of linked sentences as (A sentence spans, B sentence spans)."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(node: tuple[int, int]) -> tuple[int, int]:
        root = node
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    for a_spans, b_spans in passages:
        nodes = [(0, i) for s in a_spans for i in _touched(fa, s)]
        nodes += [(1, j) for s in b_spans for j in _touched(fb, s)]
        if not any(n[0] == 0 for n in nodes) or not any(n[0] == 1 for n in nodes):
            continue
        first = find(nodes[0])
        for node in nodes[1:]:
            root = find(node)
            if root != first:
                parent[root] = first
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for node in list(parent):
        members.setdefault(find(node), []).append(node)
    groups: list[Passage] = []
    for nodes in members.values():
        a = sorted(i for side, i in nodes if side == 0)
        b = sorted(j for side, j in nodes if side == 1)
        if a and b:
            groups.append((_spans(fa, a), _spans(fb, b)))
    groups.sort(key=lambda g: (g[0][0].start, g[1][0].start))
    return groups


def _spans(f: Features, indices: list[int]) -> tuple[Span, ...]:
    """Consecutive sentences as one span each."""
    out: list[Span] = []
    for i in indices:
        s = f.sentences[i]
        if out and i - 1 in indices and not f.text[out[-1].end:s.start].strip():
            out[-1] = Span(out[-1].start, s.end)
        else:
            out.append(Span(s.start, s.end))
    return tuple(out)


class Counterparts:
    """Finds, for a sentence of one article, a sentence of the other that says much the same
    (aligned or not): only sentences sharing three content words are scored."""

    def __init__(self, other: Features) -> None:
        self.other = other
        self.index: dict[str, list[int]] = {}
        for i, s in enumerate(other.sentences):
            for word in _content_words(other.text[s.start:s.end]):
                self.index.setdefault(word, []).append(i)

    def exists(self, text: str) -> bool:
        hits: dict[int, int] = {}
        for word in _content_words(text):
            for i in self.index.get(word, ()):
                hits[i] = hits.get(i, 0) + 1
        candidates = [i for i, n in hits.items() if n >= 3]
        for i in candidates:
            s = self.other.sentences[i]
            score = fuzz.token_set_ratio(text, self.other.text[s.start:s.end],
                                         processor=utils.default_process)
            if score >= SAME_SENTENCE:
                return True
        return False


def _content_words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)} - _STOP
