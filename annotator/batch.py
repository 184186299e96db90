"""`annotator batch`: align many pairs on all cores, report bad lines and go on."""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PairJob:
    line: int
    pair_id: str
    path_a: Path
    path_b: Path
    output: Path
    threshold: float


def parse_pairs(tsv: Path, outdir: Path, threshold: float) -> tuple[list[PairJob], list[str]]:
    """Jobs from the TSV, plus one error message per unusable line (with its line number)."""
    jobs: list[PairJob] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    base = tsv.parent
    text = tsv.read_text(encoding="utf-8-sig", errors="replace")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not all(f.strip() for f in fields):
            errors.append(
                f"{tsv}:{number}: expected id<TAB>path_a<TAB>path_b, got {len(fields)} field(s)"
            )
            continue
        pair_id, a, b = (f.strip() for f in fields)
        if "/" in pair_id or "\\" in pair_id or pair_id in {".", ".."}:
            errors.append(f"{tsv}:{number}: id {pair_id!r} cannot be a file name")
            continue
        if pair_id in seen:
            errors.append(f"{tsv}:{number}: id {pair_id!r} already used on line {seen[pair_id]}")
            continue
        seen[pair_id] = number
        jobs.append(
            PairJob(number, pair_id, base / a, base / b, outdir / f"{pair_id}.xml", threshold)
        )
    return jobs, errors


def _one_core_per_pair() -> None:
    """In a pool worker: the pool already keeps every core busy with a pair of its own, so a
    pair must not fork for a second core (twocore; ProcessPoolExecutor's workers are not
    daemonic, which twocore would notice by itself)."""
    from annotator.core import twocore

    os.environ[twocore.ENV] = "1"


def _run_job(job: PairJob) -> tuple[int, int]:
    from annotator.cli import align_pair
    from annotator.core import save_project

    project = align_pair(job.path_a, job.path_b, job.threshold, job.pair_id)
    save_project(project, job.output)
    return job.line, len(project.links)


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
        for future in as_completed(futures):
            job = futures[future]
            bar.step()
            try:
                links += future.result()[1]
            except Exception as exc:  # one bad pair must not stop the rest
                failed += 1
                if progress:
                    sys.stderr.write("\n")
                print(f"{tsv}:{job.line}: pair {job.pair_id!r} failed: {exc}", file=sys.stderr)
    bar.close()
    ok = len(pair_jobs) - (failed - len(errors))
    print(f"{ok} pair(s) aligned into {outdir}, {links} links; {failed} failed")
    return 1 if failed else 0
