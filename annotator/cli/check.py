"""`annotator check A B` / `annotator check project.xml`: discrepancy flags between the two
articles, as a readable report or JSON; `--candidates` lists claim candidates.

Exit status: 0 when nothing is flagged (no open flag), 1 when something is, 2 on an error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from annotator.core import DocumentLoadError, Project, read_project
from annotator.core.assist.candidates import KIND_LABELS, find_candidates
from annotator.core.assist.check import check_project
from annotator.core.assist.model import FLAG_KINDS, Candidate, Flag, FlagState
from annotator.core.document import Span
from annotator.core.pair import align_pair

from .args import (
    DEFAULT_THRESHOLD,
    add_encoding_options,
    encodings,
    pair_or_project_problem,
    report_encoding_notes,
    threshold,
)
from .output import report_stream, write_project


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "check", help="flag where two articles disagree (numbers, quotes, sources, hedges)",
        description="Compare the aligned passages of two articles, or of a saved project "
                    "(its links and claim links included), and flag changed numbers, altered "
                    "quotes, changed or dropped sources, added or removed hedges and checkable "
                    "statements with no counterpart. Exit 0: nothing flagged; 1: flags; 2: error.")
    p.add_argument("inputs", nargs="+", metavar="FILE",
                   help="two articles (A B), or one project XML")
    p.add_argument("--json", action="store_true",
                   help="print a JSON array (flags, or candidates with --candidates)")
    p.add_argument("-o", "--output", help="write the project with its flags to this XML file")
    p.add_argument("--candidates", action="store_true",
                   help="list claim candidates in both articles instead of flags (exit 0)")
    p.add_argument("--threshold", type=threshold, default=DEFAULT_THRESHOLD,
                   help=f"alignment threshold for two articles, 0..1 (default {DEFAULT_THRESHOLD})")
    add_encoding_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if problem := pair_or_project_problem(args.inputs):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        project = (read_project(args.inputs[0]) if len(args.inputs) == 1
                   else align_pair(args.inputs[0], args.inputs[1], args.threshold,
                                   encodings=encodings(args)))
    except DocumentLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if len(args.inputs) == 2:
        report_encoding_notes((project.doc_a, project.doc_b))
    if args.candidates:
        found = [*find_candidates(project, project.doc_a.id),
                 *find_candidates(project, project.doc_b.id)]
        if args.json:
            print(json.dumps([candidate_json(project, c) for c in found], ensure_ascii=False,
                             indent=2))
        else:
            print(candidate_report(project, found))
        return 0
    articles = args.inputs if len(args.inputs) == 2 else []  # a project may be rewritten
    flags = check_project(project)
    project.assist.flags = {flag.id: flag for flag in flags}
    if args.output and not write_project(project, args.output, articles):
        return 2
    out = report_stream(args.output)
    if args.json:
        print(json.dumps([flag_json(project, f) for f in flags], ensure_ascii=False, indent=2),
              file=out)
    else:
        print(report(project, flags, args.inputs), file=out)
    return 1 if any(f.state == FlagState.OPEN for f in flags) else 0


def flag_json(project: Project, flag: Flag) -> dict[str, Any]:
    return {
        "id": flag.id,
        "kind": flag.kind,
        "a": [flag.a.start, flag.a.end] if flag.a else None,
        "b": [flag.b.start, flag.b.end] if flag.b else None,
        "explanation": flag.explanation,
        "state": flag.state.value,
        "a_text": project.doc_a.text[flag.a.start:flag.a.end] if flag.a else None,
        "b_text": project.doc_b.text[flag.b.start:flag.b.end] if flag.b else None,
    }


def candidate_json(project: Project, c: Candidate) -> dict[str, Any]:
    return {"doc": c.doc, "kind": c.kind, "span": [c.start, c.end], "text": c.exact,
            "claim_type": c.claim_type, "attributes": dict(c.attributes), "note": c.note}


def report(project: Project, flags: list[Flag], inputs: list[str]) -> str:
    names = [Path(p).name for p in inputs]
    head = (f"A: {names[0]}   B: {names[1]}" if len(names) == 2
            else f"project: {names[0]}")
    open_flags = [f for f in flags if f.state == FlagState.OPEN]
    counts = ", ".join(f"{k} {sum(f.kind == k for f in open_flags)}" for k in FLAG_KINDS)
    lines = [head, f"{len(project.links)} aligned passages; {len(open_flags)} open flags "
                   f"({counts})"]
    decided = len(flags) - len(open_flags)
    if decided:
        lines[-1] += f"; {decided} already dismissed or turned into claim links"
    if not open_flags:
        lines.append("No discrepancies found.")
    for flag in open_flags:
        lines += ["", f"[{flag.id}] {flag.kind}: {flag.explanation}"]
        for side, doc, span in (("A", project.doc_a, flag.a), ("B", project.doc_b, flag.b)):
            if span is None:
                lines.append(f"  {side}  (nothing)")
            else:
                lines.append(f"  {side} {span.start}-{span.end}: {_excerpt(doc.text, span)}")
    return "\n".join(lines)


def candidate_report(project: Project, found: list[Candidate]) -> str:
    lines = []
    for doc in (project.doc_a, project.doc_b):
        mine = [c for c in found if c.doc == doc.id]
        lines.append(f"{doc.id}: {doc.title[:70]} ({len(mine)} candidates)")
        for c in mine:
            extra = "; ".join(f"{k}: {v}" for k, v in c.attributes)
            text = " ".join(c.exact.split())
            text = text if len(text) <= 90 else text[:89] + "…"
            lines.append(f"  {c.start}-{c.end} {KIND_LABELS[c.kind]}: {text}"
                         + (f"  [{extra}]" if extra else ""))
        lines.append("")
    return "\n".join(lines).rstrip()


def _excerpt(text: str, span: Span, reach: int = 40) -> str:
    """The evidence in «» with a little context on each side, on one line."""
    before = text[max(0, span.start - reach):span.start]
    after = text[span.end:span.end + reach]
    inner = text[span.start:span.end]
    if len(inner) > 160:
        inner = inner[:80] + " … " + inner[-60:]
    out = f"…{before}«{inner}»{after}…"
    return " ".join(out.split())
