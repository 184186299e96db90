"""`--show-text`: print what each input yields (metadata, notes, text) and align nothing."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from annotator.core import DocumentLoadError
from annotator.core.inputs import KIND_NAMES, Extracted, read_source

HELP = "print the text and metadata extracted from each input, then exit without aligning"


def describe(label: str, source: str | Path, found: Extracted) -> str:
    meta = found.meta
    lines = [f"== {label}: {source} =="]
    lines.append(f"format: {KIND_NAMES.get(meta.kind, meta.kind)}")
    for name, value in meta.items():
        if name in ("kind", "extractor_version"):
            continue
        if name == "extractor":
            value = f"{value} {meta.extractor_version}".strip()
        lines.append(f"{name}: {value}")
    if meta.kind in ("text", "markdown"):
        lines.append(f"encoding: {found.encoding}")
    paragraphs = sum(1 for p in found.text.split("\n\n") if p.strip())
    lines.append(f"length: {len(found.text)} characters, {paragraphs} paragraphs")
    lines += [f"note: {note}" for note in found.notes]
    return "\n".join([*lines, "", found.text, ""])


def show_text(sources: Sequence[tuple[str, str | Path]], out: TextIO | None = None) -> int:
    """Print each (label, source); 0 if all could be read, 2 otherwise (errors on stderr)."""
    out = out or sys.stdout
    failed = False
    for label, source in sources:
        try:
            found = read_source(source)
        except DocumentLoadError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
            continue
        print(describe(label, source, found), file=out)
    return 2 if failed else 0
