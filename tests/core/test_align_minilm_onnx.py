"""The optional torch-free MiniLM (`annotator[onnx]`): only where that extra is installed."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from annotator.core.align import minilm_onnx

pytestmark = pytest.mark.semantic

if not minilm_onnx.available():
    pytest.skip("annotator[onnx] is not installed", allow_module_level=True)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_paraphrase_is_closer_than_an_unrelated_sentence_offline() -> None:
    minilm_onnx._SESSION.clear()
    v = minilm_onnx.embed(["The president signed the bill into law on Friday.",
                           "On Friday the bill became law with the president's signature.",
                           "Heavy snow closed the mountain pass for two days."])
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > 0.6 > v[0] @ v[2] + 0.3


def test_a_model_file_that_is_not_the_pinned_one_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    minilm_onnx._SESSION.clear()
    monkeypatch.setattr(minilm_onnx, "SHA256", "0" * 64)
    with pytest.raises(RuntimeError, match="not the MiniLM file"):
        minilm_onnx.embed(["anything"])
    minilm_onnx._SESSION.clear()
