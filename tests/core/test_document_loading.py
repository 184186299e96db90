"""Loading files into documents: encodings, newlines, NFC, and clear errors for bad input."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from annotator.core import Document, DocumentLoadError
from annotator.core.inputs import SourceMeta

NEWS = (
    "Le président a déclaré à la presse que « la réforme des retraites » serait votée "
    "avant l’été. Selon le ministère, 1,2 million de personnes sont concernées. "
    "Les syndicats, réunis à Paris, ont dénoncé une décision « brutale » et appelé à la grève.\n"
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (NEWS.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + NEWS.encode("utf-8"), "utf-8-sig"),
        (NEWS.encode("utf-16"), "utf-16"),
    ],
)
def test_unicode_encodings_decode_exactly(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    doc = Document.load(_write(tmp_path, "a.txt", encoded), "A")
    assert doc.text == NEWS
    assert doc.encoding == encoding
    assert not doc.text.startswith("\ufeff")


def test_legacy_encoding_is_detected(tmp_path: Path) -> None:
    doc = Document.load(_write(tmp_path, "a.txt", (NEWS * 3).encode("cp1252")), "A")
    assert doc.text == NEWS * 3


def test_newlines_and_nfc_are_normalised_once(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Café crème\r\nsecond line\rthird\u2028fourth")
    doc = Document.load(_write(tmp_path, "a.txt", decomposed.encode("utf-8")), "A")
    assert doc.text == "Café crème\nsecond line\nthird\nfourth"
    assert unicodedata.is_normalized("NFC", doc.text)


def test_xml_illegal_controls_are_dropped(tmp_path: Path) -> None:
    doc = Document.load(_write(tmp_path, "a.txt", b"one\x0btwo\x0cthree\tfour"), "A")
    assert doc.text == "onetwothree\tfour"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t ", "only blank lines and spaces"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("bad-bom.txt", b"\xff\xfe\x00\xd8", "utf-16"),
        ("report.pdf", b"%PDF-1.4", "not a readable PDF"),
        ("draft.doc", b"\xd0\xcf\x11\xe0", "saved as .docx"),
    ],
)
def test_bad_files_get_clear_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(DocumentLoadError, match=message):
        Document.load(_write(tmp_path, name, data), "A")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentLoadError, match="no such file"):
        Document.load(tmp_path / "nope.txt", "A")
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(DocumentLoadError, match="folder"):
        Document.load(folder, "A")


def test_document_identity_and_hash(tmp_path: Path) -> None:
    doc = Document.load(_write(tmp_path, "a.txt", NEWS.encode()), "A")
    assert doc.title == NEWS.split(". ")[0][:200] or doc.title == NEWS.strip()[:200]
    assert len(doc.sha256) == 64
    assert doc == Document("A", NEWS, doc.title, str(tmp_path / "a.txt"),
                           meta=SourceMeta(kind="text", file="a.txt"), language="fr")


def test_the_plain_ascii_shortcut_normalises_exactly_like_the_full_path() -> None:
    import random
    import unicodedata

    from annotator.core import textio

    def full(text: str) -> str:
        text = textio._NEWLINES.sub("\n", text)
        return unicodedata.normalize("NFC", textio._XML_ILLEGAL.sub("", text))

    rng = random.Random(3)
    alphabets = [
        "abc XYZ.,;\n\t",  # plain: the shortcut returns the text itself
        "abc \r\n\r\x0b\x0c\x00\x1f\x7f\t",  # ASCII needing newline and control fixes
        "abc e\u0301 \u2028\u2029\x85\x9f\ufffe\ud800 é",  # non-ASCII: the full path
    ]
    for alphabet in alphabets:
        for _ in range(300):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            assert textio.normalize_text(text) == full(text), repr(text)
    plain = "Plain text.\n\tIndented line.\n"
    assert textio.normalize_text(plain) is plain


def test_binary_guess_counts_control_bytes_as_before() -> None:
    import random

    from annotator.core import textio

    def counted(sample: bytes) -> bool:
        if b"\x00" in sample:
            return True
        controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
        return controls > len(sample) * 0.05

    rng = random.Random(4)
    for _ in range(500):
        weights = [rng.random() for _ in range(3)]
        data = bytes(rng.choices([rng.randrange(1, 32), rng.randrange(32, 256), 10],
                                 weights=weights)[0] for _ in range(rng.randint(1, 300)))
        assert textio._looks_binary(data) == counted(data[:8192])
