"""What sentence embeddings add to the pair model: similarity of meaning, corrected for hubs.

A sentence that is a bit like everything (a generic sentence about the story) gets a high
cosine with many sentences of the other text. CSLS (cross-domain similarity local scaling)
subtracts each side's mean similarity to its nearest neighbours in the other text, so a pair
stands out only when the two sentences are closer to each other than to the rest:
csls = 2 cos(a, b) - r(a) - r(b). Only the sentences the copy stage left are embedded and
compared (copies need no model), in blocks, so a long copied pair costs little.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

NEIGHBOURS = 3  # k of the CSLS normaliser: mean cosine to the k nearest in the other text
BLOCK = 2048  # rows of the cosine matrix made at once

Embed = Callable[[list[str]], np.ndarray]
Pairs = Sequence[tuple[int, int]]


class Meaning:
    """Embeddings of the active sentences of two documents (those not in a copy), their
    CSLS normalisers and each one's nearest partners by CSLS; other sentences are embedded
    when a pair asks for them."""

    def __init__(self, embed: Embed, texts_a: Sequence[str], texts_b: Sequence[str],
                 active_a: np.ndarray, active_b: np.ndarray, per_sentence: int = 3) -> None:
        self.embed, self.texts = embed, (texts_a, texts_b)
        self.active = (np.asarray(active_a, dtype=np.int64), np.asarray(active_b, dtype=np.int64))
        self.vectors: tuple[dict[int, np.ndarray], dict[int, np.ndarray]] = ({}, {})
        matrices = [self._vectors(side, self.active[side].tolist()) for side in (0, 1)]
        self.matrix = (matrices[0], matrices[1])
        self.radius: tuple[dict[int, float], dict[int, float]] = ({}, {})
        self.nearest: set[tuple[int, int]] = set()
        self._scan(per_sentence)

    def _vectors(self, side: int, indices: list[int]) -> np.ndarray:
        known = self.vectors[side]
        missing = [k for k in dict.fromkeys(indices) if k not in known]
        if missing:
            texts = self.texts[side]
            made = self.embed([texts[k] for k in missing])
            known.update(zip(missing, made, strict=True))
        if not indices:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([known[k] for k in indices])

    def _scan(self, per_sentence: int) -> None:
        """Both normalisers and both directions' nearest partners, in row blocks."""
        a, b = self.matrix
        if not len(a) or not len(b):
            return
        k_b, k_a = min(NEIGHBOURS, len(b)), min(NEIGHBOURS, len(a))
        row_top = np.zeros(len(a))
        col_best = np.full((k_a, len(b)), -np.inf, dtype=np.float32)  # running k best per column
        cos_blocks = []
        for start in range(0, len(a), BLOCK):
            cos = a[start : start + BLOCK] @ b.T
            row_top[start : start + len(cos)] = -np.sort(-cos, axis=1)[:, :k_b].mean(axis=1)
            col_best = -np.sort(-np.vstack([col_best, cos]), axis=0)[:k_a]
            cos_blocks.append(cos)
        col_top = col_best.mean(axis=0)
        ia, ib = self.active
        self.radius[0].update(zip(ia.tolist(), row_top.tolist(), strict=True))
        self.radius[1].update(zip(ib.tolist(), col_top.tolist(), strict=True))
        take_b, take_a = min(per_sentence, len(b)), min(per_sentence, len(a))
        col_pick = np.full((take_a, len(b)), -np.inf)
        col_rows = np.zeros((take_a, len(b)), dtype=np.int64)
        for n, cos in enumerate(cos_blocks):
            start = n * BLOCK
            csls = 2 * cos - row_top[start : start + len(cos), None] - col_top[None, :]
            best = np.argsort(-csls, axis=1)[:, :take_b]
            rows = np.repeat(np.arange(start, start + len(cos)), take_b)
            self.nearest.update(zip(ia[rows].tolist(), ib[best.ravel()].tolist(), strict=True))
            values = np.vstack([col_pick, csls])
            index = np.vstack([col_rows, np.arange(start, start + len(cos))[:, None]
                               .repeat(len(b), axis=1)])
            order = np.argsort(-values, axis=0)[:take_a]
            col_pick = np.take_along_axis(values, order, axis=0)
            col_rows = np.take_along_axis(index, order, axis=0)
        cols = np.tile(np.arange(len(b)), take_a)
        self.nearest.update(zip(ia[col_rows.ravel()].tolist(), ib[cols].tolist(), strict=True))

    def _radius(self, side: int, indices: list[int]) -> np.ndarray:
        """The CSLS normaliser of any sentence: against the other side's active sentences."""
        known = self.radius[side]
        missing = [k for k in dict.fromkeys(indices) if k not in known]
        other = self.matrix[1 - side]
        if missing and len(other):
            cos = self._vectors(side, missing) @ other.T
            k = min(NEIGHBOURS, cos.shape[1])
            known.update(zip(missing, (-np.sort(-cos, axis=1)[:, :k].mean(axis=1)).tolist(),
                             strict=True))
        return np.array([known.get(i, 0.0) for i in indices], dtype=np.float64)

    def columns(self, pairs: Pairs) -> dict[str, np.ndarray]:
        """Per pair: the cosine ("semantic") and its hub-corrected form ("semantic_csls")."""
        if not len(pairs):
            return {"semantic": np.zeros(0), "semantic_csls": np.zeros(0)}
        rows, cols = [i for i, _ in pairs], [j for _, j in pairs]
        cos = np.einsum("ij,ij->i", self._vectors(0, rows), self._vectors(1, cols))
        cos = np.asarray(cos, dtype=np.float64)
        csls = 2 * cos - self._radius(0, rows) - self._radius(1, cols)
        return {"semantic": np.clip(cos, 0.0, 1.0), "semantic_csls": csls}
