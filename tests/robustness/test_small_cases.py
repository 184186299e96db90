"""Issue 14.11 (the parts robust owns): taxonomy duplicates, grapheme boundaries, newer format,
control characters in notes through the API."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core import (
    Document,
    ProjectFileError,
    new_project,
    read_project,
    read_taxonomy,
    save_project,
)
from annotator.core.export.html_report import project_to_html
from annotator.core.resources import resource_bytes
from annotator.core.xmlio import FORMAT_VERSION

from .helpers import small_project, small_project_xml

DEFAULT = resource_bytes("taxonomy/default.xml").decode("utf-8")


def test_duplicate_relation_type_ids_are_refused() -> None:
    start = DEFAULT.index("<relationType")
    end = DEFAULT.index("\n", start)
    twice = DEFAULT[:end] + DEFAULT[start:end] + DEFAULT[end:]
    with pytest.raises(ProjectFileError, match=r"relation type id .* is used twice"):
        read_taxonomy(twice.encode("utf-8"))


def test_duplicate_attribute_names_are_refused() -> None:
    attr = '<attribute name="speaker" label="Speaker"/>'
    twice = DEFAULT.replace(attr, attr + attr, 1)
    with pytest.raises(ProjectFileError, match="attribute name 'speaker' is used twice"):
        read_taxonomy(twice.encode("utf-8"))


def test_duplicates_in_a_projects_embedded_taxonomy_are_refused() -> None:
    xml = small_project_xml()
    attr = '<attribute name="speaker" label="Speaker"/>'
    with pytest.raises(ProjectFileError, match="used twice"):
        read_project(xml.replace(attr, attr + attr, 1).encode("utf-8"))


@pytest.mark.parametrize("base", ["Zoe\u0308 and Ame\u0301lie said\u0323\u0307 so.",
                                  "Thumbs 👍🏽 and family 👨\u200d👩\u200d👧 and flag 🇫🇷 here."])
def test_a_claim_never_ends_or_starts_inside_a_character(base: str) -> None:
    text = unicodedata.normalize("NFC", base)
    project = new_project(Document.from_text("A", text), Document.from_text("B", "Other."))
    for start in range(len(text) - 1):
        for end in range(start + 1, len(text) + 1):
            claim = project.make_claim("A", start, end, "quote")
            assert claim.start <= start and claim.end >= end
            before = text[claim.start - 1 : claim.start + 1] if claim.start else ""
            after = text[claim.end - 1 : claim.end + 1]
            for pair in (before, after):
                assert not (len(pair) == 2 and unicodedata.combining(pair[1])), (start, end)
                assert "\u200d" not in pair, (start, end)


def test_the_html_report_keeps_an_accent_with_its_letter() -> None:
    text = "Then Boq\u0301 spoke."  # q has no precomposed acute: NFC keeps the pair
    project = new_project(Document.from_text("A", text), Document.from_text("B", "Other."))
    end = text.index("\u0301")  # a selection that stops before the accent
    project.put_claim(project.make_claim("A", 5, end, "quote"))
    html = project_to_html(project).decode("utf-8")
    assert project.claims["c1"].exact == "Boq\u0301" and ">Boq\u0301<" in html


def test_a_newer_format_version_says_so() -> None:
    xml = small_project_xml().replace(f'formatVersion="{FORMAT_VERSION}"', 'formatVersion="99"')
    assert 'formatVersion="99"' in xml
    with pytest.raises(ProjectFileError, match="made by a newer version of annotator"):
        read_project(xml.encode("utf-8"))


def test_a_newer_minor_version_with_parts_this_version_lacks_says_so() -> None:
    newer = small_project_xml().replace(f'formatVersion="{FORMAT_VERSION}"', 'formatVersion="1.99"')
    with_unknown = newer.replace("</annotationSet>", "<futurePart/></annotationSet>")
    assert "<futurePart/>" in with_unknown and 'formatVersion="1.99"' in with_unknown
    with pytest.raises(ProjectFileError, match="made by a newer version of annotator"):
        read_project(with_unknown.encode("utf-8"))
    same = with_unknown.replace('formatVersion="1.99"', f'formatVersion="{FORMAT_VERSION}"')
    with pytest.raises(ProjectFileError, match="does not match the annotator schema"):
        read_project(same.encode("utf-8"))


def test_a_format_1_0_file_still_opens() -> None:
    old = small_project_xml().replace(f'formatVersion="{FORMAT_VERSION}"', 'formatVersion="1.0"')
    assert read_project(old.encode("utf-8")) == small_project()


def test_control_characters_in_a_note_through_the_api_save(tmp_path: Path) -> None:
    project = small_project()
    claim = project.claims["c1"]
    hostile = replace(claim, note="bell\x07 and nul\x00", attributes=(("speaker", "\x1b"),))
    project.put_claim(hostile)
    save_project(project, tmp_path / "pair.xml")
    again = read_project(tmp_path / "pair.xml").claims["c1"]
    assert again.note == "bell\\x07 and nul\\x00" and again.attrs["speaker"] == "\\x1b"
