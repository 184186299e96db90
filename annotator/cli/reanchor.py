"""`annotator reanchor project.xml --doc A new.txt -o out.xml`: replace one article's text.

For a corrected version of an article: claims and the alignment links a person decided are
re-attached to the new text, proposals are re-aligned, and a report lists what moved. Claims
whose passage is gone are kept as orphans in the written project (the GUI lists them to place
or delete) and named in the report; nothing is dropped silently.
"""

from __future__ import annotations

import argparse
import sys

from annotator.core import (
    AlignOptions,
    Document,
    DocumentLoadError,
    ProjectError,
    align,
    read_project,
)
from annotator.core.replace_text import replace_document

from .args import report_encoding_notes
from .output import report_stream, write_project

METHODS = ("default", "semantic")


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "reanchor", help="replace one article's text, keeping claims and decided links",
        description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("project", help="project XML file")
    p.add_argument("--doc", required=True, metavar="ID", help="which article to replace (A or B)")
    p.add_argument("text", help="the new version of that article")
    p.add_argument("-o", "--output", required=True, help="project XML to write, or - for stdout")
    p.add_argument("--no-align", action="store_true",
                   help="do not re-align: keep only the decided links")
    p.add_argument("--encoding", metavar="ENC",
                   help="read the new text in this encoding (e.g. cp1252, latin-1, utf-16); "
                        "by default it is detected")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    project = read_project(args.project)  # ProjectFileError: reported by cli.main
    ids = (project.doc_a.id, project.doc_b.id)
    if args.doc not in ids:
        print(f"error: --doc must be {ids[0]} or {ids[1]}, not {args.doc!r}", file=sys.stderr)
        return 2
    try:
        new_doc = Document.load(args.text, args.doc, args.encoding)
    except DocumentLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report_encoding_notes((new_doc,), "--encoding")
    try:
        updated, report = replace_document(project, args.doc, new_doc)
    except ProjectError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.no_align:
        settings = updated.settings
        options = AlignOptions(threshold=settings.threshold,
                               method=settings.method if settings.method in METHODS else "default")
        updated.replace_proposals(align(updated.doc_a, updated.doc_b, options,
                                        anchors=updated.anchors()))
    out = report_stream(args.output)
    if not write_project(updated, args.output, (args.text,)):
        return 2
    for line in report.lines(realign=not args.no_align):
        print(line, file=out)
    if not args.no_align:
        proposed = len(updated.links) - len(updated.anchors())
        print(f"Re-aligned: {proposed} proposed links.", file=out)
    return 0
