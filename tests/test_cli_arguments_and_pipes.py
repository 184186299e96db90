"""CLI edges: a single article (or three files) given to `check` or `suggest`, output piped
into `head`, a project written to stdout or to a place that cannot take it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import read_project

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_A = ROOT / "samples" / "000_7ef15a09e7207d90.txt"
SAMPLE_B = ROOT / "samples" / "001_f395bdecfdbba89e.txt"


def test_check_with_one_article_asks_for_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SAMPLE_A)]) == 2
    err = capsys.readouterr().err
    assert "XML" not in err.split(";")[0], err  # not a parse error about the article
    assert "one article" in err and "A B" in err


def test_output_closed_early_is_not_a_traceback(tmp_path: Path) -> None:
    """`annotator align A B --show-text | head -1` ends quietly when head stops reading."""
    long_text = tmp_path / "long.txt"  # far more than a pipe holds, so writing must fail
    long_text.write_text(SAMPLE_A.read_text(encoding="utf-8") * 60, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "annotator", "align", str(long_text), str(SAMPLE_A),
         "--show-text"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away, as `head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) != 0  # stopped early, not a success
    assert "Traceback" not in err, err
    assert "BrokenPipeError" not in err


def test_every_subcommand_is_named_where_the_user_is_told_of_them() -> None:
    """The no-display message and the bare-word dispatch know every subcommand the CLI has
    (the message listed 5 of 8: check and reanchor were missing)."""
    from annotator.__main__ import SUBCOMMANDS
    from annotator.app import display_problem
    from annotator.cli import subcommand_names

    names = set(subcommand_names())
    assert names == SUBCOMMANDS
    message = display_problem({}, "linux")
    missing = {n for n in names - {"bench"} if n not in message}
    assert not missing, message


def test_suggest_with_one_article_asks_for_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(SAMPLE_A)]) == 2
    err = capsys.readouterr().err
    assert "not well-formed" not in err and "one article" in err and "A B" in err


@pytest.mark.parametrize("command", ["check", "suggest"])
def test_three_files_are_refused_with_what_to_give(
        command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, str(SAMPLE_A), str(SAMPLE_A), str(SAMPLE_A)]) == 2
    assert "give two articles (A B) or one project XML" in capsys.readouterr().err


def test_check_writes_the_project_to_stdout_and_its_report_to_stderr(
        capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    from annotator.core import read_project

    sample_b = ROOT / "samples" / "001_f395bdecfdbba89e.txt"
    assert main(["check", str(SAMPLE_A), str(sample_b), "-o", "-"]) == 1  # omissions flagged
    out, err = capsysbinary.readouterr()
    (tmp_path / "p.xml").write_bytes(out)
    assert read_project(tmp_path / "p.xml").assist.flags  # the flags went into the project
    assert out.startswith(b"<?xml") and b"<annotationSet" not in err and b"omission" in err


@pytest.mark.parametrize("command", ["align", "check"])
def test_an_unwritable_output_is_one_error_line(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample_b = ROOT / "samples" / "001_f395bdecfdbba89e.txt"
    target = tmp_path / "missing-folder" / "p.xml"
    args = [command, str(SAMPLE_A), str(sample_b), "-o", str(target)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot write {target}") and "Traceback" not in err


@pytest.mark.parametrize("command", ["align", "suggest", "check"])
def test_a_bad_default_method_variable_is_one_error_line(
        command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """ANNOTATOR_DEFAULT_METHOD naming no method stops a command that aligns before it reads
    anything (suggest and check once ended in a traceback), and writes nothing."""
    sample_b = ROOT / "samples" / "001_f395bdecfdbba89e.txt"
    out = tmp_path / "pair.xml"
    monkeypatch.setenv("ANNOTATOR_DEFAULT_METHOD", "bogus")
    extra = ["-o", str(out)] if command == "align" else []
    assert main([command, str(SAMPLE_A), str(sample_b), *extra]) == 2
    err = capsys.readouterr().err.strip()
    assert err == ("error: ANNOTATOR_DEFAULT_METHOD: unknown alignment method 'bogus' "
                   "(known: default, lexical, wordllama, minilm, semantic, static)")
    assert not out.exists()


def test_a_named_method_does_not_need_the_default_variable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANNOTATOR_DEFAULT_METHOD", "bogus")
    out = tmp_path / "pair.xml"
    sample_b = ROOT / "samples" / "001_f395bdecfdbba89e.txt"
    assert main(["align", str(SAMPLE_A), str(sample_b), "--method", "lexical",
                 "-o", str(out)]) == 0
    assert "<link " in out.read_text(encoding="utf-8")


def test_a_bad_language_code_is_refused_before_aligning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "p.xml"
    with pytest.raises(SystemExit) as stop:
        main(["align", str(SAMPLE_A), str(SAMPLE_B), "-o", str(out), "--lang", "english"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "'english' is not a language code" in err and "schema" not in err
    assert not out.exists()
    assert main(["align", str(SAMPLE_A), str(SAMPLE_B), "-o", str(out), "--lang-b", "DE-at"]) == 0
    assert read_project(out).doc_b.language == "de"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_a_full_disk_under_stdout_is_one_error_line(tmp_path: Path) -> None:
    """`annotator … > file` on a full disk: one line and exit 2, not an OSError traceback."""
    for argv in (["validate", str(tmp_path / "missing.xml")],
                 ["suggest", str(SAMPLE_A), str(SAMPLE_B), "--json"]):
        with open("/dev/full", "wb") as full:
            proc = subprocess.run([sys.executable, "-m", "annotator", *argv], stdout=full,
                                  stderr=subprocess.PIPE, text=True, timeout=120)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr == "error: cannot write the output: No space left on device\n"


def test_an_output_naming_a_folder_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-o out/` is not a file name: no file called "out" appears."""
    out = f"{tmp_path / 'out'}/"
    assert main(["align", str(SAMPLE_A), str(SAMPLE_B), "-o", out]) == 2
    err = capsys.readouterr().err
    assert "names a folder" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "out").exists()
