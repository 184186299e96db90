"""Each reader on the project's own fixtures (tests/data/inputs): exact text and metadata."""

from __future__ import annotations

import email.policy
import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest

from annotator.core import Document, DocumentLoadError
from annotator.core.inputs import SourceMeta, read_source

DATA = Path(__file__).resolve().parents[2] / "data" / "inputs"

HARBOUR_TEXT = """\
Harbour dredging to start in April, authority says

The harbour authority said on Tuesday that its survey of the eastern basin was complete and \
that dredging would begin in April, two months later than first planned.

The work is expected to cost 40 million euros, a figure the regional government has agreed to \
share with the port's operators under a deal signed last autumn.

“We will not delay the shipping lanes,” the authority's director, Anna Berg, told reporters at \
the port. She said the effect on ferry timetables would be small and temporary.

Silt and shallow water

The basin was last dredged in 2009. Since then, silt has reduced the depth by almost two metres \
in places, according to the authority's own measurements, published in a short report last year.

Environmental groups have asked for an independent review of the plans. “Nobody has looked at \
what the dredging does to the seagrass beds,” said Lena Okafor of the Coastal Trust.

The authority said it would publish its data in full before work starts."""

HARBOUR_URL = "https://www.coastalcourier.example/news/2026/03/12/harbour-dredging-april"


def _version(module: str) -> str:
    import importlib.metadata

    return importlib.metadata.version(module)


def test_saved_page_gives_the_article_only_with_its_metadata() -> None:
    found = read_source(DATA / "harbour_article.html")
    assert found.text == HARBOUR_TEXT
    assert found.meta == SourceMeta(
        kind="html", file="harbour_article.html", url=HARBOUR_URL,
        title="Harbour dredging to start in April, authority says", author="Tom Reyes",
        date="2026-03-12", site="The Coastal Courier", extractor="trafilatura",
        extractor_version=_version("trafilatura"),
    )
    for clutter in ("cookies", "Subscribe", "Related articles", "Ferry timetable changes",
                    "harbourwatcher", "Ridiculous", "Morning Briefing", "Sign up", "Most read",
                    "All rights reserved", "Share on", "Topics"):
        assert clutter not in found.text


def test_web_archive_reads_its_html_part(tmp_path: Path) -> None:
    message = EmailMessage(policy=email.policy.default)
    message["Snapshot-Content-Location"] = HARBOUR_URL
    message["Subject"] = "Harbour dredging"
    message.make_related()
    message.add_related((DATA / "harbour_article.html").read_text("utf-8"), subtype="html",
                        headers=[f"Content-Location: {HARBOUR_URL}"])
    path = tmp_path / "saved.mhtml"
    path.write_bytes(message.as_bytes())
    found = read_source(path)
    assert found.text == HARBOUR_TEXT
    assert (found.meta.kind, found.meta.file, found.meta.url) == ("mhtml", "saved.mhtml",
                                                                  HARBOUR_URL)


def test_word_document_keeps_reading_order_headings_and_tables() -> None:
    found = read_source(DATA / "council.docx")
    assert found.text == (
        "Council approves the new budget\n\n"
        "The city council approved the 2027 budget on Monday by 31 votes to 12.\n\n"
        "Where the money goes\n\n"
        "Spending rises by 4.5 percent, mostly on schools and transport.\n\n"
        "Area | Million euros\nSchools | 120\nTransport | 85\n\n"
        "The opposition said the plan “ignores housing”."
    )
    assert found.meta == SourceMeta(
        kind="docx", file="council.docx", title="Council approves the new budget",
        author="Maria Lopez", date="2026-03-12", extractor="python-docx",
        extractor_version=_version("python-docx"),
    )


PRESS_TEXT = """\
Port authority finishes the harbour survey

The harbour authority said on Tuesday that its survey of the eastern basin was complete and \
that dredging would begin in April. The work is expected to cost 40 million euros, a figure the \
regional government has agreed to share.

“We will not delay the shipping lanes,” the director, Anna Berg, told reporters. She said the \
effect on ferry timetables would be small and temporary.

Background

The basin was last dredged in 2009. Since then, silt has reduced the depth by almost two metres \
in places, according to the authority’s own measurements, which were published in a short \
report last year.

Environmental groups have asked for an independent review of the plans. The authority said it \
would publish its data in full before work starts."""


def test_pdf_paragraphs_are_joined_dehyphenated_and_free_of_running_lines() -> None:
    found = read_source(DATA / "press_release.pdf")
    assert found.text == PRESS_TEXT
    assert found.meta == SourceMeta(
        kind="pdf", file="press_release.pdf", title="Port authority finishes the harbour survey",
        author="Harbour Authority Press Office", date="2026-03-12", extractor="pypdf",
        extractor_version=_version("pypdf"),
    )
    assert found.notes == ("4 running header, footer or page-number lines were left out.",)


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists(),
                    reason="the fixture script needs the DejaVu font (fonts-dejavu-core)")
def test_fixture_script_regenerates_what_the_tests_read(tmp_path: Path) -> None:
    import runpy

    script = runpy.run_path(str(DATA / "make_fixtures.py"))
    assert script["main"](["make_fixtures.py", str(tmp_path)]) == 0
    assert read_source(tmp_path / "press_release.pdf").text == PRESS_TEXT
    assert read_source(tmp_path / "council.docx").text == read_source(DATA / "council.docx").text


