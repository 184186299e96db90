"""The project XML: lossless round trip, schema validation, and safety against hostile files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from annotator.core import (
    AlignmentLink,
    ClaimLink,
    Document,
    LinkStatus,
    ProjectFileError,
    Span,
    align,
    new_project,
    project_to_bytes,
    read_project,
    save_project,
    validate_file,
    xmlio,
)
from tests.conftest import SAMPLE_A, SAMPLE_B


def _sample_project():  # type: ignore[no-untyped-def]
    a, b = Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B")
    p = new_project(a, b, name="Venezuela")
    p.replace_proposals(align(a, b))
    first = next(iter(p.links))
    p.put_link(p.links[first].with_status(LinkStatus.ACCEPTED))
    p.put_link(
        AlignmentLink(
            p.new_id("l"),
            (Span(0, 5),),
            (Span(5, 9), Span(20, 30)),
            1.0,
            LinkStatus.MANUAL,
            "manual",
        )
    )
    p.put_claim(
        p.make_claim(
            "A",
            100,
            150,
            "quote",
            attributes=[("speaker", "Reyes Matta")],
            note="check <this> & that",
        )
    )
    p.put_claim(p.make_claim("B", 60, 90, "statistic"))
    p.put_claim_link(ClaimLink(p.new_id("r"), "c1", "c2", "number-changed", "30 vs 15"))
    return p


def test_round_trip_is_lossless(tmp_path: Path) -> None:
    project = _sample_project()
    path = tmp_path / "pair.xml"
    save_project(project, path)
    again = read_project(path)
    assert again == project
    assert project_to_bytes(again) == path.read_bytes()
    assert validate_file(path) == []


def test_file_embeds_text_hash_and_offsets(tmp_path: Path) -> None:
    project = _sample_project()
    root = etree.fromstring(project_to_bytes(project))
    ns = {"a": xmlio.NS}
    assert root.tag == f"{{{xmlio.NS}}}annotationSet"
    assert root.get("formatVersion") == xmlio.FORMAT_VERSION == "1.1"
    doc = root.find("a:documents/a:document", ns)
    assert doc.find("a:text", ns).text == project.doc_a.text
    assert doc.get("sha256") == project.doc_a.sha256
    link = root.find("a:alignment/a:link", ns)
    assert {sp.get("doc") for sp in link.findall("a:span", ns)} == {"A", "B"}


def _mutate(project_bytes: bytes, old: bytes, new: bytes) -> bytes:
    assert old in project_bytes
    return project_bytes.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (b'status="accepted"', b'status="maybe"', "schema"),
        (b'relation="number-changed"', b'relation="number changed"', "schema"),
        (b'source="c1"', b'source="c99"', "c99"),
        (
            b'<claim id="c1" doc="A" type="quote" start="100"',
            b'<claim id="c1" doc="A" type="quote" start="101"',
            "quoted text",
        ),
        (b"Venezuelan President", b"Venezuelan Presidents", "sha256"),
    ],
)
def test_invalid_files_are_refused_with_a_line(old: bytes, new: bytes, expected: str) -> None:
    data = _mutate(project_to_bytes(_sample_project()), old, new)
    with pytest.raises(ProjectFileError) as info:
        read_project(data)
    assert expected in str(info.value) or any(expected in m for _, m in info.value.problems)
    assert all(line > 0 for line, _ in info.value.problems)


def test_validate_lists_every_problem(tmp_path: Path) -> None:
    data = project_to_bytes(_sample_project())
    data = data.replace(b'source="c1"', b'source="c2"').replace(
        b"Venezuelan President", b"Venezuelan Presidents", 1
    )
    path = tmp_path / "bad.xml"
    path.write_bytes(data)
    problems = validate_file(path)
    assert len(problems) >= 2
    assert any("sha256" in m for _, m in problems)
    assert any("same document" in m for _, m in problems)


HOSTILE = {
    "xxe": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<annotationSet xmlns="urn:x-annotator:ns:1">&x;</annotationSet>',
    "billion_laughs": b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(9)
    )
    + b']><annotationSet xmlns="urn:x-annotator:ns:1">&j;</annotationSet>',
    "external_dtd": b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:9/x.dtd">'
    b'<annotationSet xmlns="urn:x-annotator:ns:1"/>',
    "internal_entity": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "hello">]>'
    b'<annotationSet xmlns="urn:x-annotator:ns:1">&a;</annotationSet>',
    "not_xml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "empty": b"",
    "truncated": b'<?xml version="1.0"?><annotationSet xmlns="urn:x-annotator:ns:1"><taxonomy',
    "wrong_namespace": b'<annotationSet xmlns="urn:x-annotator:ns:2" formatVersion="2.0"/>',
    "deep_nesting": b"<a>" * 300_000 + b"</a>" * 300_000,
    "nul_byte": b'<annotationSet xmlns="urn:x-annotator:ns:1">a\x00b</annotationSet>',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_get_a_clear_error(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.xml"
    path.write_bytes(HOSTILE[name])
    with pytest.raises(ProjectFileError) as info:
        read_project(path)
    message = str(info.value)
    assert message.startswith(f"{name}.xml")
    assert "\n" not in message and all("\n" not in m for _, m in info.value.problems)
    assert "root:" not in message  # /etc/passwd content never leaks into a message


def test_oversized_file_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.xml"
    path.write_bytes(project_to_bytes(_sample_project()))
    monkeypatch.setattr(xmlio.parse, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ProjectFileError, match="limit"):
        read_project(path)


def test_failed_save_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "pair.xml"
    project = _sample_project()
    save_project(project, path)
    before = path.read_bytes()
    project.put_claim(project.make_claim("A", 0, 10, "opinion"))

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        save_project(project, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["pair.xml"]  # no temp file left behind


def test_writer_refuses_to_produce_an_invalid_file(tmp_path: Path) -> None:
    project = _sample_project()
    project.put_claim(project.make_claim("A", 0, 10, "not a type id"))  # spaces: not an NCName
    with pytest.raises(ProjectFileError, match="invalid"):
        project_to_bytes(project)
    with pytest.raises(ProjectFileError, match="invalid"):
        save_project(project, tmp_path / "pair.xml")
    assert list(tmp_path.iterdir()) == []
