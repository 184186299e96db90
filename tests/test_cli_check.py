"""`annotator check`: readable report, JSON flags with code-point offsets, exit codes, saved
projects (their links and claims), -o and --candidates."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import Document, new_project, read_project, save_project
from annotator.core.annotations import ClaimLink

A = ("Rescuers searched the valley overnight. A landslide destroyed 85 houses in Orvik on "
     "Sunday, the county said. “We lost everything,” said résident Ana Ruiz. Roads stayed shut.")
B = ("Rescuers searched the valley overnight. A landslide destroyed 58 houses in Orvik on "
     "Sunday, the county said. “We lost everything,” said résident Ana Ruiz. Roads stayed shut.")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_flags_with_offsets_and_exit_1(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    a, b = write(tmp_path, "a.txt", A), write(tmp_path, "b.txt", B)
    assert main(["check", str(a), str(b), "--json"]) == 1
    flags = json.loads(capsys.readouterr().out)
    assert [f["kind"] for f in flags] == ["number"]
    flag = flags[0]
    assert A[slice(*flag["a"])] == "85" and B[slice(*flag["b"])] == "58"
    assert "85" in flag["explanation"] and "58" in flag["explanation"]


def test_nothing_flagged_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write(tmp_path, "a.txt", A)
    b = write(tmp_path, "b.txt", A.replace("85", "eighty-five"))
    assert main(["check", str(a), str(b)]) == 0
    assert "No discrepancies found." in capsys.readouterr().out
    assert main(["check", str(a), str(b), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_omission_has_a_null_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write(tmp_path, "a.txt", A + " Repairs could cost $3 million, officials said.")
    b = write(tmp_path, "b.txt", A)
    assert main(["check", str(a), str(b), "--json"]) == 1
    flag = json.loads(capsys.readouterr().out)[0]
    assert flag["kind"] == "omission" and flag["b"] is None
    assert (A + " Repairs could cost $3 million, officials said.")[slice(*flag["a"])] == (
        "Repairs could cost $3 million, officials said.")


def test_readable_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = write(tmp_path, "a.txt", A), write(tmp_path, "b.txt", B)
    assert main(["check", str(a), str(b)]) == 1
    out = capsys.readouterr().out
    assert "1 open flags (number 1, quote 0, attribution 0, hedge 0, omission 0)" in out
    assert "[f1] number: number differs: A says “85”, B says “58”" in out
    assert "«85» houses" in out and "«58» houses" in out


def test_project_uses_its_claim_links_and_output_keeps_decisions(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No alignment links at all: the claim link alone pairs the two statements."""
    project = new_project(Document.from_text("A", A), Document.from_text("B", B))
    start_a = A.index("A landslide")
    start_b = B.index("A landslide")
    end = len("A landslide destroyed 85 houses in Orvik on Sunday, the county said.")
    project.put_claim(project.make_claim("A", start_a, start_a + end, "statistic",
                                         claim_id="c1"))
    project.put_claim(project.make_claim("B", start_b, start_b + end, "statistic",
                                         claim_id="c2"))
    project.put_claim_link(ClaimLink("cl1", "c1", "c2", "same"))
    path = tmp_path / "p.xml"
    save_project(project, path)
    out = tmp_path / "checked.xml"
    assert main(["check", str(path), "--json", "-o", str(out)]) == 1
    kinds = [f["kind"] for f in json.loads(capsys.readouterr().out)]
    assert "number" in kinds
    saved = read_project(out)
    assert sorted(f.kind for f in saved.assist.flags.values()) == sorted(kinds)
    # a dismissed flag stays dismissed on the next check, and no longer counts
    from annotator.core.assist.model import FlagState

    for flag in list(saved.assist.flags.values()):
        saved.assist.flags[flag.id] = flag.with_state(FlagState.DISMISSED)
    save_project(saved, out)
    assert main(["check", str(out)]) == 0
    assert "already dismissed" in capsys.readouterr().out


def test_candidates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = write(tmp_path, "a.txt", A), write(tmp_path, "b.txt", B)
    assert main(["check", str(a), str(b), "--candidates", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    quote = next(c for c in found if c["kind"] == "quote" and c["doc"] == "A")
    assert A[slice(*quote["span"])] == "“We lost everything,”"
    assert quote["attributes"] == {"speaker": "résident Ana Ruiz"}
    assert {c["kind"] for c in found} >= {"quote", "statistic", "attribution"}
    assert main(["check", str(a), str(b), "--candidates"]) == 0
    assert "Quotation: “We lost everything,”" in capsys.readouterr().out


def test_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = write(tmp_path, "empty.txt", "")
    assert main(["check", str(empty), str(empty)]) == 2
    bad = write(tmp_path, "bad.xml", "<not-a-project/>")
    assert main(["check", str(bad)]) == 2
    a = write(tmp_path, "a.txt", A)
    assert main(["check", str(a), str(a), str(a)]) == 2
    assert "error" in capsys.readouterr().err


def test_entry_point_runs_check(tmp_path: Path) -> None:
    a, b = write(tmp_path, "a.txt", A), write(tmp_path, "b.txt", B)
    result = subprocess.run([sys.executable, "-m", "annotator", "check", str(a), str(b),
                             "--json"], capture_output=True, check=False)
    assert result.returncode == 1
    assert json.loads(result.stdout)[0]["kind"] == "number"
