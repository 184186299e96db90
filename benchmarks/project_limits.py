"""Reading the largest project the app accepts, and refusing a bigger one: time and memory.

    .venv/bin/python benchmarks/project_limits.py [--scale 1.0] [--write]

Builds a project at the limits of core/limits.py (MAX_LINKS alignment links, MAX_CLAIMS
claims, MAX_CLAIM_LINKS claim links, two articles of the given share of the largest stored
size), saves it, then reads it back in a fresh process and reports the wall time and the
peak RSS of that process (its baseline: the same process after imports, before reading).
Then one link over the limit: how fast it is refused and at what peak RSS. --write records
the table in RESULTS.md (section "limits").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core import AlignmentLink, ClaimLink, Document, Span, new_project  # noqa: E402
from annotator.core.annotations import Project  # noqa: E402
from annotator.core.limits import (  # noqa: E402
    MAX_CLAIM_LINKS,
    MAX_CLAIMS,
    MAX_DOCUMENT_XML_BYTES,
    MAX_LINKS,
)
from annotator.core.xmlio.write import _serialise  # noqa: E402

_READER = """
import json, sys, time
from annotator.core import read_project, ProjectFileError
def hwm():  # VmHWM: peak RSS of this process image (ru_maxrss would count the parent's)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
base = hwm()
t = time.perf_counter()
try:
    p = read_project(sys.argv[1]); outcome = f"read: {len(p.links)} links, {len(p.claims)} claims"
except ProjectFileError as exc:
    outcome = "refused: " + str(exc)[:120]
elapsed = time.perf_counter() - t
print(json.dumps({"s": elapsed, "peak_mb": hwm(), "base_mb": base,
                  "outcome": outcome}))
"""


def build(scale: float, links: int) -> Project:
    """Two articles of `scale` x the largest stored size, `links` links over them."""
    words = (ROOT / "samples").glob("*.txt")
    base = " ".join(p.read_text(encoding="utf-8") for p in sorted(words)).replace("\n", " ")
    size = int(MAX_DOCUMENT_XML_BYTES * scale * 0.98)
    text = (base * (size // len(base) + 1))[:size]
    doc_a, doc_b = Document.from_text("A", text), Document.from_text("B", text)
    project = new_project(doc_a, doc_b)
    step = max(2, len(text) // max(links, 1))
    for n in range(links):
        s = (n * step) % (len(text) - 2)
        span = Span(s, s + min(step, 2))
        project.links[f"l{n}"] = AlignmentLink(f"l{n}", (span,), (span,), 0.9)
    cstep = len(text) // MAX_CLAIMS
    for n in range(MAX_CLAIMS):
        doc = "A" if n % 2 == 0 else "B"
        s = n * cstep
        project.claims[f"c{n}"] = project.make_claim(doc, s, s + 60, "quote", claim_id=f"c{n}")
    for n in range(MAX_CLAIM_LINKS):
        a, b = 2 * (n % (MAX_CLAIMS // 2)), 2 * (n % (MAX_CLAIMS // 2)) + 1
        project.claim_links[f"k{n}"] = ClaimLink(f"k{n}", f"c{a}", f"c{b}", "same")
    return project


def measure(path: Path) -> dict[str, object]:
    out = subprocess.run([sys.executable, "-c", _READER, str(path)], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="share of the largest article size (default 1.0)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, links in (("largest accepted", MAX_LINKS), ("one link over", MAX_LINKS + 1)):
            t = time.perf_counter()
            data = _serialise(build(args.scale, links))
            path = Path(tmp) / "big.xml"
            path.write_bytes(data)
            del data
            built = time.perf_counter() - t
            result = measure(path)
            rows.append((label, path.stat().st_size / 2**20, built, result))
    print("| project | file MiB | read s | peak RSS MB | RSS after imports MB | outcome |")
    print("|---|---|---|---|---|---|")
    for label, mib, _built, r in rows:
        print(f"| {label} | {mib:.0f} | {r['s']:.2f} | {r['peak_mb']:.0f} | "
              f"{r['base_mb']:.0f} | {r['outcome']} |")


if __name__ == "__main__":
    main()
