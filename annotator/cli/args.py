"""Argument types the subcommands share."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from annotator.core import AlignOptions, Document
from annotator.core.align.methods import resolve
from annotator.core.language import normalise_code

DEFAULT_THRESHOLD = AlignOptions().threshold


def default_method_problem() -> str | None:
    """Why "default" names no usable method (ANNOTATOR_DEFAULT_METHOD set to an unknown or
    uninstalled one), or None: checked once before a command aligns, not per pair."""
    try:
        resolve("default")
    except ValueError as exc:
        return str(exc)
    return None


def threshold(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("the threshold is a score between 0 and 1")
    return value


def jobs(text: str) -> int:
    """Worker processes: 0 means one per core."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes") from None
    if value < 0:
        raise argparse.ArgumentTypeError(
            f"{value} processes: give 1 or more, or 0 for one per core")
    return value


def add_encoding_options(parser: argparse.ArgumentParser) -> None:
    """--encoding (both articles) and --encoding-a/-b: the user's choice over the guess."""
    parser.add_argument("--encoding", metavar="ENC",
                        help="read both articles in this encoding (e.g. cp1252, latin-1, "
                             "utf-16); by default it is detected and a guess is reported")
    parser.add_argument("--encoding-a", metavar="ENC", help="encoding of article A only")
    parser.add_argument("--encoding-b", metavar="ENC", help="encoding of article B only")


def encodings(args: argparse.Namespace) -> tuple[str | None, str | None]:
    return (args.encoding_a or args.encoding, args.encoding_b or args.encoding)


def report_encoding_notes(docs: Iterable[Document], option: str = "") -> None:
    """Tell the user what decoding assumed, and how to choose otherwise (`option`, else
    each article's own --encoding-a/-b)."""
    for doc in docs:
        if doc.encoding_note:
            choose = option or f"--encoding-{doc.id.lower()}"
            print(f"note: {Path(doc.source).name}: {doc.encoding_note}; "
                  f"choose another with {choose} ENC", file=sys.stderr)


def language_code(text: str) -> str:
    """An ISO 639 code ("de", "DE", "de-AT"), refused at once when the project file could not
    store it, rather than after the alignment, as a schema error from the save."""
    code = normalise_code(text)
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a language code: give an ISO 639-1 code such as en or de")
    return code


def add_language_options(parser: argparse.ArgumentParser) -> None:
    """--lang (both articles) and --lang-a/-b: the user's choice over the detected language."""
    parser.add_argument("--lang", metavar="CODE", type=language_code,
                        help="language of both articles (ISO 639-1: en, de, fr, es, it, pt, "
                             "nl...); by default it is detected")
    parser.add_argument("--lang-a", metavar="CODE", type=language_code,
                        help="language of article A only")
    parser.add_argument("--lang-b", metavar="CODE", type=language_code,
                        help="language of article B only")


def languages(args: argparse.Namespace) -> tuple[str | None, str | None]:
    return (args.lang_a or args.lang, args.lang_b or args.lang)


def pair_or_project_problem(inputs: Sequence[str]) -> str:
    """Why `inputs` are not two articles or one project .xml, for an error line ("" when
    they are): one article alone is most often a forgotten second file."""
    if len(inputs) not in (1, 2):
        return "give two articles (A B) or one project XML"
    if len(inputs) == 1 and Path(inputs[0]).suffix.lower() != ".xml":
        return f"{Path(inputs[0]).name} is one article; name two (A B), or one project .xml"
    return ""
