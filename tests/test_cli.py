"""The CLI writes the same project XML the GUI opens, and reports problems with exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import read_project, validate_file
from tests.conftest import SAMPLE_A, SAMPLE_B


def test_align_writes_a_valid_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pair.xml"
    assert main(["align", str(SAMPLE_A), str(SAMPLE_B), "-o", str(out)]) == 0
    project = read_project(out)
    assert project.links
    assert project.doc_a.text == SAMPLE_A.read_text(encoding="utf-8").replace("\r\n", "\n")
    printed = capsys.readouterr().out
    assert f"{len(project.links)} links" in printed
    assert "% of A" in printed and "% of B" in printed


def test_align_records_the_method_that_made_each_link(tmp_path: Path) -> None:
    for method, recorded in (("lexical", {"lexical", "copy"}),
                             ("default", {"wordllama", "minilm", "copy"})):
        out = tmp_path / f"{method}.xml"
        assert main(["align", str(SAMPLE_A), str(SAMPLE_B), "-o", str(out),
                     "--method", method]) == 0
        project = read_project(out)
        assert project.links and {link.method for link in project.links.values()} <= recorded
        assert project.settings.method == method


def test_align_to_stdout_keeps_the_summary_off_stdout(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "align", str(SAMPLE_A), str(SAMPLE_B), "-o", "-"],
        capture_output=True,
        check=True,
    )
    project = read_project(result.stdout)
    assert f"{len(project.links)} links".encode() in result.stderr


def test_align_reports_unreadable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["align", str(empty), str(SAMPLE_B), "-o", str(tmp_path / "x.xml")]) == 2
    assert "empty" in capsys.readouterr().err
    assert not (tmp_path / "x.xml").exists()


def test_align_threshold_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["align", str(SAMPLE_A), str(SAMPLE_B), "-o", "-", "--threshold", "7"])


def test_validate_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.xml"
    main(["align", str(SAMPLE_A), str(SAMPLE_B), "-o", str(good)])
    bad = tmp_path / "bad.xml"
    bad.write_bytes(good.read_bytes().replace(b'status="proposed"', b'status="odd"', 1))
    capsys.readouterr()
    assert main(["validate", str(good)]) == 0
    assert main(["validate", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{good}: valid" in out
    assert f"{bad}:" in out and "link" in out
    line = int(out.split(f"{bad}:")[1].split(":")[0])
    assert b'status="odd"' in bad.read_bytes().splitlines()[line - 1]


def test_batch_skips_bad_lines_and_files_and_fails_overall(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(SAMPLE_A.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(SAMPLE_B.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 50)
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text(
        "# id\ta\tb\n"
        "one\ta.txt\tb.txt\n"
        "only two fields\ta.txt\n"
        "two\tb.txt\ta.txt\n"
        "three\ta.txt\tbin.txt\n"
        "one\ta.txt\tb.txt\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code = main(["batch", str(tsv), "-o", str(out), "-j", "2", "-q"])
    captured = capsys.readouterr()
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["one.xml", "two.xml"]
    assert all(validate_file(p) == [] for p in out.iterdir())
    assert f"{tsv}:3:" in captured.err  # wrong field count
    assert f"{tsv}:5:" in captured.err and "binary" in captured.err
    assert f"{tsv}:6:" in captured.err and "already used" in captured.err
    assert "2 pair(s) aligned" in captured.out


def test_batch_all_good_exits_zero(tmp_path: Path) -> None:
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text(f"p1\t{SAMPLE_A}\t{SAMPLE_B}\n", encoding="utf-8")
    assert main(["batch", str(tsv), "-o", str(tmp_path / "o"), "-q"]) == 0
    assert read_project(tmp_path / "o" / "p1.xml").name == "p1"


def test_export_is_routed_to_the_cli(tmp_path: Path) -> None:
    from annotator.__main__ import main as entry

    project = tmp_path / "pair.xml"
    assert entry(["align", str(SAMPLE_A), str(SAMPLE_B), "-o", str(project)]) == 0
    out = tmp_path / "pair.jsonld"
    assert entry(["export", str(project), "-f", "jsonld", "-o", str(out)]) == 0
    assert '"@context"' in out.read_text(encoding="utf-8")


def test_every_cli_subcommand_is_routed_to_the_cli() -> None:
    """`annotator NAME` opens the GUI unless NAME is in __main__.SUBCOMMANDS: a subcommand
    module added to annotator/cli/ must be named there too."""
    import argparse

    from annotator.__main__ import SUBCOMMANDS
    from annotator.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == SUBCOMMANDS


def test_batch_interrupted_stops_without_running_the_rest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl+C after the first pair: the queued pairs are cancelled, not all run before the
    exit, and what was written is whole (no temporary files left)."""
    from annotator.cli import batch

    def interrupt(self: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch._Progress, "step", interrupt)
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("".join(f"p{n}\t{SAMPLE_A}\t{SAMPLE_B}\n" for n in range(12)),
                   encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(tsv), "-o", str(out), "-j", "1", "-q"]) == 130
    assert "interrupted" in capsys.readouterr().err
    written = list(out.iterdir())
    assert len(written) < 12
    assert all(p.suffix == ".xml" and validate_file(p) == [] for p in written)


