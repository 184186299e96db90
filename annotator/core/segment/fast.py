"""pysbd's sentences at a fraction of its cost, without replacing it.

pysbd runs ~100 regex passes per call (and a quadratic abbreviation scan).
Most of its decisions are local, so a block is cut where pysbd certainly splits and where
nothing it does can reach across the cut: after a plain word of two or more letters (not one
of pysbd's abbreviations) ending in . ! or ?, before a capital, outside every span pysbd
pairs up (quotes, brackets, parentheses, "--" dashes, quotations that start a sentence).
Pieces between cuts that hold one sentence by construction skip pysbd; the rest go to pysbd,
cached. Blocks with anything pysbd treats block-wide (list items, leading apostrophes,
backslashes, its marker characters, ...) go to pysbd whole. `fast_split(block)` returns the
same stripped sentences as plain pysbd on that block (tests compare them on news text).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from pysbd.between_punctuation import BetweenPunctuation as _BP
from pysbd.exclamation_words import ExclamationWords
from pysbd.lang.common.common import Common
from pysbd.lang.common.standard import Standard

from .lists import list_rules_apply
from .pysbd_rules import literal_first

# Masked before " I ", " I'm", " I'll", lower case, digits, "(". Those ending in "i" or "i?v"
# are left out: pysbd can unmask them again ("I." / "i.v." before a sentence starter).
_ABBREVIATIONS = frozenset(
    a for a in Standard.Abbreviation.ABBREVIATIONS if not re.search(r"i$|i.v$", a)
) - frozenset(
    Standard.Abbreviation.PREPOSITIVE_ABBREVIATIONS + Standard.Abbreviation.NUMBER_ABBREVIATIONS
)
_NUMBER_ABBREVIATIONS = frozenset(Standard.Abbreviation.NUMBER_ABBREVIATIONS) - frozenset(
    Standard.Abbreviation.PREPOSITIVE_ABBREVIATIONS
)
_ANY_ABBREVIATION = frozenset(
    Standard.Abbreviation.ABBREVIATIONS
    + Standard.Abbreviation.PREPOSITIVE_ABBREVIATIONS
    + Standard.Abbreviation.NUMBER_ABBREVIATIONS
)
_ABBR_NEXT = re.compile(r"[a-z\d(]|I\s|I'm|I'll")
_TERMINALS = "。．.！!?？"

# Anything whose effect in pysbd is not local to a sentence, matched on the raw block: then the
# whole block goes to pysbd. Lists pysbd would rewrite, a superset of numbered references,
# backslashes and braces (pysbd's escaping quirks) and pysbd's own markers; also a block
# starting with "'" or "?!"-style double punctuation.
_BLOCKWIDE = re.compile(r"[\\{}\r\n∮ȹ☉☈☇☄ƪ♟♝☏⌬♬♭∯ȸ♨☝✂⎋ᓰᓱᓳᓴᓷᓸ&]")
_REFERENCE = re.compile(r"\.\d(?<=[^\d\s]..)|\.\[")  # numbered reference "word.12 "
_EXCLAMATION_WORDS = re.compile(ExclamationWords.EXCLAMATION_REGEX)
_ASCII_EXCLAMATION_WORDS = tuple(w for w in ExclamationWords.EXCLAMATION_WORDS if w.isascii())


def _blockwide(block: str) -> bool:
    if block[0] in "?!'" or _has_blockwide_char(block):
        return True
    if _REFERENCE.search(block) or list_rules_apply(block):
        return True
    if ("!" in block or "ǃ" in block) and _has_exclamation_word(block):
        return True
    return '"' in block and "(" in block and _PARENS_IN_QUOTES.search(block) is not None


# For ASCII text (`isascii` is a flag lookup) the tests below check the ASCII members of
# their pattern with `in` (memchr), where re tests a character class at every position.


def _has_blockwide_char(block: str) -> bool:
    """`_BLOCKWIDE.search(block) is not None`."""
    if block.isascii():
        return ("\\" in block or "{" in block or "}" in block or "\r" in block
                or "\n" in block or "&" in block)
    return _BLOCKWIDE.search(block) is not None


def _has_exclamation_word(block: str) -> bool:
    """`_EXCLAMATION_WORDS.search(block) is not None` (an alternation of literal words)."""
    if block.isascii():
        return any(word in block for word in _ASCII_EXCLAMATION_WORDS)
    return _EXCLAMATION_WORDS.search(block) is not None


def _has_pair_trigger(block: str) -> bool:
    """`_PAIR_TRIGGERS.search(block) is not None`."""
    if block.isascii():
        return '"' in block or "'" in block or "(" in block or "[" in block or "--" in block
    return _PAIR_TRIGGERS.search(block) is not None


def _has_quote_at_end(piece: str) -> bool:
    """`_QUOTE_AT_END.search(piece) is not None`: every match has a quote."""
    if piece.isascii() and '"' not in piece and "'" not in piece:
        return False
    return _QUOTE_AT_END.search(piece) is not None


_PARENS_IN_QUOTES = re.compile(Common.PARENS_BETWEEN_DOUBLE_QUOTES_REGEX)


def _literal_first(pattern: str) -> re.Pattern[str]:
    return re.compile(literal_first(pattern))


# pysbd's between-punctuation regexes, in its order: periods inside their matches are masked.
# Straight single quotes come first, but pysbd skips them when the block has a word with a
# leading apostrophe and no quote before a space: decided per block, passed in as `single`.
_SINGLE = _literal_first(_BP.BETWEEN_SINGLE_QUOTES_REGEX)
_LEADING_APOSTROPHE = _literal_first(_BP.WORD_WITH_LEADING_APOSTROPHE)
_QUOTE_SPACE = re.compile(r"'\s")
_SINGLE_OPENER = re.compile(r"'(?<=\s')")  # a space, then "'"


def _pairs_single(text: str) -> bool:
    """pysbd's block-wide choice: whether it masks terminals between straight single quotes
    (decided after it appends a marker to text that does not end in punctuation)."""
    if text[-1] not in _TERMINALS:
        text += "ȸ"
    return not (_LEADING_APOSTROPHE.search(text) and not _QUOTE_SPACE.search(text))


_PAIRED = tuple(
    (trigger, _literal_first(pattern) if pattern.startswith(r"(?<=\s)") else re.compile(pattern))
    for trigger, pattern in (
        ("‘", _BP.BETWEEN_SINGLE_QUOTE_SLANTED_REGEX),
        ('"', _BP.BETWEEN_DOUBLE_QUOTES_REGEX_2),
        ("[", _BP.BETWEEN_SQUARE_BRACKETS_REGEX_2),
        ("(", _BP.BETWEEN_PARENS_REGEX_2),
        ("«", _BP.BETWEEN_QUOTE_ARROW_REGEX_2),
        ("--", _BP.BETWEEN_EM_DASHES_REGEX_2),
        ("“", _BP.BETWEEN_QUOTE_SLANTED_REGEX_2),
    )
)
_PAIR_TRIGGERS = re.compile(r"[‘\"\[(«“（「']|--")
# pysbd's sentence regex lets a sentence that starts with an opener run to the closer; a
# sentence can start at the block start or after a terminal or closer (and spaces).
_OPENER_AT_START = re.compile(r"[。．.！!?？）」)'\"”]\s*[（「('\"“]|^\s*[（「('\"“]")
# The same, split in its two branches: without the "^" branch re scans for the first class
# instead of trying every position; `_openers` gives the same matches.
_OPENER_AFTER_END = re.compile(r"[。．.！!?？）」)'\"”]\s*[（「('\"“]")
_OPENER_FIRST = re.compile(r"\s*[（「('\"“]")


def _openers(block: str) -> list[re.Match[str]]:
    """`_OPENER_AT_START.finditer(block)`: "^" only matches at 0, where it is tried second."""
    first = _OPENER_AFTER_END.match(block) or _OPENER_FIRST.match(block)
    if first is None:
        return list(_OPENER_AFTER_END.finditer(block))
    return [first, *_OPENER_AFTER_END.finditer(block, first.end())]
_CLOSER = {"（": "）", "「": "」", "(": ")", '"': '"', "“": "”"}

# A certain boundary: a word of two or more letters (not one of pysbd's abbreviations before a
# period), one terminal, spaces, then a capital that is not an initial, a quote or "--".
_CUT = re.compile(r"[.!?]( +(?=[\"“]?[A-Z](?!\.)|--|_|[a-z])|(?=[\"“]))")
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]|_+|[0-9]+")
_I_NEXT = re.compile(r"\sI(?:\s|'m|'ll)")
# pysbd also splits after a quotation closing on a masked terminal: `?" Then`.
_QUOTE_CUT = re.compile(r"[.!?][\"”]( )(?=[A-Z](?!\.))")
_QUOTE_AT_END = re.compile(Common.QUOTATION_AT_END_OF_SENTENCE_REGEX)
_TERMINAL = re.compile(f"[{_TERMINALS}]")
# Prepositive abbreviations pysbd always masks before a space (Mr. Dr. St.); not "v"/"vs",
# which a later rule can unmask.
_PREPOSITIVE_ALL = frozenset(Standard.Abbreviation.PREPOSITIVE_ABBREVIATIONS)
_PREPOSITIVE = _PREPOSITIVE_ALL - {"v", "vs"}
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WORDCHARS = _ASCII_LETTERS | frozenset("0123456789_")
_INITIALS = frozenset("ABCDEFGHJKLMNOPQRSTUVWXYZ")  # not "I": "I. The" is unmasked again


def _masked(piece: str, t: int) -> bool:
    """Whether pysbd masks the terminal at `t` whatever the rest of the block says."""
    c, prev, nxt = piece[t], piece[t - 1 : t], piece[t + 1 : t + 2]
    after = piece[t + 2 : t + 3]
    if c == "!":
        return prev not in ("!", "?") and (
            nxt in ("'", '"')
            or (nxt.isspace() and after.islower() and after.isascii())
            or (nxt == "," and after.isspace() and piece[t + 3 : t + 4] in _LOWER)
        )
    if c == "?":
        return prev not in ("!", "?") and nxt in ("'", '"')
    if c != "." or not nxt:
        return False
    if nxt.isdecimal() or (prev.isdecimal() and not nxt.isspace()):
        return True  # pysbd: \.(?=\d) and (?<=\d)\.(?=\S)
    if prev in _WORDCHARS and nxt in _WORDCHARS and piece[t - 2 : t - 1] != ".":
        return True  # pysbd: ([a-zA-Z0-9_])\.([a-zA-Z0-9_]), not overlapping ("a.b.c")
    if prev in _INITIALS and piece[t - 2 : t - 1].isspace():
        return nxt.isspace() or (nxt == "," and after.isspace())
    if prev in _INITIALS and t == 1:
        return nxt.isspace()
    start = t
    while start > 0 and piece[start - 1] in _ASCII_LETTERS:
        start -= 1
    if start < t and (start == 0 or piece[start - 1].isspace()):
        word = piece[start:t].lower()
        if word in _PREPOSITIVE:  # pysbd: (?<=\s{abbr})\.(?=(\s|:\d+))
            return nxt.isspace() or (nxt == ":" and after.isdecimal())
        if word in _NUMBER_ABBREVIATIONS:  # (?=(\s\d|\s+\())
            return nxt.isspace() and (after.isdecimal() or piece[t + 1 :].lstrip()[:1] == "(")
        if word in _ABBREVIATIONS:  # (?=((\.|\:|-|\?|,)|(\s([a-z]|I\s|I'm|I'll|\d|\())))
            if nxt in (".", ":", "-", "?", ","):
                return True
            return nxt.isspace() and _ABBR_NEXT.match(piece, t + 2) is not None
    return False


_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
# pysbd's sentence alternatives for a sentence that starts with an opener.
_QUOTED_START = {
    opener: re.compile(pattern)
    for opener, pattern in (
        ("（", r"（(?:[^）])*）(?=\s?[A-Z])"),
        ("「", r"「(?:[^」])*」(?=\s[A-Z])"),
        ("(", r"\((?:[^\)]){2,}\)(?=\s[A-Z])"),
        ('"', r'\"(?:[^\"])*[^,]\"(?=\s[A-Z])'),
        ("“", r"\“(?:[^\”])*[^,]\”(?=\s[A-Z])"),
    )
}


_SPAN = re.Match.span


def _paired(text: str, single: bool) -> list[tuple[int, int]]:
    """Spans pysbd's between-punctuation rules mask (all terminals inside are not ends)."""
    spans: list[tuple[int, int]] = []
    if single:
        spans.extend(map(_SPAN, _SINGLE.finditer(text)))
    for trigger, pattern in _PAIRED:
        if trigger in text:
            spans.extend(map(_SPAN, pattern.finditer(text)))
    return spans


