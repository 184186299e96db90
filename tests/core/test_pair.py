"""core/pair.py is the one door to the speed machinery: it alone runs twocore, only Document
fills Document's caches, and the door gives align()'s links."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core import AlignOptions, Document, align
from annotator.core.pair import align_documents, align_pair
from tests.conftest import SAMPLE_A, SAMPLE_B

PACKAGE = Path(__file__).resolve().parents[2] / "annotator"


def _sources() -> dict[str, str]:
    return {str(p.relative_to(PACKAGE)): p.read_text(encoding="utf-8")
            for p in PACKAGE.rglob("*.py")}


def test_only_the_pair_door_runs_twocore() -> None:
    uses = re.compile(r"^\s*(from \S*speed import twocore|import \S*twocore|"
                      r"from \S*twocore import (?!Child$))", re.M)
    users = sorted(name for name, text in _sources().items() if uses.search(text))
    assert users == ["core/pair.py"]


def test_only_document_fills_its_caches() -> None:
    writes = re.compile(r"(vars\(\w+\)|__dict__)(\[\"sentences\"\]|\.setdefault\(\"sentences)")
    writers = sorted(name for name, text in _sources().items() if writes.search(text))
    assert writers == ["core/document.py"]


def test_the_door_gives_align_s_links() -> None:
    want = align(Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B"))
    a, b = Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B")
    assert align_documents(a, b) == want and a.segmented and b.segmented
    assert list(align_pair(SAMPLE_A, SAMPLE_B, AlignOptions().threshold).links.values()) == want
