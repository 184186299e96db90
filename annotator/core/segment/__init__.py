"""Paragraphs and sentences with code-point offsets (`sentences`, `paragraphs`).

`splitter` is the public entry; `reference` is plain pysbd and the pysbd version the fast
path was proven against; `fast`, `pysbd_rules`, `abbr`, `regex_plans` and `lists` are the
fast path, each with the same output as the pysbd code it stands in for.
"""

from __future__ import annotations

from .reference import PYSBD_VERSION, pysbd_split
from .splitter import Segment, SentenceSplitter, fast_split, paragraphs, sentences

__all__ = [
    "PYSBD_VERSION",
    "Segment",
    "SentenceSplitter",
    "fast_split",
    "paragraphs",
    "pysbd_split",
    "sentences",
]
