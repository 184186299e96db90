"""brat standoff: the export is read back by a reader that applies brat's own rules (the
server's checks: every text-bound annotation's text is its fragments joined by a space, ids
are unique, attributes and notes point at annotations, types and attribute values are declared
in annotation.conf), and claims tagged in brat come into a project as claims."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core import Document, Project, new_project
from annotator.core.export import EXPORTERS
from annotator.core.export.brat import brat_files, import_brat
from annotator.core.export.importing import ClaimImportError

from .export_sample import TEXT_A, TEXT_B, sample_project


def _conf_sections(conf: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in conf.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if m := re.fullmatch(r"\[(\w+)\]", line.strip()):
            current = m.group(1)
            sections[current] = []
        else:
            sections[current].append(line)
    return sections


def read_brat(ann: str, text: str, conf: str) -> dict[str, dict[str, object]]:
    """Parse an .ann strictly (brat's format rules); returns text-bound annotations by id."""
    sections = _conf_sections(conf)
    entity_types = set(sections["entities"])
    declared: dict[str, tuple[set[str], set[str]]] = {}
    for line in sections["attributes"]:
        name, spec = line.split("\t")
        args = dict(part.strip().split(":", 1) for part in spec.split(","))
        declared[name] = (set(args["Arg"].split("|")), set(args["Value"].split("|")))
    spans: dict[str, dict[str, object]] = {}
    ids: set[str] = set()
    assert ann.endswith("\n") or not ann
    for line in ann.splitlines():
        fields = line.split("\t")
        ident = fields[0]
        assert re.fullmatch(r"[TA#]\d+", ident), line
        assert ident not in ids, f"duplicate id {ident}"
        ids.add(ident)
        if ident[0] == "T":
            kind, where = fields[1].split(" ", 1)
            assert kind in entity_types
            frags = [tuple(map(int, p.split(" "))) for p in where.split(";")]
            for lo, hi in frags:
                assert 0 <= lo < hi <= len(text) and "\n" not in text[lo:hi]
            assert fields[2] == " ".join(text[lo:hi] for lo, hi in frags)
            spans[ident] = {"type": kind, "frags": frags, "attrs": {}, "notes": []}
        elif ident[0] == "A":
            name, target, value = fields[1].split(" ")
            types, values = declared[name]
            assert spans[target]["type"] in types and value in values
            spans[target]["attrs"][name] = value  # type: ignore[index]
        else:
            kind, target = fields[1].split(" ")
            assert target in spans and "\n" not in fields[2]
            spans[target]["notes"].append((kind, fields[2]))  # type: ignore[attr-defined]
    return spans


def test_export_follows_brats_rules(tmp_path: Path) -> None:
    project = sample_project()
    written = EXPORTERS["brat"].write(project, tmp_path / "pair.brat")
    assert sorted(p.name for p in written) == [
        "A.ann", "A.txt", "B.ann", "B.txt", "annotation.conf", "visual.conf"]
    conf = (tmp_path / "pair.brat" / "annotation.conf").read_text("utf-8")
    for doc in (project.doc_a, project.doc_b):
        text = (tmp_path / "pair.brat" / f"{doc.id}.txt").read_text("utf-8")
        assert text == doc.text
        spans = read_brat((tmp_path / "pair.brat" / f"{doc.id}.ann").read_text("utf-8"),
                          text, conf)
        claims = sorted((c for c in project.claims.values() if c.doc == doc.id),
                        key=lambda c: (c.start, -c.end, c.id))
        assert len(spans) == len(claims)
        for span, claim in zip(spans.values(), claims, strict=True):
            frags = span["frags"]
            assert (frags[0][0], frags[-1][1]) == (claim.start, claim.end)  # type: ignore[index]
            assert span["type"] == claim.type
    a = read_brat(brat_files(project)["A.ann"].decode(), project.doc_a.text, conf)
    quote = next(s for s in a.values() if s["type"] == "quote")
    assert quote["attrs"] == {"verification": "unchecked"}
    assert ("speaker", "The <b>minister</b>") in quote["notes"]  # type: ignore[operator]


def test_a_claim_across_a_line_break_becomes_fragments() -> None:
    project = sample_project()
    start = project.doc_b.text.index("a steep drop.")
    end = project.doc_b.text.index("Economists") + len("Economists")
    project.put_claim(project.make_claim("B", start, end, "factual", claim_id="c99"))
    files = brat_files(project)
    spans = read_brat(files["B.ann"].decode(), project.doc_b.text,
                      files["annotation.conf"].decode())
    (multi,) = [s for s in spans.values() if len(s["frags"]) > 1]  # type: ignore[arg-type]
    assert len(multi["frags"]) == 2  # type: ignore[arg-type]  # the blank line is no fragment


def _empty(project: Project) -> Project:
    return new_project(replace(project.doc_a), replace(project.doc_b))


def test_round_trip_through_brat(tmp_path: Path) -> None:
    project = sample_project()
    EXPORTERS["brat"].write(project, tmp_path / "out")
    fresh = _empty(project)
    reports = [import_brat(fresh, d, tmp_path / "out" / f"{d}.ann") for d in ("A", "B")]
    assert sum(len(r.added) for r in reports) == len(project.claims)
    assert not any(r.unmapped or r.unplaced or r.skipped for r in reports)

    def key(c: object) -> tuple[object, ...]:
        return (c.doc, c.start, c.end, c.type, dict(c.attributes),  # type: ignore[attr-defined]
                " ".join(c.note.split()))  # type: ignore[attr-defined]

    assert sorted(map(key, fresh.claims.values()), key=repr) == sorted(
        map(key, project.claims.values()), key=repr)
    again = import_brat(fresh, "A", tmp_path / "out" / "A.ann")  # a second import adds nothing
    assert not again.added and len(again.skipped) == 5


def test_import_maps_types_by_name_and_reports_the_rest(tmp_path: Path) -> None:
    """A file as a brat user makes it: its own type names, CRLF text, a relation, a type the
    taxonomy lacks, a closed value written with `_`, and a span whose text is not in ours."""
    text = TEXT_A.replace("\n", "\r\n")
    doc_text = text.replace("\r\n", "\n")

    def at(needle: str) -> str:  # brat counts offsets in the text read with universal newlines
        lo = doc_text.index(needle)
        return f"{lo} {lo + len(needle)}\t{needle}"

    (tmp_path / "art.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "art.ann").write_text(
        f"T1\tQuote {at('We will not back down.')}\n"
        f"T2\tStatistic {at('12 percent')}\n"
        f"T3\tPerson {at('The minister')}\n"
        f"T4\tFactual_Claim {at('Critics')}\n"
        f"T5\tOpinion 0 6\tNOPE!!\n"
        "R1\tSaid Arg1:T3 Arg2:T1\n"
        "A1\tverification T2 disputed\n"
        "A2\tsourceKind T4 other_outlet\n"
        "#1\tAnnotatorNotes T1\tcheck the tape\n",
        encoding="utf-8")
    project = new_project(Document.from_text("A", doc_text), Document.from_text("B", TEXT_B))
    report = import_brat(project, "A", tmp_path / "art.ann")
    claims = {project.claims[c].exact: project.claims[c] for c in report.added}
    assert set(claims) == {"We will not back down.", "12 percent", "Critics"}
    assert claims["12 percent"].type == "statistic"
    assert claims["12 percent"].attrs == {"verification": "disputed"}
    assert claims["Critics"].type == "factual"
    assert claims["Critics"].attrs == {"sourceKind": "other outlet"}
    assert claims["We will not back down."].note == "check the tape"
    for c in claims.values():
        assert doc_text[c.start : c.end] == c.exact
    assert report.unmapped == {"Person": 1}
    assert len(report.unplaced) == 1 and "NOPE" in report.unplaced[0]
    assert report.skipped == ["line 6: relation R1"]
    text_report = str(report)
    assert "3 claims imported" in text_report and "'Person'" in text_report


def test_unreadable_import_is_a_message(tmp_path: Path) -> None:
    project = sample_project()
    with pytest.raises(ClaimImportError, match="cannot be read"):
        import_brat(project, "A", tmp_path / "missing.ann")
    (tmp_path / "bad.ann").write_bytes(b"T1\tquote 0 4\t\xff\xfe")
    (tmp_path / "bad.txt").write_text("text", encoding="utf-8")
    with pytest.raises(ClaimImportError, match="not UTF-8"):
        import_brat(project, "A", tmp_path / "bad.ann")


def test_an_absurd_offset_is_an_unreadable_line(tmp_path: Path) -> None:
    """int() refuses numbers of over 4,300 digits; such a line is reported, not a crash."""
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "a.ann").write_text(f"T1\tquote 0 {'9' * 5000}\tx\nT2\tquote 0 6\tBudget\n",
                                    encoding="utf-8")
    project = sample_project()
    report = import_brat(project, "A", tmp_path / "a.ann")
    assert report.skipped == ["line 1: unreadable line T1"]
    assert [project.claims[c].exact for c in report.added] == ["Budget"]


