"""`annotator suggest A B` / `annotator suggest project.xml`: for every sentence of either
article that no link covers, its likeliest counterparts in the other, best first.

Two text files are aligned first at the default settings; a saved project is taken with its
links as they are (accepted, manual, proposed; rejected pairs are not suggested again).
`--json` prints one object per unmatched sentence: `doc` ("A"/"B"), `span` ([start, end]
code-point offsets into the loaded text) and `candidates` (each a `span` in the other
article and a `score`, the probability that it is the sentence's partner).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from annotator.core import (
    AlignmentLink,
    AlignOptions,
    Document,
    DocumentLoadError,
    ProjectFileError,
    align,
    read_project,
)
from annotator.core.suggest import Suggestion, score_text, suggest

from .args import (
    add_encoding_options,
    encodings,
    pair_or_project_problem,
    report_encoding_notes,
)

PREVIEW = 90  # characters of a sentence shown in the readable listing


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the `suggest` subcommand (its handler is set as `func`)."""
    p = subparsers.add_parser(
        "suggest", help="likeliest partners of every unmatched sentence",
        description="For every sentence no link covers, the other article's sentences most "
        "likely to say the same thing, best first (a score is the probability that the "
        "candidate is the sentence's partner). Give two text files (aligned first, at the "
        "default settings) or one saved project (its links are used as they are).")
    p.add_argument("inputs", nargs="+", metavar="FILE",
                   help="article A and article B, or one project XML file")
    p.add_argument("-k", type=_positive, default=3, metavar="N",
                   help="candidates per sentence (default 3)")
    p.add_argument("--json", action="store_true", help="print a JSON array instead")
    add_encoding_options(p)
    p.set_defaults(func=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    """Handler: 0 on success, 2 when an input cannot be read."""
    if problem := pair_or_project_problem(args.inputs):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        doc_a, doc_b, links = _load(args.inputs, encodings(args))
    except (DocumentLoadError, ProjectFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    found = suggest(doc_a, doc_b, links, args.k)
    if args.json:
        rows = [json.dumps(as_json(s), ensure_ascii=False) for s in found]  # one per line
        sys.stdout.write("[\n" + ",\n".join(rows) + "\n]\n" if rows else "[]\n")
    else:
        sys.stdout.write(listing(found, doc_a, doc_b))
    return 0


def _load(inputs: Sequence[str], encoding: tuple[str | None, str | None],
          ) -> tuple[Document, Document, list[AlignmentLink]]:
    if len(inputs) == 1:
        project = read_project(inputs[0])
        return project.doc_a, project.doc_b, list(project.links.values())
    doc_a, doc_b = (Document.load(inputs[0], "A", encoding[0]),
                    Document.load(inputs[1], "B", encoding[1]))
    report_encoding_notes((doc_a, doc_b))
    return doc_a, doc_b, align(doc_a, doc_b, AlignOptions())


def as_json(suggestion: Suggestion) -> dict[str, object]:
    return {"doc": suggestion.doc, "span": [suggestion.span.start, suggestion.span.end],
            "candidates": [{"span": [c.span.start, c.span.end], "score": c.score}
                           for c in suggestion.candidates]}


def listing(found: Sequence[Suggestion], doc_a: Document, doc_b: Document) -> str:
    """The readable form: each unmatched sentence, then its candidates with scores."""
    docs = {"A": doc_a, "B": doc_b}
    numbers = {side: {s.start: k for k, s in enumerate(doc.sentences, start=1)}
               for side, doc in docs.items()}
    counts = {side: sum(1 for s in found if s.doc == side) for side in docs}
    lines = [f"{counts['A']} unmatched sentences in A, {counts['B']} in B; a score is the "
             "probability that the candidate is the sentence's partner."]
    for s in found:
        other = "B" if s.doc == "A" else "A"
        lines += ["", f"{s.doc} {numbers[s.doc].get(s.span.start, '?')}: "
                  f"{_preview(docs[s.doc].text[s.span.start : s.span.end])}"]
        if not s.candidates:
            lines.append("    (no candidates)")
        for rank, c in enumerate(s.candidates, start=1):
            lines.append(f"    {rank}. {score_text(c.score)}  {other} "
                         f"{numbers[other].get(c.span.start, '?')}: "
                         f"{_preview(docs[other].text[c.span.start : c.span.end])}")
    return "\n".join(lines) + "\n"


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW else flat[: PREVIEW - 1].rstrip() + "…"
