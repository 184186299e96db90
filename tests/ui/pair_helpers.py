"""Synthetic long pairs for view tests: one paragraph per topic, each linked to its partner."""

from __future__ import annotations

from annotator.core import AlignmentLink, Document, Project, Span, new_project


def paragraph_linked_project(paragraphs: int, same_text: bool = False) -> Project:
    """A and B with `paragraphs` numbered paragraphs, paragraph i linked to paragraph i."""
    def text(side: str) -> str:
        label = "" if same_text else f" of article {side}"
        return "\n\n".join(f"Paragraph {i}{label} about topic {i}." for i in range(paragraphs))

    return linked_by_paragraph(text("A"), text("B"))


def linked_by_paragraph(text_a: str, text_b: str) -> Project:
    """A project over the two texts with paragraph i of A linked to paragraph i of B."""
    a, b = Document.from_text("A", text_a), Document.from_text("B", text_b)
    project = new_project(a, b)
    for i, (sa, sb) in enumerate(zip(a.paragraphs, b.paragraphs, strict=True)):
        project.put_link(AlignmentLink(f"l{i}", (Span(sa.start, sa.end),),
                                       (Span(sb.start, sb.end),), 0.8))
    return project