def test_markdown_is_rendered_to_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(
        "---\ntitle: \"Budget draft\"\nauthor: Maria Lopez\ndate: 2026-03-12\n---\n"
        "# Council approves *the* budget\n\n"
        "The council **approved** the [2027 budget](https://example.org/b) on\nMonday.  \n"
        "Second line.\n\n- Schools: 120\n- Transport: `85`\n\n"
        "| Area | Million |\n|---|---|\n| Schools | 120 |\n\n> “It ignores housing.”\n\n"
        "![chart](chart.png)\n\n<div class=\"note\">Raw &amp; HTML</div>\n",
        "utf-8",
    )
    doc = Document.load(path, "A")
    assert doc.text == (
        "Council approves the budget\n\n"
        "The council approved the 2027 budget on Monday.\nSecond line.\n\n"
        "Schools: 120\nTransport: 85\n\nArea | Million\nSchools | 120\n\n"
        "“It ignores housing.”\n\nRaw & HTML"
    )
    assert doc.title == "Budget draft"
    assert (doc.meta.kind, doc.meta.author, doc.meta.date, doc.meta.extractor) == (
        "markdown", "Maria Lopez", "2026-03-12", "markdown-it-py")
    for mark in ("#", "*", "](", "`", "|---"):
        assert mark not in doc.text


def test_plain_text_is_kept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("  # not a heading *here*\n\nSecond.\n", "utf-8")
    doc = Document.load(path, "A")
    assert doc.text == "  # not a heading *here*\n\nSecond.\n"
    assert doc.meta == SourceMeta(kind="text", file="a.txt")


def test_upper_case_suffix_and_copy_of_fixture(tmp_path: Path) -> None:
    copy = tmp_path / "PAGE.HTM"
    shutil.copy(DATA / "harbour_article.html", copy)
    assert read_source(copy).text == HARBOUR_TEXT


def test_unknown_format_is_refused_with_the_list(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(DocumentLoadError, match=r"\.xlsx files cannot be opened.*\.docx"):
        read_source(path)


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Berlin confronts the past | DW | 19.01.2020", "DW.COM", "Berlin confronts the past"),
        ("Big news - The Coastal Courier", "The Coastal Courier", "Big news"),
        ("Letters: Crime | Roads | Tax", "The Mercury News", "Letters: Crime | Roads | Tax"),
        ("Self-driving cars - a new era", "Example", "Self-driving cars - a new era"),
        ("Headline", "", "Headline"),
    ],
)
def test_site_name_and_date_leave_the_headline(title: str, site: str, expected: str) -> None:
    from annotator.core.inputs.html import _strip_site

    assert _strip_site(title, site) == expected


def test_a_caption_alone_is_not_an_article(tmp_path: Path) -> None:
    path = tmp_path / "teaser.html"
    path.write_text(
        "<html><head><title>Teaser</title></head><body><article><h1>Big story</h1>"
        "<figure><img src='a.jpg'><figcaption>The president speaks during a televised debate "
        "in the capital on Sunday, days before the election. Photo: AP</figcaption></figure>"
        "<p>Subscribe to read the full article and our award-winning journalism.</p>"
        "</article></body></html>", "utf-8")
    with pytest.raises(DocumentLoadError, match="no article text was recognised"):
        read_source(path)


def test_chrome_style_web_archive(tmp_path: Path) -> None:
    """The layout Chrome's "Save as single file" writes: CRLF, a multipart/related body with
    the page quoted-printable, a stylesheet part, and the address in Snapshot-Content-Location."""
    import quopri

    page = quopri.encodestring((DATA / "harbour_article.html").read_bytes()).decode("ascii")
    boundary = "----MultipartBoundary--Tz8Hn3lJ0rXq----"
    archive = "\r\n".join([
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {HARBOUR_URL}",
        "Subject: Harbour dredging to start in April, authority says | The Coastal Courier",
        "Date: Thu, 12 Mar 2026 10:02:11 -0000",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/related; type="text/html"; boundary="{boundary}"',
        "", "", f"--{boundary}",
        "Content-Type: text/html",
        "Content-ID: <frame-0A1B2C@mhtml.blink>",
        "Content-Transfer-Encoding: quoted-printable",
        f"Content-Location: {HARBOUR_URL}",
        "", page.replace("\n", "\r\n"), "", f"--{boundary}",
        "Content-Type: text/css",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: https://www.coastalcourier.example/static/site.css",
        "", "body { font-family: serif; }", "", f"--{boundary}--", "",
    ])
    path = tmp_path / "article.mhtml"
    path.write_bytes(archive.encode("ascii"))
    found = read_source(path)
    assert found.text == HARBOUR_TEXT
    assert (found.meta.kind, found.meta.url, found.meta.site) == (
        "mhtml", HARBOUR_URL, "The Coastal Courier")


@pytest.mark.parametrize("meta_charset", ['<meta charset="windows-1252">', ""])
def test_saved_page_in_a_legacy_encoding(tmp_path: Path, meta_charset: str) -> None:
    page = (DATA / "harbour_article.html").read_text("utf-8")
    page = page.replace('<meta charset="utf-8">', meta_charset)
    page = page.replace("40 million euros", "€40 million")
    path = tmp_path / "cp1252.html"
    path.write_bytes(page.encode("cp1252"))
    assert read_source(path).text == HARBOUR_TEXT.replace("40 million euros", "€40 million")
