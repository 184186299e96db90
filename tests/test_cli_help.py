"""`annotator --help` and each subcommand's --help say what the README says the command does:
the formats `export` writes, the cells `--raw-csv` leaves unprotected, every option's default."""

from __future__ import annotations

import pytest

from annotator.cli import main
from annotator.core.export.csvexport import _FORMULA_START


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # argparse wraps lines anywhere


def test_export_help_names_every_format_family(capsys: pytest.CaptureFixture[str]) -> None:
    line = _help(capsys).split(" export ", 1)[1].split(" import ", 1)[0]
    for family in ("TEI", "Web Annotation", "ClaimReview", "CSV", "XCES", "brat", "XMI", "HTML"):
        assert family in line, family


def test_raw_csv_help_names_every_protected_start(capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(capsys, "export")
    names = {"\t": "a tab", "\r": "a carriage return"}
    for start in _FORMULA_START:
        assert names.get(start, start) in text.split("--raw-csv", 2)[2], repr(start)


def test_every_option_of_batch_and_validate_is_explained(
        capsys: pytest.CaptureFixture[str]) -> None:
    batch = _help(capsys, "batch")
    assert "--threshold THRESHOLD lowest link score to propose, 0..1 (default 0.35)" in batch
    validate = _help(capsys, "validate")
    assert "files project XML files" in validate
    top = _help(capsys)
    assert "consistency and links sharing text" in top
