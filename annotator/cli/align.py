"""`annotator align A B -o pair.xml`: align one pair and write the project XML."""

from __future__ import annotations

import argparse
import sys

from annotator.core import DocumentLoadError, Project, coverage
from annotator.core.align.methods import METHODS
from annotator.core.pair import align_pair

from . import show_text
from .args import (
    DEFAULT_THRESHOLD,
    add_encoding_options,
    add_language_options,
    encodings,
    languages,
    report_encoding_notes,
    threshold,
)
from .output import report_stream, write_project


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("align", help="align two articles and write the project XML")
    p.add_argument("a", help="article A: .txt, .md, .html/.htm, .mhtml, .docx, .pdf or an "
                             "http(s):// address (fetched on this request)")
    p.add_argument("b", help="article B, the same kinds")
    p.add_argument("-o", "--output", help="project XML to write, or - for stdout")
    p.add_argument("--show-text", action="store_true", help=show_text.HELP)
    p.add_argument(
        "--threshold",
        type=threshold,
        default=DEFAULT_THRESHOLD,
        help=f"lowest link score to propose, 0..1 (default {DEFAULT_THRESHOLD})",
    )
    p.add_argument("--name", help="project name stored in the file")
    p.add_argument("--method", default="default", choices=["default", *METHODS],
                   help="sentence model: default (the best installed), lexical (words only), "
                        "wordllama (built in), minilm (optional extra)")
    add_encoding_options(p)
    add_language_options(p)
    p.set_defaults(func=run)


def summary(project: Project) -> str:
    return (
        f"{len(project.links)} links; {coverage(project, 'A'):.0%} of A and "
        f"{coverage(project, 'B'):.0%} of B covered by links"
    )


def run(args: argparse.Namespace) -> int:
    if args.show_text:
        return show_text.show_text([("A", args.a), ("B", args.b)])
    if not args.output:
        print("error: -o/--output is required (or --show-text to see the texts)",
              file=sys.stderr)
        return 2
    try:
        project = align_pair(args.a, args.b, args.threshold, args.name or "", args.method,
                             encodings(args), languages(args))
    except (DocumentLoadError, ValueError) as exc:  # ValueError: a method not installed
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report_encoding_notes((project.doc_a, project.doc_b))
    if not write_project(project, args.output, (args.a, args.b)):
        return 2
    print(summary(project), file=report_stream(args.output))
    return 0
