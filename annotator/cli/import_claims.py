"""`annotator import PROJECT.xml --doc A FILE... -o OUT.xml`: claims tagged in brat or
INCEpTION come into a project as claims; types are matched by name and the rest is reported."""

from __future__ import annotations

import argparse
import sys

from annotator.core import ProjectFileError, read_project
from annotator.core.export.claim_import import IMPORTERS, ClaimImportError, import_claims

from .output import report_stream, write_project


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    kinds = ", ".join(f"{name} ({suffix})" for suffix, (name, _) in IMPORTERS.items())
    p = subparsers.add_parser(
        "import", help="bring claims tagged in brat or INCEpTION into a project",
        description=f"Reads {kinds}. Claim types are matched by name (id or label, any case); "
                    "spans of other types, relations and text that is not in the article are "
                    "listed, not imported.")
    p.add_argument("project", help="project XML file")
    p.add_argument("files", nargs="+", help="brat .ann or INCEpTION .xmi files")
    p.add_argument("--doc", required=True, choices=["A", "B"],
                   help="the article the files annotate")
    p.add_argument("-o", "--output", required=True,
                   help="project XML to write (may be the project itself)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        project = read_project(args.project)
    except ProjectFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    added, out = 0, report_stream(args.output)  # with -o -, stdout is the project's
    for path in args.files:
        try:
            report = import_claims(project, args.doc, path)
        except ClaimImportError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(report, file=out)
        added += len(report.added)
    if not write_project(project, args.output, args.files):
        return 2
    print(f"wrote {args.output} ({added} claims added)", file=out)
    return 0
