"""Two ways a file is almost UTF-8, each read as what it is, with a note for the user.

Mixed: parts in UTF-8 and parts in a single-byte encoding (a Latin-1 paragraph pasted into a
UTF-8 file). Decoding it all as one single-byte encoding turns every UTF-8 letter into two
(`CafÃ©`), so the UTF-8 parts are read as UTF-8 and only the bytes that are not UTF-8 as
Windows-1252; that reading is named MIXED.

CESU-8: UTF-16 surrogates written one by one as UTF-8 (`ED A0 80`), as Java's modified UTF-8
does. A pair becomes the character it encodes; a lone surrogate is no character at all and
becomes U+FFFD, and the note says where.
"""

from __future__ import annotations

import codecs
import re
import threading

from .encoding_guess import penalty

_VALID_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_SURROGATE = re.compile(rb"\xed[\xa0-\xbf][\x80-\xbf]")
MIXED = "utf-8/cp1252"


_seen = threading.local()  # the bad byte ranges of the decoding running in this thread


def _single_byte(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _seen.ranges.append((exc.start, exc.end))
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="strict") if all(
        b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for b in bad) else bad.decode("latin-1"), exc.end


codecs.register_error("annotator-cp1252", _single_byte)


def decode_mixed(data: bytes) -> tuple[str, str, int] | None:
    """(text, note, penalty) for UTF-8 mixed with single-byte text; None if there is no UTF-8
    in it to speak of (then it is a single-byte file)."""
    if _VALID_MULTIBYTE.search(data) is None:
        return None
    _seen.ranges = []
    text = data.decode("utf-8", errors="annotator-cp1252")
    ranges, _seen.ranges = _seen.ranges, []
    first, bad = ranges[0][0], sum(end - start for start, end in ranges)
    note = (f"mixes UTF-8 with another encoding: {bad} byte{'s' * (bad != 1)} that are not "
            f"UTF-8 (the first at byte {first}) were read as Windows-1252")
    return text, note, penalty(text)


def decode_mixed_as_asked(data: bytes) -> str:
    """UTF-8 where it is UTF-8, Windows-1252 elsewhere (the user chose MIXED)."""
    _seen.ranges = []
    return data.decode("utf-8", errors="annotator-cp1252")


def decode_cesu8(data: bytes) -> tuple[str, str] | None:
    """(text, note) for UTF-8 that holds encoded surrogates; None if it holds none or is not
    UTF-8 otherwise."""
    found = _SURROGATE.search(data)
    if found is None:
        return None
    try:
        raw = data.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        return None
    text = raw.encode("utf-16-le", errors="surrogatepass").decode("utf-16-le", errors="replace")
    lone = text.count("\ufffd") - raw.count("\ufffd")
    pairs = (len(_SURROGATE.findall(data)) - lone) // 2
    parts = []
    if pairs:
        parts.append(f"{pairs} character{'s' * (pairs != 1)} written as UTF-16 surrogate "
                     f"pairs (CESU-8) {'was' if pairs == 1 else 'were'} joined")
    if lone:
        parts.append(f"{lone} lone surrogate{'s' * (lone != 1)} (the first at byte "
                     f"{found.start()}) became \ufffd")
    return text, "not valid UTF-8: " + "; ".join(parts)