def _protected(
    block: str, single: bool, paired: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Ranges pysbd may treat as one unit (a cut inside one could change its answer)."""
    if not _has_pair_trigger(block):
        return []
    if paired is None:
        paired = _paired(block, single)
    spans = list(paired)
    for m in _openers(block):
        start, before = m.end() - 1, m.start()
        if block[before] in _TERMINALS and any(s <= before < e for s, e in paired):
            continue  # a masked terminal ends no sentence, so no sentence starts here
        opener = block[start]
        end = block.rfind("'") if opener == "'" else block.find(_CLOSER[opener], start + 1)
        if end > start:
            spans.append((start, end + 1))
    return spans


def _cuts(block: str, single: bool) -> list[tuple[int, int]]:
    """(end of left piece, start of right piece) at every certain, independent boundary."""
    candidates = []
    word_match = _WORD.fullmatch
    for m in _CUT.finditer(block):  # each test below only drops a candidate: order is free
        t, end = m.span()
        terminal = block[t]
        spaced = end > t + 1  # else a quote follows the terminal (empty branch)
        if not spaced and terminal != ".":
            continue  # "!" and "?" before a quote are masked
        start = block.rfind(" ", 0, t) + 1  # the word before (after a tab: no match, no cut)
        if not word_match(block, start, t):
            continue
        if block[start].isdigit() and (start == 0 or not spaced):
            continue  # pysbd masks "9." opening a block, and "9." before a non-space
        lower = spaced and block[end].islower()
        if terminal == ".":
            word = block[start:t].lower()
            if lower and word in _ANY_ABBREVIATION:
                continue
            if word in _PREPOSITIVE_ALL:
                continue
            if word in _ABBREVIATIONS and _I_NEXT.match(block, t + 1):
                continue
        elif terminal == "!" and lower:
            continue  # pysbd: \!(?=\s[a-z]) is not an end
        candidates.append((t, t + 1, end))
    paired = None
    if '"' in block or "”" in block:
        for m in _QUOTE_CUT.finditer(block):
            if paired is None:
                paired = _paired(block, single)
                closers = {e for s, e in paired}
            if m.start(1) in closers:
                candidates.append((m.start(1), m.start(1), m.end()))
    if not candidates:
        return []
    return _independent(candidates, _protected(block, single, paired))


def _independent(
    candidates: list[tuple[int, int, int]], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The (left, right) cuts no span reaches across: none starts before `right` and ends
    after `last` (the terminal or closing quote), found by the farthest end among the spans
    that start before `right` (sorted starts, running maximum of ends)."""
    if not spans:
        return sorted((left, right) for _, left, right in candidates)
    spans.sort()
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))
    free = []
    for last, left, right in candidates:
        i = bisect_left(starts, right)
        if i == 0 or reach[i - 1] <= last:
            free.append((left, right))
    return sorted(free)


