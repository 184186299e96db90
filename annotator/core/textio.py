"""Turn a file's bytes into the one canonical text every offset indexes.

Decoding is strict: a BOM, then UTF-8, then UTF-16 without a BOM, UTF-8 mixed with a
single-byte encoding, UTF-8 holding encoded surrogates, and last a guess among the single-byte
encodings (encoding_guess). Whatever was not certain comes with a note for the user saying
what was assumed, and the other plausible encodings, so the user can choose (`encoding=`).
Normalisation happens once, here: CRLF/CR/U+2028/U+2029 become LF, the text is NFC, and
characters XML 1.0 cannot carry are dropped, so the text we show, the text we align and the
text the XML embeds are identical.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .limits import MAX_DOCUMENT_XML_BYTES, MAX_INPUT_BYTES, over_limit
from .safefile import FileRefused, read_regular_file

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
_NEWLINES = re.compile("\r\n|\r|\u2028|\u2029|\x85")


class DocumentLoadError(Exception):
    """A file could not be turned into a document; the message is meant for the user."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    note: str = ""  # what was assumed, for the user; empty when the decoding is certain
    alternatives: tuple[str, ...] = ()  # other encodings that would read differently


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


def decode_bytes(data: bytes, name: str = "input", encoding: str | None = None) -> DecodedText:
    """Decode bytes of unknown encoding (or in the `encoding` the user chose), or raise
    DocumentLoadError with a reason."""
    if encoding:
        return _decode_as(data, name, encoding)
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(bom_encoding), bom_encoding)
            except UnicodeDecodeError as exc:
                raise DocumentLoadError(
                    f"{name}: starts with a {bom_encoding} mark but is not valid "
                    f"{bom_encoding} ({exc.reason})."
                ) from exc
    if not data.strip():
        raise DocumentLoadError(f"{name}: the file is empty." if not data else
                                f"{name}: the file holds only blank lines and spaces, no text.")
    if b"\x00" in data[:8192] and (wide := _utf16_without_bom(data)):
        return wide
    if _looks_binary(data):
        raise DocumentLoadError(f"{name}: this looks like a binary file, not text.")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from .encoding_guess import guess
    from .mixed_utf8 import MIXED, decode_cesu8, decode_mixed

    cesu = decode_cesu8(data)
    if cesu is not None:
        return DecodedText(cesu[0], "utf-8", cesu[1], ("cp1252",))
    best = guess(data)
    mixed = decode_mixed(data)
    if mixed is not None and (best is None or mixed[2] <= best.penalty):
        alternatives = tuple(e for e in (best.encoding if best else "cp1252",) if e)
        return DecodedText(mixed[0], MIXED, mixed[1], alternatives)
    if best is None:
        raise DocumentLoadError(f"{name}: could not work out the text encoding.")
    note = f"not UTF-8; read as {best.encoding}"
    if best.ambiguous:
        note += f" (it could also be {', '.join(best.alternatives)})"
    return DecodedText(best.text, best.encoding, note, best.alternatives)


def _decode_as(data: bytes, name: str, encoding: str) -> DecodedText:
    from .mixed_utf8 import MIXED, decode_mixed_as_asked

    if encoding.lower() == MIXED:
        return DecodedText(decode_mixed_as_asked(data), MIXED)
    try:
        codec = codecs.lookup(encoding).name
    except LookupError as exc:
        raise DocumentLoadError(f"{name}: {encoding!r} is not an encoding Python knows.") from exc
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DocumentLoadError(
            f"{name}: is not valid {codec} (byte {exc.start}: {exc.reason})."
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return DecodedText(text, codec)


def _utf16_without_bom(data: bytes) -> DecodedText | None:
    """UTF-16 text saved without a byte-order mark: zero bytes mostly on one side of each
    pair (ASCII, digits, spaces), and it decodes to text without control characters."""
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(data) % 2 or max(even, odd) < 4 * max(1, min(even, odd)):
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if _XML_ILLEGAL.search(text.replace("\x85", "")):
        return None
    side = "little" if codec.endswith("le") else "big"
    return DecodedText(text, codec, f"no byte-order mark; read as UTF-16 ({side}-endian)",
                       ("utf-16-be" if side == "little" else "utf-16-le",))


def read_input_bytes(path: Path) -> bytes:
    """An input file's bytes, up to the input limit; a FIFO or device is refused at once,
    never read (it would block); every error becomes DocumentLoadError."""
    try:
        return read_regular_file(path, MAX_INPUT_BYTES)
    except FileRefused as exc:
        raise DocumentLoadError(str(exc)) from exc
    except FileNotFoundError as exc:
        raise DocumentLoadError(f"{path}: no such file.") from exc
    except OSError as exc:
        raise DocumentLoadError(f"{path}: cannot be read ({exc.strerror}).") from exc


def read_text_file(path: str | Path, encoding: str | None = None) -> DecodedText:
    """Read and decode a text file, normalised; errors become DocumentLoadError."""
    path = Path(path)
    data = read_input_bytes(path)
    decoded = decode_bytes(data, path.name, encoding)
    text = normalize_text(decoded.text)
    if not text.strip():
        raise DocumentLoadError(f"{path.name}: the file holds no text.")
    check_storable(text, path.name)
    return DecodedText(text, decoded.encoding, decoded.note, decoded.alternatives)


def stored_size(text: str) -> int:
    """The bytes `text` takes in the project XML (UTF-8, with &, < and > escaped)."""
    return (len(text.encode("utf-8")) + 4 * text.count("&") + 3 * text.count("<")
            + 3 * text.count(">"))


def check_storable(text: str, name: str) -> None:
    """Refuse, at open, a text the project file could not hold: whatever opens must save."""
    size = stored_size(text)
    if size > MAX_DOCUMENT_XML_BYTES:
        raise DocumentLoadError(over_limit(f"{name} (as stored in the project)", size,
                                           MAX_DOCUMENT_XML_BYTES))
