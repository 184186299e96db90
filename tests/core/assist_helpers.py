"""Projects over short texts for the claim-assistance tests, aligned by the real aligner."""

from __future__ import annotations

from annotator.core import Document, Project, align, new_project


def aligned(text_a: str, text_b: str) -> Project:
    doc_a, doc_b = Document.from_text("A", text_a), Document.from_text("B", text_b)
    project = new_project(doc_a, doc_b)
    project.replace_proposals(align(doc_a, doc_b))
    return project
