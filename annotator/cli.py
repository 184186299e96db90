"""Headless subcommands over the same core the GUI uses; they write the XML the GUI opens.

annotator align A.txt B.txt -o pair.xml      align one pair (-o - writes to stdout)
annotator batch PAIRS.tsv -o OUTDIR           align many pairs on all cores
annotator validate FILE.xml ...               check files against the shipped schema
annotator export FILE.xml -f FORMAT           TEI, JSON-LD, CSV, XCES, HTML (cli_export.py)
annotator bench NAME                          run a benchmark script from benchmarks/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator import __version__
from annotator.core import (
    AlignOptions,
    AlignSettings,
    Document,
    DocumentLoadError,
    Project,
    ProjectFileError,
    align,
    coverage,
    new_project,
    project_to_bytes,
    save_project,
    validate_file,
)

from .batch import run_batch


def align_pair(path_a: str | Path, path_b: str | Path, threshold: float, name: str = "") -> Project:
    """Load, align and wrap two files into a project (shared by `align` and `batch`)."""
    doc_a = Document.load(path_a, "A")
    doc_b = Document.load(path_b, "B")
    options = AlignOptions(threshold=threshold)
    project = new_project(doc_a, doc_b, name=name)
    project.settings = AlignSettings(threshold, options.method)
    project.replace_proposals(align(doc_a, doc_b, options))
    return project


def summary(project: Project) -> str:
    return (
        f"{len(project.links)} links; {coverage(project, 'A'):.0%} of A and "
        f"{coverage(project, 'B'):.0%} of B covered by links"
    )


def _cmd_align(args: argparse.Namespace) -> int:
    try:
        project = align_pair(args.a, args.b, args.threshold, args.name or "")
    except DocumentLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.output == "-":
        sys.stdout.buffer.write(project_to_bytes(project))
        sys.stdout.flush()
    else:
        try:
            save_project(project, args.output)
        except OSError as exc:
            print(f"error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    print(summary(project), file=sys.stderr if args.output == "-" else sys.stdout)
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        problems = validate_file(path)
        if not problems:
            print(f"{path}: valid")
            continue
        status = 1
        for line, message in problems:
            print(f"{path}:{line}: {message}")
    return status


def _cmd_batch(args: argparse.Namespace) -> int:
    return run_batch(
        Path(args.pairs),
        Path(args.output),
        jobs=args.jobs,
        threshold=args.threshold,
        progress=not args.quiet and sys.stderr.isatty(),
    )


BENCHMARKS = {
    "quality": "quality.py",
    "speed": "speed.py",
    "batch": "batch_scaling.py",
    "app": "app_speed.py",
}


def _cmd_bench(args: argparse.Namespace) -> int:
    script = Path(__file__).resolve().parents[1] / "benchmarks" / BENCHMARKS[args.name]
    if not script.exists():
        print(
            f"error: {script} not found; benchmarks ship with the source checkout only",
            file=sys.stderr,
        )
        return 2
    import subprocess

    return subprocess.call([sys.executable, str(script), *args.args])


def _threshold(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("the threshold is a score between 0 and 1")
    return value


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
    default = AlignOptions().threshold

    p = sub.add_parser("align", help="align two text files and write the project XML")
    p.add_argument("a", help="article A (plain text or Markdown)")
    p.add_argument("b", help="article B")
    p.add_argument("-o", "--output", required=True, help="project XML to write, or - for stdout")
    p.add_argument(
        "--threshold",
        type=_threshold,
        default=default,
        help=f"lowest link score to propose, 0..1 (default {default})",
    )
    p.add_argument("--name", help="project name stored in the file")
    p.set_defaults(func=_cmd_align)

    p = sub.add_parser("batch", help="align many pairs listed in a TSV file (id, path_a, path_b)")
    p.add_argument("pairs", help="TSV: one pair per line, id<TAB>path_a<TAB>path_b; # comments")
    p.add_argument("-o", "--output", required=True, help="folder for <id>.xml files")
    p.add_argument(
        "-j", "--jobs", type=int, default=0, help="worker processes (default: all cores)"
    )
    p.add_argument("--threshold", type=_threshold, default=default)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_batch)

    p = sub.add_parser("validate", help="check project files against the shipped schema")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("bench", help="run a benchmark from benchmarks/ (source checkout only)")
    p.add_argument("name", choices=sorted(BENCHMARKS), help="which benchmark")
    p.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the benchmark script")
    p.set_defaults(func=_cmd_bench)

    _add_optional_parsers(sub)
    return parser


def _add_optional_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Subcommands that live in their own modules."""
    try:
        from .cli_export import add_export_parser
    except ImportError:
        return
    add_export_parser(sub)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ProjectFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
