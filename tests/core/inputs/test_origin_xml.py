"""Document provenance in the project XML: saved, validated by the schema, read back equal;
files without it (written before the readers existed) still open."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from annotator.core import Document, new_project, project_to_bytes, read_project, save_project
from annotator.core.inputs import SourceMeta
from annotator.core.xmlio import validate_file

DATA = Path(__file__).resolve().parents[2] / "data" / "inputs"
RNG = Path(__file__).resolve().parents[3] / "annotator" / "resources" / "annotator.rng"


def _project():  # type: ignore[no-untyped-def]
    a = Document.load(DATA / "harbour_article.html", "A")
    b = Document.load(DATA / "press_release.pdf", "B")
    return new_project(a, b)


def test_metadata_round_trips_and_validates(tmp_path: Path) -> None:
    project = _project()
    path = tmp_path / "pair.xml"
    save_project(project, path)
    back = read_project(path)
    assert back == project
    assert back.doc_a.meta == project.doc_a.meta
    assert back.doc_a.meta.site == "The Coastal Courier"
    assert back.doc_b.meta.extractor == "pypdf"
    assert validate_file(path) == []
    schema = etree.RelaxNG(etree.parse(str(RNG)))
    assert schema.validate(etree.parse(str(path))), schema.error_log


def test_awkward_metadata_values_survive(tmp_path: Path) -> None:
    meta = SourceMeta(kind="html", file="a&b <1>.html", url="https://x.example/?a=1&b=\"2\"",
                      title="“Quotes” & <tags> — ünïcödé", author="O'Brien", date="2026-03-12")
    a = Document("A", "Alpha text.", meta.title, "a&b <1>.html", meta=meta)
    b = Document.from_text("B", "Beta text.")
    path = tmp_path / "odd.xml"
    save_project(new_project(a, b), path)
    back = read_project(path)
    assert back.doc_a.meta == meta
    assert back.doc_b.meta == SourceMeta()


def test_file_without_origin_still_opens(tmp_path: Path) -> None:
    root = etree.fromstring(project_to_bytes(_project()))
    for origin in root.iter("{urn:x-annotator:ns:1}origin"):
        origin.getparent().remove(origin)
    path = tmp_path / "old.xml"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    back = read_project(path)
    assert back.doc_a.meta == SourceMeta()
    assert back.doc_a.text == _project().doc_a.text
    assert validate_file(path) == []


def test_written_origin_lists_only_known_fields() -> None:
    root = etree.fromstring(project_to_bytes(_project()))
    origin = root.find(".//{urn:x-annotator:ns:1}document[@id='B']/{urn:x-annotator:ns:1}origin")
    assert dict(origin.attrib) == {
        "kind": "pdf", "file": "press_release.pdf",
        "title": "Port authority finishes the harbour survey",
        "author": "Harbour Authority Press Office", "date": "2026-03-12",
        "extractor": "pypdf", "extractorVersion": origin.get("extractorVersion"),
    }
    assert origin.get("extractorVersion")
