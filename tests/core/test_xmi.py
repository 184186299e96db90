"""UIMA CAS XMI (INCEpTION): the export is read back by dkpro-cassis, INCEpTION's own Python
library, and an INCEpTION-style CAS comes into a project as claims."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from cassis import Cas, load_cas_from_xmi, load_dkpro_core_typesystem, load_typesystem

from annotator.core import Document, new_project
from annotator.core.export import EXPORTERS
from annotator.core.export.importing import ClaimImportError
from annotator.core.export.xmi import CLAIM_TYPE, SENTENCE, import_xmi
from annotator.core.taxonomy import AttributeDef

from .export_sample import TEXT_A, TEXT_B, sample_project


def test_cassis_reads_the_export(tmp_path: Path) -> None:
    project = sample_project()
    written = EXPORTERS["xmi"].write(project, tmp_path / "pair.xmi")
    assert sorted(p.name for p in written) == ["A.xmi", "B.xmi", "TypeSystem.xml"]
    ts = load_typesystem(io.BytesIO((tmp_path / "pair.xmi" / "TypeSystem.xml").read_bytes()))
    for doc in (project.doc_a, project.doc_b):
        cas = load_cas_from_xmi(io.BytesIO((tmp_path / "pair.xmi" / f"{doc.id}.xmi")
                                           .read_bytes()), typesystem=ts)
        assert cas.sofa_string == doc.text
        sentences = [(s.begin, s.end) for s in cas.select(SENTENCE)]
        assert sentences == [(s.start, s.end) for s in doc.sentences]
        got = sorted((fs.begin, fs.end, fs.label, fs.get_covered_text(), fs.get("note") or "")
                     for fs in cas.select(CLAIM_TYPE))
        want = sorted((c.start, c.end, c.type, c.exact, c.note)
                      for c in project.claims.values() if c.doc == doc.id)
        assert got == want  # offsets survive UTF-16 (the emoji) both ways
        for fs in cas.select(CLAIM_TYPE):
            claim = next(c for c in project.claims.values()
                         if (c.doc, c.start, c.end, c.type) == (doc.id, fs.begin, fs.end, fs.label))
            for name, value in claim.attributes:
                assert fs.get(name) == value
    raw = (tmp_path / "pair.xmi" / "A.xmi").read_text("utf-8")
    stall = TEXT_A.index("stall 😀 in")
    assert f'begin="{stall}" end="{stall + len("stall 😀 in") + 1}"' in raw  # UTF-16 units


def test_round_trip_through_xmi(tmp_path: Path) -> None:
    project = sample_project()
    EXPORTERS["xmi"].write(project, tmp_path / "out")
    fresh = new_project(replace(project.doc_a), replace(project.doc_b))
    for doc_id in ("A", "B"):
        report = import_xmi(fresh, doc_id, tmp_path / "out" / f"{doc_id}.xmi")
        assert not (report.unmapped or report.unplaced or report.skipped), str(report)
    key = lambda c: (c.doc, c.start, c.end, c.type, c.attrs, c.note)  # noqa: E731
    assert sorted(map(key, fresh.claims.values()), key=repr) == sorted(
        map(key, project.claims.values()), key=repr)


def test_attribute_names_cassis_and_uima_cannot_take_as_features(tmp_path: Path) -> None:
    """Project attribute names are NCNames; `type`, `note`, `a-b` and `class` are not
    features a CAS can hold as they are (the export crashed or dropped the value)."""
    project = sample_project()
    names = ("type", "note", "label", "a-b", "a.b", "_x", "class", "get", "xmiID", "ü")
    taxonomy = project.taxonomy
    quote = taxonomy.claim_type("quote")
    assert quote is not None
    project.taxonomy = replace(taxonomy, claim_types=tuple(
        replace(ct, attributes=(*ct.attributes, *(AttributeDef(n) for n in names)))
        if ct is quote else ct for ct in taxonomy.claim_types))
    claim = project.claims["c1"]
    project.put_claim(replace(claim, attributes=tuple((n, f"v {n}") for n in names)))
    EXPORTERS["xmi"].write(project, tmp_path / "out")
    ts = load_typesystem(io.BytesIO((tmp_path / "out" / "TypeSystem.xml").read_bytes()))
    cas = load_cas_from_xmi(io.BytesIO((tmp_path / "out" / "A.xmi").read_bytes()),
                            typesystem=ts)
    (fs,) = [fs for fs in cas.select(CLAIM_TYPE) if fs.begin == claim.start]
    assert (fs.get_covered_text(), fs.label, fs.get("note")) == (claim.exact, "quote",
                                                                  claim.note)
    layer = ts.get_type(CLAIM_TYPE)
    held = {f.description.removeprefix("claim attribute "): fs.get(f.name)
            for f in layer.features if fs.get(f.name) and f.name not in ("label", "note")}
    assert held == {n: f"v {n}" for n in names}
    for f in layer.features:  # UIMA feature names are Java identifiers
        assert re.fullmatch(r"[^\W\d_]\w*", f.name), f.name
    fresh = new_project(replace(project.doc_a), replace(project.doc_b))
    fresh.taxonomy = project.taxonomy
    import_xmi(fresh, "A", tmp_path / "out" / "A.xmi")
    (back,) = [c for c in fresh.claims.values() if c.start == claim.start]
    assert back.attrs == {n: f"v {n}" for n in names} and back.note == claim.note


def _inception_cas(text: str) -> tuple[Cas, object]:
    """A CAS as INCEpTION exports it: DKPro types plus a custom span layer with a `value`."""
    ts = load_dkpro_core_typesystem()
    layer = ts.create_type("webanno.custom.FactCheck", supertypeName="uima.tcas.Annotation")
    ts.create_feature(layer, "value", "uima.cas.String")
    ts.create_feature(layer, "verification", "uima.cas.String")
    ts.create_feature(layer, "comment", "uima.cas.String")
    ts.create_type("webanno.custom.Quote", supertypeName="uima.tcas.Annotation")
    cas = Cas(typesystem=ts)
    cas.sofa_string = text
    return cas, ts


def test_import_of_an_inception_cas(tmp_path: Path) -> None:
    text = TEXT_A
    cas, ts = _inception_cas(text)

    def at(needle: str) -> tuple[int, int]:
        lo = text.index(needle)
        return lo, lo + len(needle)

    fact = ts.get_type("webanno.custom.FactCheck")  # type: ignore[attr-defined]
    quote = ts.get_type("webanno.custom.Quote")  # type: ignore[attr-defined]
    ne = ts.get_type("de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity")  # type: ignore[attr-defined]
    sent = ts.get_type(SENTENCE)  # type: ignore[attr-defined]
    b, e = at("12 percent of funds were cut")
    cas.add(fact(begin=b, end=e, value="Statistic", verification="disputed"))
    b, e = at("in the capital")  # after the emoji: UTF-16 offsets differ from code points
    cas.add(fact(begin=b, end=e, value="Factual claim"))
    b, e = at("We will not back down.")
    cas.add(quote(begin=b, end=e))  # no label: the layer's name says what it is
    b, e = at("The minister")
    cas.add(ne(begin=b, end=e, value="PER"))
    cas.add(sent(begin=0, end=10))
    (tmp_path / "doc.xmi").write_text(cas.to_xmi(), encoding="utf-8")
    (tmp_path / "TypeSystem.xml").write_text(ts.to_xml(), encoding="utf-8")  # type: ignore[attr-defined]

    project = new_project(Document.from_text("A", TEXT_A), Document.from_text("B", TEXT_B))
    report = import_xmi(project, "A", tmp_path / "doc.xmi")
    claims = {project.claims[c].exact: project.claims[c] for c in report.added}
    assert {k: v.type for k, v in claims.items()} == {
        "12 percent of funds were cut": "statistic", "in the capital": "factual",
        "We will not back down.": "quote"}
    assert claims["12 percent of funds were cut"].attrs == {"verification": "disputed"}
    assert report.unmapped == {"PER": 1}


def test_import_needs_the_type_system(tmp_path: Path) -> None:
    project = sample_project()
    (tmp_path / "doc.xmi").write_text("<xmi/>", encoding="utf-8")
    with pytest.raises(ClaimImportError, match=r"TypeSystem\.xml"):
        import_xmi(project, "A", tmp_path / "doc.xmi")
    (tmp_path / "TypeSystem.xml").write_text("not xml", encoding="utf-8")
    with pytest.raises(ClaimImportError, match="not a UIMA CAS XMI"):
        import_xmi(project, "A", tmp_path / "doc.xmi")


def test_an_xmi_without_its_sofa_says_what_is_missing(tmp_path: Path) -> None:
    EXPORTERS["xmi"].write(sample_project(), tmp_path)
    xmi = (tmp_path / "A.xmi").read_text(encoding="utf-8")
    (tmp_path / "A.xmi").write_text(re.sub(r"<cas:Sofa[^>]*/>", "", xmi), encoding="utf-8")
    with pytest.raises(ClaimImportError, match=r"refers to xmi:id 1, which it does not hold"):
        import_xmi(sample_project(), "A", tmp_path / "A.xmi")
