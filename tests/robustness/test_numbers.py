"""Issue 14.3: numbers too long for any text give a clear refusal, never a crash."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.core import ProjectFileError, read_project

from .helpers import cli, small_project, small_project_xml


def _with_start(value: str) -> bytes:
    xml = small_project_xml()
    return re.sub(r'(<claim [^>]*start=")\d+"', lambda m: m.group(1) + value + '"', xml,
                  count=1).encode("utf-8")


@pytest.mark.parametrize("value", ["9" * 4301, "1" * 40, "+" + "0" * 5000 + "1"])
def test_a_huge_offset_is_refused_with_a_message(value: str) -> None:
    with pytest.raises(ProjectFileError, match="is not an offset"):
        read_project(_with_start(value))


def test_leading_zeros_beyond_pythons_int_limit_still_read() -> None:
    start = str(small_project().claims["c1"].start)
    assert read_project(_with_start("0" * 5000 + start)) == small_project()


def test_validate_goes_on_to_the_next_file(tmp_path: Path) -> None:
    good = tmp_path / "good.xml"
    good.write_text(small_project_xml(), encoding="utf-8")
    bad = tmp_path / "bad.xml"
    bad.write_bytes(_with_start("7" * 4301))
    result = cli("validate", str(good), str(bad), str(good))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.count("good.xml: valid") == 2
    assert "bad.xml" in result.stdout and "is not an offset" in result.stdout
