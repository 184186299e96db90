"""CSV tables read back with the csv module: every quote, attribute and relation intact."""

from __future__ import annotations

import csv
import io

import pandas as pd

from annotator.core.export.csvexport import alignment_csv, claim_links_csv, claims_csv

from .export_sample import sample_project


def _rows(data: bytes) -> list[dict[str, str]]:
    assert not data.startswith(b"\xef\xbb\xbf")  # no BOM: pandas and R read it as is
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_claims_table() -> None:
    project = sample_project()
    rows = _rows(claims_csv(project))
    assert [r["id"] for r in rows] == ["c4", "c1", "c2", "c3", "c5", "c6", "c7", "c8"]
    for row in rows:
        claim = project.claims[row["id"]]
        assert (row["doc"], row["type"], int(row["start"]), int(row["end"])) == (
            claim.doc, claim.type, claim.start, claim.end)
        assert (row["exact"], row["prefix"], row["suffix"], row["note"]) == (
            claim.exact, claim.prefix, claim.suffix, claim.note)
        for name in ("speaker", "verification", "source"):
            assert row[f"attr_{name}"] == claim.attrs.get(name, "")
    by_id = {r["id"]: r for r in rows}
    assert by_id["c8"]["note"] == 'line1\nline2, "quoted"'
    assert by_id["c2"]["claim_links"] == "k1" and by_id["c3"]["claim_links"] == ""
    assert by_id["c1"]["type_label"] == "Quote"


def test_claim_links_table_has_both_sides() -> None:
    project = sample_project()
    rows = _rows(claim_links_csv(project))
    assert {r["id"] for r in rows} == {"k1", "k2"}
    k1 = next(r for r in rows if r["id"] == "k1")
    assert (k1["relation"], k1["relation_label"], k1["note"]) == (
        "number-changed", "Number changed", "12 → 15")
    assert k1["source_exact"] == "12 percent of funds were cut"
    assert k1["target_exact"] == "15 percent of funds were cut"
    assert (k1["source_type"], k1["target_type"]) == ("statistic", "statistic")
    assert k1["target_attr_verification"] == "disputed" and k1["source_attr_source"] == "Officials"


def test_alignment_table() -> None:
    project = sample_project()
    rows = _rows(alignment_csv(project))
    assert [r["id"] for r in rows] == ["l1", "l3", "l2", "l4"]  # text order of side A
    by_id = {r["id"]: r for r in rows}
    l3 = by_id["l3"]
    b_spans = [tuple(map(int, s.split("-"))) for s in l3["b_spans"].split()]
    assert b_spans == [(s.start, s.end) for s in project.links["l3"].b]
    assert l3["b_text"] == ("The minister insisted the government would not retreat. … "
                            "Unrelated closing line.")
    assert (l3["status"], l3["method"]) == ("manual", "manual")
    assert by_id["l4"]["status"] == "rejected"
    assert float(by_id["l2"]["score"]) == 0.8
    assert 0.0 < float(by_id["l2"]["shared_words"]) < 1.0
    assert by_id["l1"]["a_text"] == "Budget talks stall 😀 in the capital"


def test_pandas_reads_every_table_as_the_csv_module_does() -> None:
    """A data analyst's reader: pandas gets the same rows and cells as Python's csv, numbers
    come in as numbers, and quotes with newlines, emoji and right-to-left text survive."""
    project = sample_project()
    for render in (claims_csv, claim_links_csv, alignment_csv):
        data = render(project)
        rows = _rows(data)
        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
        assert list(frame.columns) == list(rows[0])
        assert frame.to_dict("records") == rows
    claims = pd.read_csv(io.BytesIO(claims_csv(project))).set_index("id")
    assert claims["start"].dtype.kind == "i" and claims["end"].dtype.kind == "i"
    assert claims.loc["c8", "note"] == 'line1\nline2, "quoted"'
    assert claims.loc["c5", "exact"] == "مرحبا بالعالم"
    assert claims.loc["c4", "exact"] == "stall 😀 in"
    links = pd.read_csv(io.BytesIO(alignment_csv(project))).set_index("id")
    assert links["score"].dtype.kind == "f" and links.loc["l2", "score"] == 0.8
