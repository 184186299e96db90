"""Bad inputs get one clear message each (never a traceback), and nothing else breaks."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pypdf
import pytest

from annotator.core import Document, DocumentLoadError
from annotator.core.inputs import read_source

DATA = Path(__file__).resolve().parents[2] / "data" / "inputs"


def _encrypted(tmp_path: Path, user: str, algorithm: str = "RC4-128") -> Path:
    writer = pypdf.PdfWriter(clone_from=str(DATA / "press_release.pdf"))
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm=algorithm)
    path = tmp_path / "locked.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_password_protected_pdf(tmp_path: Path, algorithm: str) -> None:
    with pytest.raises(DocumentLoadError, match="encrypted with a password"):
        read_source(_encrypted(tmp_path, "reader-secret", algorithm))


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_with_only_owner_restrictions_opens(tmp_path: Path, algorithm: str) -> None:
    """Secured against copying or printing but no password to open: the common case."""
    found = read_source(_encrypted(tmp_path, "", algorithm))
    assert found.text.startswith("Port authority finishes")


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as out:
        writer.write(out)
    with pytest.raises(DocumentLoadError, match=r"no text layer.*run OCR first"):
        read_source(path)


def test_pdf_with_one_scanned_page_says_which(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=str(DATA / "press_release.pdf"))
    writer.add_blank_page(595, 842)
    path = tmp_path / "mixed.pdf"
    with path.open("wb") as out:
        writer.write(out)
    found = read_source(path)
    assert "Pages without a text layer (scanned?) were skipped: 3." in found.notes


def test_the_only_text_is_never_dropped_as_a_running_line(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(3):  # the same single line on every page looks like a running header
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.text(20, 20, "Statement of the board")
    path = tmp_path / "same.pdf"
    pdf.output(str(path))
    found = read_source(path)
    assert found.text == "Statement of the board Statement of the board Statement of the board"
    assert not any("running" in note for note in found.notes)


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%garbage", b"%PDF-1.7\n" + bytes(range(256)) * 4])
def test_corrupt_pdf(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(DocumentLoadError, match=r"broken\.pdf: not a readable PDF"):
        read_source(path)


def test_truncated_pdf(tmp_path: Path) -> None:
    data = (DATA / "press_release.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DocumentLoadError, match=r"cut\.pdf"):
        read_source(path)


def _docx_with(tmp_path: Path, replace: dict[str, bytes]) -> Path:
    source = zipfile.ZipFile(DATA / "council.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            if info.filename in replace:
                if replace[info.filename]:
                    out.writestr(info.filename, replace[info.filename])
            else:
                out.writestr(info, source.read(info.filename))
    path = tmp_path / "bad.docx"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"this is not a zip file at all"), "not a .docx archive"),
        (lambda p: p.write_bytes((DATA / "council.docx").read_bytes()[:5000]), "not a .docx"),
    ],
)
def test_corrupt_docx(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.docx"
    make(path)
    with pytest.raises(DocumentLoadError, match=message):
        read_source(path)


def test_docx_with_damaged_body(tmp_path: Path) -> None:
    path = _docx_with(tmp_path, {"word/document.xml": b"<w:document><unclosed>"})
    with pytest.raises(DocumentLoadError, match=r"bad\.docx: .*(damaged|not a readable)"):
        read_source(path)


def test_docx_without_body_part(tmp_path: Path) -> None:
    path = _docx_with(tmp_path, {"word/document.xml": b""})
    with pytest.raises(DocumentLoadError, match="not a Word document"):
        read_source(path)


def test_page_without_article(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/a'>A</a>"
        "<a href='/b'>B</a></nav><div id='app'></div><script>render()</script></body></html>",
        "utf-8",
    )
    with pytest.raises(DocumentLoadError, match="no article text was recognised"):
        read_source(path)


@pytest.mark.parametrize("suffix", [".html", ".docx", ".pdf", ".mhtml"])
def test_empty_files(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(DocumentLoadError, match="empty"):
        Document.load(path, "A")


def test_binary_noise_as_html_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.html"
    path.write_bytes(bytes(range(256)) * 50)
    with pytest.raises(DocumentLoadError, match=r"noise\.html"):
        read_source(path)


def test_web_archive_without_html(tmp_path: Path) -> None:
    path = tmp_path / "x.mhtml"
    path.write_bytes(b"MIME-Version: 1.0\nContent-Type: text/plain\n\nhello\n")
    with pytest.raises(DocumentLoadError, match="holds no HTML page"):
        read_source(path)