def test_white_space_inside_a_closed_value_stays_one_token(tmp_path: Path) -> None:
    """A value with a tab or a line break (a taxonomy's <value> may hold one, a typed value
    keeps it) split the A line and the annotation.conf line it was declared on."""
    project = sample_project()
    odd = ("partly\ntrue", "not\tsure  yet")
    project.taxonomy = replace(project.taxonomy, claim_types=tuple(
        replace(ct, attributes=tuple(
            replace(a, values=(*a.values, *odd)) if a.name == "verification" else a
            for a in ct.attributes))
        for ct in project.taxonomy.claim_types))
    for claim_id, value in (("c1", odd[0]), ("c6", odd[1])):
        claim = project.claims[claim_id]
        project.put_claim(replace(claim, attributes=tuple(
            (n, value if n == "verification" else v) for n, v in claim.attributes)))
    EXPORTERS["brat"].write(project, tmp_path / "out")
    conf = (tmp_path / "out" / "annotation.conf").read_text("utf-8")
    got = {}
    for doc in (project.doc_a, project.doc_b):
        spans = read_brat((tmp_path / "out" / f"{doc.id}.ann").read_text("utf-8"), doc.text,
                          conf)
        got.update({s["frags"][0][0]: s["attrs"] for s in spans.values()})  # type: ignore[index]
    assert got[project.claims["c1"].start] == {"verification": "partly_true"}
    assert got[project.claims["c6"].start] == {"verification": "not_sure_yet"}
    fresh = _empty(project)
    fresh.taxonomy = project.taxonomy
    for doc_id in ("A", "B"):
        report = import_brat(fresh, doc_id, tmp_path / "out" / f"{doc_id}.ann")
        assert not report.skipped, report.skipped
    values = {c.attrs.get("verification") for c in fresh.claims.values()}
    assert set(odd) <= values  # mapped back to the taxonomy's own spelling


def test_a_label_with_a_line_break_or_bar_is_one_visual_conf_label() -> None:
    """A taxonomy label may hold a line break (the project file keeps it); it split the
    [labels] line, and a `|` made the rest of the label an abbreviation."""
    project = sample_project()
    project.taxonomy = replace(project.taxonomy, claim_types=tuple(
        replace(ct, label="Direct | indirect\nquote") if ct.id == "quote" else ct
        for ct in project.taxonomy.claim_types))
    sections = _conf_sections(brat_files(project)["visual.conf"].decode())
    labels = dict(line.split(" | ", 1) for line in sections["labels"])
    assert set(labels) == {ct.id for ct in project.taxonomy.claim_types}
    assert labels["quote"] == "Direct / indirect quote"
