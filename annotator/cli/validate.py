"""`annotator validate FILE.xml ...`: check project files against the shipped schema."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.core import read_project, validate_file
from annotator.core.queries.overlaps import overlaps


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "validate", help="check project files: the shipped schema, consistency and links "
                         "sharing text, one line per problem (exit 0 only if all are valid)")
    p.add_argument("files", nargs="+", help="project XML files")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        problems = validate_file(path)
        if not problems:  # well-formed: now what the app itself would refuse to make
            problems = [(0, c.describe()) for c in overlaps(read_project(path).links.values())]
        if not problems:
            print(f"{path}: valid")
            continue
        status = 1
        for line, message in problems:
            where = f"{path}:{line}" if line else path  # line 0: the file as a whole
            print(f"{where}: {_without_name(path, message)}")
    return status


def _without_name(path: str, message: str) -> str:
    """The message without the file's name in front ("missing.xml: cannot be read…"), which
    the line already starts with."""
    for prefix in (f"{path}: ", f"{Path(path).name}: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message
