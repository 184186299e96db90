"""Property: any project state survives write -> read unchanged (read(write(s)) == s)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import (
    AlignmentLink,
    AlignSettings,
    ClaimLink,
    Document,
    LinkStatus,
    Project,
    Span,
    default_taxonomy,
    project_to_bytes,
    read_project,
)

# Emoji, combining accents, right-to-left scripts, CJK, and the whitespace news text carries.
SPECIAL = "😀👍🏽🇫🇷\u0301\u0308\u0327אבגשלוםمرحبا\u200f\u200e中文字日本語é ñ ü—“”‘’…\n\t "
XML_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(SPECIAL),
        st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co"), max_codepoint=0x2FFFF),
    ),
    max_size=60,
)
NCNAME = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.-]{0,12}", fullmatch=True)
UNIT = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


def _spans(draw, length: int, count: int) -> tuple[Span, ...]:  # type: ignore[no-untyped-def]
    spans = []
    for _ in range(count):
        start = draw(st.integers(0, length - 1))
        spans.append(Span(start, draw(st.integers(start + 1, length))))
    return tuple(spans)


@st.composite
def projects(draw) -> Project:  # type: ignore[no-untyped-def]
    texts = [draw(XML_TEXT.filter(lambda t: bool(t.strip()))) for _ in range(2)]
    doc_a = Document.from_text("A", texts[0], title=draw(XML_TEXT), source=draw(XML_TEXT))
    doc_b = Document.from_text("B", texts[1], title=draw(XML_TEXT), source=draw(XML_TEXT))
    taxonomy = default_taxonomy()
    project = Project(
        doc_a, doc_b, taxonomy, draw(XML_TEXT), AlignSettings(draw(UNIT), draw(XML_TEXT))
    )
    for number in range(draw(st.integers(0, 4))):
        project.put_link(
            AlignmentLink(
                f"l{number + 1}",
                _spans(draw, len(doc_a.text), draw(st.integers(1, 2))),
                _spans(draw, len(doc_b.text), draw(st.integers(1, 2))),
                draw(UNIT),
                draw(st.sampled_from(list(LinkStatus))),
                draw(XML_TEXT),
            )
        )
    type_ids = [t.id for t in taxonomy.claim_types]
    for number in range(draw(st.integers(0, 4))):
        doc = draw(st.sampled_from([doc_a, doc_b]))
        start = draw(st.integers(0, len(doc.text) - 1))
        end = draw(st.integers(start + 1, len(doc.text)))
        attributes = draw(st.lists(st.tuples(NCNAME, XML_TEXT), max_size=3))
        project.put_claim(
            project.make_claim(
                doc.id,
                start,
                end,
                draw(st.sampled_from(type_ids)),
                claim_id=f"c{number + 1}",
                attributes=attributes,
                note=draw(XML_TEXT),
            )
        )
    in_a = [c.id for c in project.claims.values() if c.doc == "A"]
    in_b = [c.id for c in project.claims.values() if c.doc == "B"]
    if in_a and in_b:
        for number in range(draw(st.integers(0, 3))):
            project.put_claim_link(
                ClaimLink(
                    f"r{number + 1}",
                    draw(st.sampled_from(in_a)),
                    draw(st.sampled_from(in_b)),
                    draw(NCNAME),
                    draw(XML_TEXT),
                )
            )
    return project


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_read_of_write_is_identity(project: Project) -> None:
    data = project_to_bytes(project)
    again = read_project(data)
    assert again == project
    assert project_to_bytes(again) == data
