"""The CLI takes any mix of files and URLs; --show-text prints what was extracted and stops."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import read_project
from tests.local_server import serve

DATA = Path(__file__).resolve().parent / "data" / "inputs"


def test_show_text_prints_metadata_and_text_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["align", str(DATA / "council.docx"), str(DATA / "press_release.pdf"),
                 "--show-text"])
    out = capsys.readouterr().out
    assert code == 0
    import docx

    assert out.startswith(
        f"== A: {DATA / 'council.docx'} ==\n"
        "format: Word document\nfile: council.docx\n"
        "title: Council approves the new budget\nauthor: Maria Lopez\ndate: 2026-03-12\n"
        f"extractor: python-docx {docx.__version__}\n"
        "length: 290 characters, 6 paragraphs\n\n"
        "Council approves the new budget\n\nThe city council approved the 2027 budget"
    )
    assert "format: PDF\n" in out
    assert "note: 4 running header, footer or page-number lines were left out.\n" in out
    assert "the regional government has agreed" in out
    assert not list(tmp_path.iterdir())


def test_show_text_reports_a_bad_input_and_still_shows_the_other(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing")
    code = main(["align", str(bad), str(DATA / "harbour_article.html"), "--show-text"])
    captured = capsys.readouterr()
    assert code == 2
    assert "error: scan.pdf: not a readable PDF" in captured.err
    assert "Traceback" not in captured.err
    assert "site: The Coastal Courier" in captured.out


def test_align_without_output_says_what_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", str(DATA / "council.docx"), str(DATA / "council.docx")]) == 2
    assert "-o/--output is required" in capsys.readouterr().err


def test_align_a_saved_page_with_a_url(tmp_path: Path) -> None:
    out = tmp_path / "pair.xml"
    with serve() as base:
        assert main(["align", str(DATA / "press_release.pdf"), f"{base}/article",
                     "-o", str(out)]) == 0
        url = f"{base}/article"
    project = read_project(out)
    assert project.doc_a.meta.kind == "pdf"
    assert (project.doc_b.meta.kind, project.doc_b.meta.url) == ("html", url)
    assert project.links


def test_align_reports_a_url_that_fails(capsys: pytest.CaptureFixture[str]) -> None:
    with serve() as base:
        code = main(["align", str(DATA / "council.docx"), f"{base}/missing", "-o", "-"])
    err = capsys.readouterr().err
    assert code == 2
    assert "answered 404" in err and "Traceback" not in err


def test_batch_mixes_formats_and_urls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with serve() as base:
        tsv = tmp_path / "pairs.tsv"
        tsv.write_text(
            f"web\t{DATA / 'harbour_article.html'}\t{base}/release.pdf\n"
            f"word\t{DATA / 'council.docx'}\t{DATA / 'press_release.pdf'}\n", "utf-8")
        assert main(["batch", str(tsv), "-o", str(tmp_path / "out"), "-j", "1", "-q"]) == 0
        assert read_project(tmp_path / "out" / "web.xml").doc_b.meta.url == \
            f"{base}/release.pdf"
        assert read_project(tmp_path / "out" / "word.xml").doc_a.meta.kind == "docx"
        capsys.readouterr()
        assert main(["batch", str(tsv), "--show-text"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n== ") + out.startswith("== ") == 4
    assert "== word B: " in out
