"""Turn a file's bytes into the one canonical text every offset indexes.

Decoding is strict (BOM, then UTF-8, then charset-normalizer) so a wrong guess is reported,
never silently papered over with replacement characters. Normalisation happens once, here:
CRLF/CR/U+2028/U+2029 become LF, the text is NFC, and characters XML 1.0 cannot carry are
dropped, so the text we show, the text we align and the text the XML embeds are identical.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

MAX_INPUT_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Everything XML 1.0 forbids (C0 controls but tab/LF, surrogates, U+FFFE/U+FFFF) plus the
# C1 controls that only ever appear as mojibake.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_TIE_ORDER = {"utf_8": 0, "cp1252": 1, "iso8859_15": 2, "latin_1": 3}
_NEWLINES = re.compile("\r\n|\r|\u2028|\u2029|\x85")


class DocumentLoadError(Exception):
    """A file could not be turned into a document; the message is meant for the user."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


# Bytes an ASCII text may hold without any rewriting (tab, LF and printable ASCII)...
_ASCII_PLAIN = bytes([9, 10, *range(32, 127)])
# ...and bytes that count as "control" when guessing whether a file is binary.
_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])


def normalize_text(text: str) -> str:
    """The canonical form: LF newlines, NFC, only XML-1.0 characters.

    Plain ASCII with LF newlines (most files) is recognised by two C-level byte passes and
    returned as is; the regex passes cost ~5 ms per megabyte each, at open, on the UI thread."""
    if text.isascii() and not text.encode("ascii").translate(None, _ASCII_PLAIN):
        return text
    text = _NEWLINES.sub("\n", text)
    text = _XML_ILLEGAL.sub("", text)
    return unicodedata.normalize("NFC", text)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * 0.05


def decode_bytes(data: bytes, name: str = "input") -> DecodedText:
    """Decode bytes of unknown encoding, or raise DocumentLoadError with a reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise DocumentLoadError(
                    f"{name}: starts with a {encoding} mark but is not valid {encoding} "
                    f"({exc.reason})."
                ) from exc
    if not data.strip():
        raise DocumentLoadError(f"{name}: the file is empty.")
    if _looks_binary(data):
        raise DocumentLoadError(f"{name}: this looks like a binary file, not text.")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        raise DocumentLoadError(f"{name}: could not work out the text encoding.")
    # Short Western text often scores a tie between cp1250, cp1252 and cp1257; cp1252 is by
    # far the most common of them, so it wins ties (charset-normalizer alone picks cp1250).
    best = min(results, key=lambda r: (round(r.chaos, 3), -round(r.coherence, 3),
                                       _TIE_ORDER.get(r.encoding, len(_TIE_ORDER))))
    return DecodedText(str(best), best.encoding)


def read_text_file(path: str | Path) -> DecodedText:
    """Read and decode a text file, normalised; errors become DocumentLoadError."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise DocumentLoadError(
                f"{path.name}: {size / 1e6:.0f} MB is over the "
                f"{MAX_INPUT_BYTES // 2**20} MiB limit."
            )
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise DocumentLoadError(f"{path}: is a folder, not a file.") from exc
    except FileNotFoundError as exc:
        raise DocumentLoadError(f"{path}: no such file.") from exc
    except OSError as exc:
        raise DocumentLoadError(f"{path}: cannot be read ({exc.strerror}).") from exc
    decoded = decode_bytes(data, path.name)
    text = normalize_text(decoded.text)
    if not text.strip():
        raise DocumentLoadError(f"{path.name}: the file holds no text.")
    return DecodedText(text, decoded.encoding)
