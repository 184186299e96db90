"""`annotator batch`: align many pairs on all cores, report bad lines and go on."""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from annotator.core import DocumentLoadError
from annotator.core.textio import decode_bytes, read_input_bytes

from . import show_text
from .args import DEFAULT_THRESHOLD, jobs, threshold


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "batch", help="align many pairs listed in a TSV file (id, path_a, path_b)")
    p.add_argument("pairs", help="TSV: one pair per line, id<TAB>path_a<TAB>path_b; # comments; "
                                 "a path may be any input `align` takes, or an http(s) URL")
    p.add_argument("-o", "--output", help="folder for <id>.xml files")
    p.add_argument(
        "-j", "--jobs", type=jobs, default=0, help="worker processes (default 0: one per core)"
    )
    p.add_argument("--threshold", type=threshold, default=DEFAULT_THRESHOLD,
                   help=f"lowest link score to propose, 0..1 (default {DEFAULT_THRESHOLD})")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--show-text", action="store_true", help=show_text.HELP)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.show_text:
        try:
            jobs, errors = parse_pairs(Path(args.pairs), Path(args.output or "."), 0.0)
        except OSError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        for message in errors:
            print(message, file=sys.stderr)
        shown = show_text.show_text([(f"{job.pair_id} {side}", path) for job in jobs
                                     for side, path in (("A", job.path_a), ("B", job.path_b))])
        return shown or (2 if errors else 0)
    if not args.output:
        print("error: -o/--output is required (or --show-text to see the texts)",
              file=sys.stderr)
        return 2
    return run_batch(
        Path(args.pairs),
        Path(args.output),
        jobs=args.jobs,
        threshold=args.threshold,
        progress=not args.quiet and sys.stderr.isatty(),
    )


@dataclass(frozen=True)
class PairJob:
    line: int
    pair_id: str
    path_a: Path | str  # a str is an http(s) URL
    path_b: Path | str
    output: Path
    threshold: float


def parse_pairs(tsv: Path, outdir: Path, threshold: float) -> tuple[list[PairJob], list[str]]:
    """Jobs from the TSV, plus one error message per unusable line (with its line number)."""
    jobs: list[PairJob] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    base = tsv.parent
    try:  # read and decoded as articles are: one worded error for a missing, binary... file
        data = read_input_bytes(tsv)  # never blocks on a FIFO
        text = decode_bytes(data, tsv.name).text if data.strip() else ""
    except DocumentLoadError as exc:
        raise OSError(str(exc)) from exc
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not all(f.strip() for f in fields):
            got = (f"{len(fields)} field(s)" if len(fields) != 3 else
                   "an empty " + " and an empty ".join(
                       name for name, f in zip(("id", "path_a", "path_b"), fields, strict=True)
                       if not f.strip()))
            errors.append(f"{tsv}:{number}: expected id<TAB>path_a<TAB>path_b, got {got}")
            continue
        pair_id, a, b = (f.strip() for f in fields)
        if "/" in pair_id or "\\" in pair_id or pair_id in {".", ".."}:
            errors.append(f"{tsv}:{number}: id {pair_id!r} cannot be a file name")
            continue
        if pair_id in seen:
            errors.append(f"{tsv}:{number}: id {pair_id!r} already used on line {seen[pair_id]}")
            continue
        seen[pair_id] = number
        jobs.append(PairJob(number, pair_id, _located(base, a), _located(base, b),
                            outdir / f"{pair_id}.xml", threshold))
    return jobs, errors


def _located(base: Path, path: str) -> Path | str:
    """A TSV path relative to the TSV's folder; a URL as it is."""
    from annotator.core.inputs import is_url

    return path if is_url(path) else base / path


def _one_core_per_pair() -> None:
    """In a pool worker: the pool already keeps every core busy with a pair of its own, so a
    pair must not fork for a second core (ProcessPoolExecutor's workers are not daemonic,
    which the two-core helper would notice by itself)."""
    from annotator.core.pair import CORES_ENV

    os.environ[CORES_ENV] = "1"


def _run_job(job: PairJob) -> tuple[int, int, list[str]]:
    """(line, links, what decoding assumed for each article that was not certain)."""
    from annotator.core import save_project
    from annotator.core.pair import align_pair

    project = align_pair(job.path_a, job.path_b, job.threshold, job.pair_id)
    save_project(project, job.output)
    notes = [f"{doc.id} {Path(doc.source).name}: {doc.encoding_note}"
             for doc in (project.doc_a, project.doc_b) if doc.encoding_note]
    return job.line, len(project.links), notes


def _reason(exc: Exception, output: Path) -> str:
    """Why a pair failed, in words: an OSError can only come from the save, and its str()
    ("[Errno 36] File name too long: '…'") would show Python's errno and temporary names."""
    if isinstance(exc, OSError):
        return f"cannot write {output}: {exc.strerror or exc}"
    return str(exc)


class _Progress:
    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.done, self.enabled, self.start = total, 0, enabled, time.monotonic()

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = int(width * self.done / max(1, self.total))
        rate = self.done / max(1e-9, time.monotonic() - self.start)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
            f"{rate:.1f} pairs/s"
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def run_batch(
    tsv: Path,
    outdir: Path,
    *,
    jobs: int = 0,
    threshold: float | None = None,
    progress: bool = False,
) -> int:
    """Exit code 0 if every pair was aligned, 1 if any line or pair failed."""
    if threshold is None:
        from annotator.core import AlignOptions

        threshold = AlignOptions().threshold
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"error: cannot create {outdir}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        pair_jobs, errors = parse_pairs(tsv, outdir, threshold)
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for message in errors:
        print(message, file=sys.stderr)
    workers = jobs or os.cpu_count() or 1
    bar = _Progress(len(pair_jobs), progress)
    failed = len(errors)
    links = 0
    pool_size = min(workers, max(1, len(pair_jobs)))
    # one worker: its pair may use two cores; more: one core per pair
    one_core = _one_core_per_pair if pool_size > 1 else None
    with ProcessPoolExecutor(max_workers=pool_size, initializer=one_core) as pool:
        futures = {pool.submit(_run_job, job): job for job in pair_jobs}
        try:
            for future in as_completed(futures):
                job = futures[future]
                bar.step()
                try:
                    _line, found, notes = future.result()
                    links += found
                    for note in notes:
                        print(f"{tsv}:{job.line}: pair {job.pair_id!r}: note: {note}",
                              file=sys.stderr)
                except Exception as exc:  # one bad pair must not stop the rest
                    failed += 1
                    if progress:
                        sys.stderr.write("\n")
                    print(f"{tsv}:{job.line}: pair {job.pair_id!r} failed: "
                          f"{_reason(exc, job.output)}", file=sys.stderr)
        except KeyboardInterrupt:
            # Ctrl+C stops the batch: leaving the `with` would otherwise wait for every
            # queued pair to run; pairs already running end with their (atomic) save
            pool.shutdown(cancel_futures=True)
            raise
    bar.close()
    ok = len(pair_jobs) - (failed - len(errors))
    print(f"{ok} pair(s) aligned into {outdir}, {links} links; {failed} failed")
    return 1 if failed else 0
