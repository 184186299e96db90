"""Headless subcommands over the same core the GUI uses; they write the XML the GUI opens.

annotator align A.txt B.txt -o pair.xml      align one pair (-o - writes to stdout)
annotator batch PAIRS.tsv -o OUTDIR           align many pairs on all cores
annotator validate FILE.xml ...               check files against the shipped schema
annotator export FILE.xml -f FORMAT           TEI, JSON-LD, ClaimReview, CSV, XCES, brat, XMI, HTML
annotator import FILE.xml --doc A X.ann -o OUT claims from brat (.ann) or INCEpTION (.xmi)
annotator reanchor P.xml --doc A NEW.txt -o OUT.xml   replace an article's text, keep the work
annotator suggest A.txt B.txt [--json]        likeliest partners of unmatched sentences
annotator bench NAME                          run a benchmark script from benchmarks/
annotator check A B | project.xml [--json]    flag where the two articles disagree

This module builds the parser and dispatches; each subcommand is a module of this package
with an `add_parser(subparsers)` that registers it and sets its handler as `func`.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys

from annotator import __version__
from annotator.core import ProjectFileError

from . import align, batch, bench, check, export, import_claims, reanchor, suggest, validate
from .args import default_method_problem

# in the order `annotator --help` lists them
SUBCOMMANDS = (align, batch, validate, bench, export, import_claims, reanchor, check, suggest)
ALIGNING = {"align", "batch", "reanchor", "check", "suggest"}  # they score pairs by default


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description=(
            "Align two articles, tag and link their claims. Without a subcommand, "
            "`annotator [A B | project.xml]` opens the desktop app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in SUBCOMMANDS:
        module.add_parser(sub)
    return parser


def subcommand_names() -> list[str]:
    """The subcommands, sorted, as the parser knows them (for messages that list them)."""
    subparsers = next(a for a in build_parser()._actions
                      if isinstance(a, argparse._SubParsersAction))
    return sorted(subparsers.choices)


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand. A reader that goes away early (`annotator … | head`) ends it
    quietly with exit code 1, what the Python documentation recommends for EPIPE (see the
    note on SIGPIPE in the `signal` module), whichever write fails: one during the run or the
    last flush, which is made here and not at interpreter exit where it would print. A full
    disk under `> file` is one error line and exit code 2."""
    try:
        try:
            return _run(argv)
        finally:
            sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        return 1
    except OSError as exc:
        if exc.errno not in OUTPUT_FULL:
            raise
        # `annotator … > file` on a full disk: files the subcommands write word this
        # themselves, so what reaches here is standard output
        _discard_stdout()
        print(f"error: cannot write the output: {exc.strerror}", file=sys.stderr)
        return 2


OUTPUT_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _discard_stdout() -> None:
    """The rest of the output goes nowhere, so the flush at exit cannot fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    uses_default = getattr(args, "method", "default") == "default"  # unless align names one
    if args.command in ALIGNING and uses_default and (problem := default_method_problem()):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except ProjectFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
