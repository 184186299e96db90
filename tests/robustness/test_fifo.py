"""Issue 14.4: a FIFO or other non-regular file is refused at once, never blocks."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core import Document, DocumentLoadError, ProjectFileError, read_project

from .helpers import cli


def _finishes(call: Callable[[], object], seconds: float = 10) -> BaseException | None:
    """Run `call` in a thread; fail if it is still blocked after `seconds`."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail("reading a FIFO blocked")
    return outcome[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx", ".pdf"])
def test_opening_a_fifo_as_an_article_is_refused(tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    error = _finishes(lambda: Document.load(fifo, "A"))
    assert isinstance(error, DocumentLoadError) and "named pipe" in str(error)


def test_opening_a_fifo_as_a_project_is_refused(fifo: Path) -> None:
    error = _finishes(lambda: read_project(fifo))
    assert isinstance(error, ProjectFileError) and "named pipe" in str(error)


def test_a_device_is_refused(tmp_path: Path) -> None:
    error = _finishes(lambda: Document.load("/dev/zero", "A"))
    assert isinstance(error, DocumentLoadError) and "device" in str(error)


def test_cli_align_with_a_fifo_exits_with_a_message(fifo: Path, tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("Some text. More text.", encoding="utf-8")
    result = cli("align", str(fifo), str(other), "-o", str(tmp_path / "out.xml"), timeout=60)
    assert result.returncode == 2 and "named pipe" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_batch_with_a_fifo_as_its_list_exits_with_a_message(fifo: Path,
                                                                 tmp_path: Path) -> None:
    result = cli("batch", str(fifo), "-o", str(tmp_path / "out"), timeout=60)
    assert result.returncode == 2 and "named pipe" in result.stderr
