"""Sentence embeddings in the default install: WordLlama's static model (MIT), shipped in its
own wheel (token vectors distilled from Llama 2's embedding, 256 dimensions, 16 MB).

A sentence vector is the mean of its token vectors: thousands of sentences a second on one
core with numpy, no neural network at run time. The vectors and the tokenizer are read from
the installed package's files, so nothing can reach for the network.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

NAME = "wordllama"
DIMENSIONS = 256
BATCH = 256
_LOCK = threading.Lock()
_MODEL: list[tuple[Any, np.ndarray]] = []


def available() -> bool:
    return importlib.util.find_spec("wordllama") is not None


def _files() -> tuple[Path, Path]:
    """The tokenizer and the token vectors inside the installed wordllama package. Its data
    are read directly (what `WordLlama.load(dim=256, disable_download=True)` reads), so
    nothing of its download code runs and its configuration layer is not imported."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or spec.origin is None:
        raise RuntimeError("the wordllama package is not installed")
    folder = Path(spec.origin).parent
    return (folder / "tokenizers" / "l2_supercat_tokenizer_config.json",
            folder / "weights" / f"l2_supercat_{DIMENSIONS}.safetensors")


def _model() -> tuple[Any, np.ndarray]:
    with _LOCK:
        if not _MODEL:
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            from safetensors import safe_open
            from tokenizers import Tokenizer

            tokenizer_file, weights_file = _files()
            tokenizer = Tokenizer.from_file(str(tokenizer_file))
            tokenizer.no_truncation()
            tokenizer.no_padding()
            with safe_open(str(weights_file), framework="np", device="cpu") as f:
                vectors = np.ascontiguousarray(f.get_tensor("embedding.weight"),
                                               dtype=np.float32)
            _MODEL.append((tokenizer, vectors))
        return _MODEL[0]


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length vectors, one row per text: the mean of its token vectors."""
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    if not texts:
        return out
    tokenizer, vectors = _model()
    for start in range(0, len(texts), BATCH):
        encoded = tokenizer.encode_batch(texts[start : start + BATCH], add_special_tokens=False)
        for row, e in enumerate(encoded, start=start):
            ids = np.clip(np.asarray(e.ids, dtype=np.int64), 0, len(vectors) - 1)
            if ids.size:
                out[row] = vectors[ids].sum(axis=0, dtype=np.float32) / ids.size
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)
