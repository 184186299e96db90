"""Random two-text cases for the tokeniser's flat paths: word soup cut at random offsets, so
spans cut through words, are empty, or (optionally) overlap."""

from __future__ import annotations

import random

VOCAB = ["Maduro", "sanctions", "sanctioned", "oil", "3.5", "tanker", "the", "U.S.", "China's",
         "loans", "Venezuela", "said", "2,000", "naïve", "Straße", "x", "rock’n’roll"]


def cut_texts(rng: random.Random, max_words: int, max_cuts: int, overlap: float = 0.0,
              ) -> tuple[list[str], list[list[tuple[int, int]]]]:
    """Two texts and, for each, spans tiling it between random cuts; with `overlap`, that
    share of the texts also get a span over their first half."""
    texts = [" ".join(rng.choices(VOCAB, k=rng.randint(0, max_words))) + "." for _ in range(2)]
    spans = []
    for text in texts:
        cuts = sorted(rng.choices(range(len(text) + 1), k=rng.randint(0, max_cuts)))
        doc_spans = list(zip([0, *cuts], [*cuts, len(text)], strict=True))
        if overlap and rng.random() < overlap:
            doc_spans.append((0, len(text) // 2))  # overlapping
        spans.append(doc_spans)
    return texts, spans