def _one_sentence(piece: str, single: bool) -> bool:
    """True when pysbd cannot split `piece`: every terminal but a final one is masked, it
    does not start a quoted sentence, and has no quotation-then-capital to split at."""
    if piece[0] == "'" or _has_quote_at_end(piece):
        return False
    quoted = _QUOTED_START.get(piece[0])
    if quoted is not None and quoted.match(piece):
        return False
    last = len(piece) - 1
    if piece[last] in _TERMINALS and piece[last - 1 : last] in _TERMINALS:
        return False
    first = _TERMINAL.search(piece, 0, last)
    if first is None:
        return True  # most pieces: one search, no list
    inner = [m.start() for m in _TERMINAL.finditer(piece, first.start(), last)]
    spans = None
    for t in inner:
        if _masked(piece, t):
            continue
        if spans is None:
            spans = _paired(piece, single)
        if not any(s <= t < e for s, e in spans):
            return False
    return True


_QUOTED_SINGLE = re.compile(r"\'(?:[^\'])*[^,]\'(?=\s[A-Z])")


def _quotation_first(piece: str) -> bool:
    """Whether pysbd's sentence regex would take a quotation at the start of `piece` alone."""
    if piece[0] == "'":
        return _QUOTED_SINGLE.match(piece) is not None
    quoted = _QUOTED_START.get(piece[0])
    return quoted is not None and quoted.match(piece) is not None


