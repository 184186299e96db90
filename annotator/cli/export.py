"""`annotator export FILE.xml --format NAME [-o OUT]`: interchange exports from the CLI.

The formats are the core registry's (`annotator.core.export.EXPORTERS`), the same list the
GUI's File > Export menu shows. `-o -` writes a single-file format to stdout; `-o DIR` (or no
`-o`) names the file after the project; `--format all` writes every format into one folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from annotator.core import ProjectFileError, read_project
from annotator.core.atomic import same_file
from annotator.core.export import EXPORTERS, Exporter, ExportError, raw_csv


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the `export` subcommand (its handler is set as `func`)."""
    formats = "; ".join(f"{e.name}: {e.description} ({e.suffix})" for e in EXPORTERS.values())
    p = subparsers.add_parser(
        "export", help="export a project to TEI, Web Annotation, ClaimReview, CSV, XCES, brat, "
                       "INCEpTION XMI or an HTML report",
        description=f"Formats: {formats}.")
    p.add_argument("project", help="project XML file")
    p.add_argument("-f", "--format", required=True, choices=[*EXPORTERS, "all"],
                   help="export format, or 'all' to write every format into a folder")
    p.add_argument("-o", "--output",
                   help="file to write, a folder, or - for stdout (default: beside the project)")
    p.add_argument("--raw-csv", action="store_true",
                   help="write CSV cells exactly as in the project; by default a cell that "
                        "starts with = + - @, a tab or a carriage return gets a leading ' so "
                        "spreadsheets never run it")
    p.set_defaults(func=run_export)


def _target(project_path: Path, output: str | None, exporter: Exporter) -> Path:
    name = project_path.name
    stem = name[: -len(project_path.suffix)] if project_path.suffix else name
    if output is None:
        return project_path.with_name(stem + exporter.suffix)
    out = Path(output)
    if out.is_dir():
        return out / (stem + exporter.suffix)
    return out


def run_export(args: argparse.Namespace) -> int:
    """Handler: 0 on success, 2 when the project cannot be read or an export cannot be written."""
    path = Path(args.project)
    try:
        project = read_project(path)
    except ProjectFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    exporters = raw_csv(EXPORTERS) if args.raw_csv else EXPORTERS
    if args.format == "all" and args.output == "-":
        print("error: --format all needs a folder, not stdout", file=sys.stderr)
        return 2
    chosen = list(exporters.values()) if args.format == "all" else [exporters[args.format]]
    output: str | None = args.output
    # every format into a folder; so does "-o out/", which names a folder, not a file "out"
    if args.format == "all" or (output or "").endswith(("/", os.sep)):
        folder = Path(output) if output else path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"error: cannot create {folder}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        output = str(folder)
    if output == "-":
        if not chosen[0].single_file:
            print(f"error: {chosen[0].name} writes several files, not one: give a file or "
                  "folder name with -o", file=sys.stderr)
            return 2
        sys.stdout.buffer.write(chosen[0].render(project))
        sys.stdout.flush()
        return 0
    try:
        for exporter in chosen:
            target = _target(path, output, exporter)
            if clash := next((t for t in exporter.targets(project, target)
                              if same_file(t, path)), None):
                print(f"error: {clash} is the project itself; the {exporter.name} export "
                      "would replace it: choose another -o", file=sys.stderr)
                return 2
            for written in exporter.write(project, target):
                print(f"wrote {written}")
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
