"""XCES cesAlign: xtargets name sentences that exist in the sentence files written beside it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lxml import etree

from annotator.core import LinkStatus
from annotator.core.export import EXPORTERS
from annotator.core.export.xces import project_to_ces_align

from .export_sample import sample_project


def _parse(path: Path) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(str(path), parser).getroot()


def test_alignment_points_at_real_sentences(tmp_path: Path) -> None:
    project = sample_project()
    written = EXPORTERS["xces"].write(project, tmp_path / "pair.ces.xml")
    assert sorted(p.name for p in written) == ["pair.ces.A.xml", "pair.ces.B.xml", "pair.ces.xml"]
    root = _parse(tmp_path / "pair.ces.xml")
    assert root.tag == "cesAlign"
    (grp,) = root.iterfind("linkList/linkGrp")
    assert (grp.get("targType"), grp.get("fromDoc"), grp.get("toDoc")) == (
        "s", "pair.ces.A.xml", "pair.ces.B.xml")
    sentences = {}
    for name, doc in (("pair.ces.A.xml", project.doc_a), ("pair.ces.B.xml", project.doc_b)):
        ces = _parse(tmp_path / name)
        assert ces.tag == "cesDoc"
        for s in ces.iter("s"):
            assert s.text and s.text in doc.text
            sentences[s.get("id")] = s.text
    links = {el.get("id"): el for el in grp.iterfind("link")}
    assert set(links) == {"l1", "l2", "l3"}  # the rejected l4 is not a correspondence
    for el in links.values():
        side_a, side_b = el.get("xtargets").split(";")
        ids_a, ids_b = side_a.split(), side_b.split()
        assert all(i.startswith("A.") for i in ids_a) and all(i.startswith("B.") for i in ids_b)
        assert set(ids_a + ids_b) <= sentences.keys()
        assert el.get("type") == f"{len(ids_a)}-{len(ids_b)}"
        link = project.links[el.get("id")]
        assert float(el.get("certainty")) == round(link.score, 4)
        assert el.get("status") == link.status.value
    assert links["l3"].get("type") == "1-2"
    b_ids = links["l2"].get("xtargets").split(";")[1].split()
    assert [sentences[i] for i in b_ids] == [
        "Officials said 15 percent of funds were cut, a steep drop."]


def test_a_sentence_pair_is_linked_once_and_a_persons_link_wins(tmp_path: Path) -> None:
    """A manual link over the sentence pair of a proposal (and a second proposal on it) is
    written once, as the manual link: a corpus reader would count the pair twice."""
    project = sample_project()
    l2 = project.links["l2"]
    project.put_link(replace(l2, id="l9", status=LinkStatus.MANUAL, score=0.5, method="manual"))
    project.put_link(replace(l2, id="l10", score=0.99))
    root = etree.fromstring(project_to_ces_align(project))
    pairs = [el.get("xtargets") for el in root.iter("link")]
    assert len(pairs) == len(set(pairs)) == 3
    by_pair = {el.get("xtargets"): el for el in root.iter("link")}
    chosen = by_pair[next(p for p in pairs if p.startswith("A.s3;"))]
    assert (chosen.get("id"), chosen.get("status")) == ("l9", "manual")
