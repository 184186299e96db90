"""Issue 14.2: comments and processing instructions anywhere in a valid file are read through."""

from __future__ import annotations

from dataclasses import replace

import pytest

from annotator.core import read_project, validate_file

from .helpers import small_project, small_project_xml


def test_comment_inside_a_note_keeps_the_whole_note() -> None:
    xml = small_project_xml().replace("<note>first half</note>",
                                      "<note>first half<!-- c --> second half</note>")
    project = read_project(xml.encode("utf-8"))
    assert project.claims["c1"].note == "first half second half"


def test_comment_inside_a_claim_attribute_keeps_the_whole_value() -> None:
    from annotator.core import project_to_bytes

    project = small_project()
    project.put_claim(replace(project.claims["c1"], attributes=(("source", "Reuters AP"),)))
    xml = project_to_bytes(project).decode("utf-8").replace(
        ">Reuters AP</attr>", ">Reuters<!-- wire --> AP</attr>")
    assert read_project(xml.encode("utf-8")).claims["c1"].attrs == {"source": "Reuters AP"}


def test_processing_instruction_inside_text_keeps_the_text() -> None:
    xml = small_project_xml().replace("<note>first half</note>",
                                      "<note>first<?tool x?> half</note>")
    assert read_project(xml.encode("utf-8")).claims["c1"].note == "first half"


@pytest.mark.parametrize("container", ["<claims>", "<documents>", "<claimLinks>", "<alignment"])
def test_comment_between_items_is_ignored(container: str) -> None:
    xml = small_project_xml()
    head, tail = xml.split(container, 1)
    close = tail.index(">") + 1 if container == "<alignment" else 0
    xml = head + container + tail[:close] + "<!-- reviewed -->" + tail[close:]
    project = read_project(xml.encode("utf-8"))
    assert project == small_project()


def test_comments_everywhere_still_validate(tmp_path) -> None:  # type: ignore[no-untyped-def]
    xml = small_project_xml().replace(">\n", "><!--x--><?pi y?>\n")
    path = tmp_path / "commented.xml"
    path.write_text(xml, encoding="utf-8")
    assert validate_file(path) == []
    assert read_project(path) == small_project()
