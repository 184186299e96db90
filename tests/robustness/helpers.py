"""Small builders shared by the robustness tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from annotator.core import ClaimLink, Document, Project, new_project, project_to_bytes

ROOT = Path(__file__).resolve().parents[2]

TEXT_A = ("The minister said the plan was final. Officials said 12 percent of funds were cut. "
          "Critics disagreed, and the minister repeated that the plan was final.")
TEXT_B = ("Officials confirmed a 12 percent cut on Tuesday. The minister called the plan final. "
          "Opposition parties disagreed.")


def small_project() -> Project:
    """Two short articles with two claims, a claim link and a note."""
    project = new_project(Document.from_text("A", TEXT_A), Document.from_text("B", TEXT_B))
    a = TEXT_A.index("12 percent")
    project.put_claim(project.make_claim("A", a, a + 28, "statistic", note="first half"))
    b = TEXT_B.index("12 percent")
    project.put_claim(project.make_claim("B", b, b + 14, "statistic"))
    project.put_claim_link(ClaimLink(project.new_id("r"), "c1", "c2", "same", "checked"))
    return project


def small_project_xml() -> str:
    return project_to_bytes(small_project()).decode("utf-8")


def cli(
    *args: str, timeout: float = 120, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m annotator ARGS` and return the finished process."""
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True,
                          text=True, timeout=timeout, cwd=cwd or ROOT)