def make_fast_split(split: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
    """A splitter equal to `split` (plain pysbd) on news text, calling it only where needed."""

    @lru_cache(maxsize=1 << 16)  # B mostly repeats A: keep a long document's worth
    def split_piece(piece: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in split(piece) if s.strip())

    # B's pieces mostly repeat A's even where its blocks differ (a word changed elsewhere)
    one_sentence = lru_cache(maxsize=1 << 16)(_one_sentence)

    @lru_cache(maxsize=1 << 16)
    def fast_split(block: str) -> tuple[str, ...]:
        stripped = block.strip()
        if not stripped:
            return ()
        if _blockwide(block):
            return split_piece(block)
        single = _SINGLE_OPENER.search(block) is not None and _pairs_single(block)
        cuts = _cuts(block, single)
        bounds = [0, *(x for cut in cuts for x in cut), len(block)]
        out: list[str] = []
        for start, end in zip(bounds[::2], bounds[1::2], strict=True):
            piece = block[start:end].strip()
            if not piece:
                continue
            last = end == len(block)
            quoted = _QUOTED_START.get(piece[0])
            if last and quoted and quoted.match(piece) and not _TERMINAL.search(piece):
                # pysbd runs its sentence regex over the whole block, not over this piece
                return split_piece(block)
            if one_sentence(piece, single):
                out.append(piece)
            elif (_SINGLE_OPENER.search(piece) and _pairs_single(piece) != single) or (
                list_rules_apply(piece)
            ):
                return split_piece(block)  # pysbd's block-wide choices differ for the piece
            else:
                sents = split_piece(piece)
                if len(sents) < 2 and start > 0 and last and _quotation_first(piece):
                    # pysbd runs no sentence regex over text without (unmasked) punctuation:
                    # alone, the piece stays whole; in the block, the quotation splits off
                    return split_piece(block)
                out.extend(sents)
        return tuple(out)

    return lambda block: list(fast_split(block))