def test_batch_words_file_errors_without_errno(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing or binary pairs file, an output folder that is a file, a pair whose output
    is a folder: one worded line each, never "[Errno …]" or a temporary file's name."""
    pair = f"p1\t{SAMPLE_A}\t{SAMPLE_B}\n"
    binary = tmp_path / "bin.tsv"
    binary.write_bytes(bytes(range(256)) * 40)
    a_file = tmp_path / "a_file"
    a_file.write_text("x", encoding="utf-8")
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text(pair, encoding="utf-8")
    cases = [(tmp_path / "missing.tsv", tmp_path / "o1", 2, "missing.tsv: no such file."),
             (binary, tmp_path / "o2", 2, "bin.tsv: this looks like a binary file"),
             (tsv, a_file, 2, f"cannot create {a_file}: File exists")]
    for pairs, out, code, message in cases:
        assert main(["batch", str(pairs), "-o", str(out), "-q"]) == code
        err = capsys.readouterr().err
        assert message in err and len(err.splitlines()) == 1 and "Errno" not in err
    (tmp_path / "o3" / "p1.xml").mkdir(parents=True)
    assert main(["batch", str(tsv), "-o", str(tmp_path / "o3"), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"cannot write {tmp_path / 'o3' / 'p1.xml'}: Is a directory" in err
    assert "Errno" not in err and ".tmp" not in err


def test_batch_reads_a_utf16_pairs_file(tmp_path: Path) -> None:
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text(f"p1\t{SAMPLE_A}\t{SAMPLE_B}\n", encoding="utf-16")  # with a BOM
    assert main(["batch", str(tsv), "-o", str(tmp_path / "o"), "-q"]) == 0
    assert (tmp_path / "o" / "p1.xml").exists()


def test_batch_names_the_empty_columns_of_a_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text(f"\tonly\t\np2\t{SAMPLE_A}\n", encoding="utf-8")
    assert main(["batch", str(tsv), "-o", str(tmp_path / "o"), "-q"]) == 1  # lines failed
    err = capsys.readouterr().err
    assert "pairs.tsv:1: expected id<TAB>path_a<TAB>path_b, got an empty id and an empty " \
           "path_b" in err
    assert "pairs.tsv:2: expected id<TAB>path_a<TAB>path_b, got 2 field(s)" in err


def test_validate_names_an_unreadable_file_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing, blank = tmp_path / "missing.xml", tmp_path / "blank.xml"
    blank.write_text("  \n", encoding="utf-8")
    assert main(["validate", str(missing), str(blank)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{missing}: cannot be read (No such file or directory).",
                   f"{blank}: the file holds only blank lines and spaces, no project."]
