"""CLI edges: clear messages instead of tracebacks or Qt aborts, encodings the user can choose,
multi-file exports refused on stdout, claims imported from brat and INCEpTION files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.__main__ import main as entry_main
from annotator.app import display_problem
from annotator.cli import main
from annotator.core import read_project, save_project
from annotator.core.export import EXPORTERS
from tests.conftest import SAMPLE_A, SAMPLE_B
from tests.core.export_sample import sample_project


def test_batch_with_negative_jobs_says_what_to_give(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(f"p1\t{SAMPLE_A}\t{SAMPLE_B}\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["batch", str(pairs), "-o", str(tmp_path / "out"), "-j", "-1"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "-1 processes: give 1 or more, or 0 for one per core" in err
    assert "Traceback" not in err


def test_a_mistyped_subcommand_suggests_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    assert entry_main(["aling"]) == 2
    err = capsys.readouterr().err
    assert "Did you mean 'align'?" in err
    for name in ("align", "batch", "validate", "export", "import"):
        assert name in err
    assert entry_main(["xyzzy"]) == 2
    assert "Did you mean" not in capsys.readouterr().err


def test_without_a_display_the_app_says_so() -> None:
    assert "no display" in display_problem({}, "linux")
    assert display_problem({"DISPLAY": ":0"}, "linux") == ""
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") == ""
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") == ""
    assert display_problem({}, "win32") == ""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "annotator"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2  # not 134 (Qt's abort)
    assert "no display" in result.stderr and "align" in result.stderr


def test_multi_file_exports_refuse_stdout(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    project_file = tmp_path / "p.xml"
    save_project(sample_project(), project_file)
    for name in ("xces", "brat", "xmi"):
        assert not EXPORTERS[name].single_file
        assert main(["export", str(project_file), "-f", name, "-o", "-"]) == 2
        assert "writes several files" in capsys.readouterr().err
    assert main(["export", str(project_file), "-f", "xces", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "p.ces.A.xml").exists() and (tmp_path / "p.ces.B.xml").exists()


def test_align_reports_an_assumed_encoding_and_takes_the_users(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_bytes("The council approved €40 million for the new bridge.\n".encode("cp1252"))
    out = tmp_path / "p.xml"
    assert main(["align", str(a), str(SAMPLE_B), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "note: a.txt: not UTF-8; read as cp1252" in err and "--encoding-a" in err
    assert "€40 million" in read_project(out).doc_a.text
    assert main(["align", str(a), str(SAMPLE_B), "-o", str(out), "--encoding-a", "latin-1"]) == 0
    assert "note:" not in capsys.readouterr().err
    assert "\x80" not in read_project(out).doc_a.text  # C1 controls are dropped, not kept
    assert main(["align", str(a), str(SAMPLE_B), "-o", str(out), "--encoding", "utf-8"]) == 2
    assert "not valid utf-8" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["check", "suggest", "reanchor"])
def test_every_reader_of_articles_reports_an_assumed_encoding_and_takes_the_users(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_bytes("The council approved €40 million for the new bridge.\n".encode("cp1252"))
    option = "--encoding-a"
    argv = [command, str(a), str(SAMPLE_B)]
    if command == "reanchor":
        project_file = tmp_path / "p.xml"
        save_project(sample_project(), project_file)
        argv, option = ["reanchor", str(project_file), "--doc", "A", str(a), "-o",
                        str(tmp_path / "re.xml"), "--no-align"], "--encoding"
    assert main(argv) in (0, 1)  # check: 1 when it flags something
    err = capsys.readouterr().err
    assert "note: a.txt: not UTF-8; read as cp1252" in err and f"{option} ENC" in err
    assert main([*argv, option, "cp1252"]) in (0, 1)
    assert "note:" not in capsys.readouterr().err
    if command == "reanchor":
        assert "€40 million" in read_project(tmp_path / "re.xml").doc_a.text


def test_import_subcommand_brings_brat_claims_in(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = sample_project()
    EXPORTERS["brat"].write(source, tmp_path / "brat")
    empty = sample_project()
    for claim_id in list(empty.claims):
        empty.remove_claim(claim_id)
    save_project(empty, tmp_path / "p.xml")
    out = tmp_path / "with-claims.xml"
    assert main(["import", str(tmp_path / "p.xml"), "--doc", "B",
                 str(tmp_path / "brat" / "B.ann"), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "3 claims imported" in printed and "wrote" in printed
    assert len(read_project(out).claims) == 3
    assert main(["import", str(out), "--doc", "A", str(tmp_path / "p.xml"), "-o", str(out)]) == 2
    assert "claims can be imported from .ann" in capsys.readouterr().err


def test_batch_reports_assumed_encodings(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_bytes("The council approved €40 million for the new bridge.\n".encode("cp1252"))
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(f"p1\t{a}\t{SAMPLE_B}\n", encoding="utf-8")
    assert main(["batch", str(pairs), "-o", str(tmp_path / "out"), "-j", "1", "-q"]) == 0
    err = capsys.readouterr().err
    assert "pair 'p1': note: A a.txt: not UTF-8; read as cp1252" in err
    assert "€40 million" in read_project(tmp_path / "out" / "p1.xml").doc_a.text


def test_export_refuses_to_write_over_the_project_itself(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project_file = tmp_path / "p.xml"
    save_project(sample_project(), project_file)
    before = project_file.read_bytes()
    for name in ("tei", "html", "xces"):
        assert main(["export", str(project_file), "-f", name, "-o", str(project_file)]) == 2
        err = capsys.readouterr().err
        assert "is the project itself" in err and "Traceback" not in err
    assert project_file.read_bytes() == before
    assert read_project(project_file) == sample_project()


def test_export_refuses_a_sentence_file_that_is_the_project(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """XCES writes two sentence files beside its cesAlign file: one may be the project."""
    project = sample_project()
    project_file = tmp_path / f"p.ces.{project.doc_a.id}.xml"
    save_project(project, project_file)
    before = project_file.read_bytes()
    assert main(["export", str(project_file), "-f", "xces", "-o", str(tmp_path / "p.ces.xml")]
                ) == 2
    assert "is the project itself" in capsys.readouterr().err
    assert project_file.read_bytes() == before and not (tmp_path / "p.ces.xml").exists()


def test_import_to_stdout_writes_only_the_project_there(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    EXPORTERS["brat"].write(sample_project(), tmp_path / "brat")
    save_project(sample_project(), tmp_path / "p.xml")
    assert main(["import", str(tmp_path / "p.xml"), "--doc", "B",
                 str(tmp_path / "brat" / "B.ann"), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("<?xml")  # the report went to stderr
    assert "claims imported" in captured.err and "claims imported" not in captured.out


def test_no_subcommand_writes_its_project_over_an_input(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-o b.txt` typed for `-o b.xml` would replace the user's article with XML."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(SAMPLE_A.read_bytes())
    b.write_bytes(SAMPLE_B.read_bytes())
    project_file = tmp_path / "p.xml"
    save_project(sample_project(), project_file)
    EXPORTERS["brat"].write(sample_project(), tmp_path / "brat")
    ann = tmp_path / "brat" / "A.ann"
    before = {path: path.read_bytes() for path in (a, b, ann)}
    for argv in (["align", str(a), str(b), "-o", str(b)],
                 ["check", str(a), str(b), "-o", str(a)],
                 ["reanchor", str(project_file), "--doc", "A", str(a), "-o", str(a)],
                 ["import", str(project_file), "--doc", "A", str(ann), "-o", str(ann)]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "would replace it" in err and "Traceback" not in err
    assert {path: path.read_bytes() for path in before} == before
    assert main(["import", str(project_file), "--doc", "A", str(ann),
                 "-o", str(project_file)]) == 0  # the project itself: as documented


def test_export_to_a_name_ending_in_a_slash_writes_into_that_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project_file = tmp_path / "p.xml"
    save_project(sample_project(), project_file)
    folder = tmp_path / "new" / "out"
    assert main(["export", str(project_file), "-f", "tei", "-o", f"{folder}/"]) == 0
    assert folder.is_dir() and (folder / "p.tei.xml").is_file()
    assert main(["export", str(project_file), "-f", "brat", "-o", f"{folder}/"]) == 0
    assert (folder / "p.brat" / "A.ann").is_file()
