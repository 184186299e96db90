"""Issue 14.7: a project beyond the limits is refused early with a message; edits stop at them."""

from __future__ import annotations

import pytest

from annotator.core import AlignmentLink, ProjectError, ProjectFileError, Span, limits, read_project
from annotator.core.xmlio import parse

from .helpers import small_project, small_project_xml

_LINK = ('<link id="l{n}" score="0.5" status="proposed" method="x">'
         '<span doc="A" start="0" end="5"/><span doc="B" start="0" end="5"/></link>')


def _with_links(count: int) -> bytes:
    xml = small_project_xml()
    empty = '<alignment method="default" threshold="0.35"/>'  # the small project has no links
    links = "\n".join(_LINK.format(n=n) for n in range(count))
    filled = empty[:-2] + ">" + links + "</alignment>"
    return xml.replace(empty, filled).encode("utf-8")


def test_too_many_links_are_refused_before_the_file_is_parsed_whole(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(parse._PER_TAG, parse.Q + "link", 100)
    data = _with_links(5000)
    with pytest.raises(ProjectFileError, match="more than 100 alignment links") as caught:
        read_project(data)
    line = caught.value.problems[0][0]
    assert 0 < line < data.count(b"\n") / 10  # stopped near link 101, not at the end


def test_a_project_at_the_limit_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(parse._PER_TAG, parse.Q + "link", 100)
    assert len(read_project(_with_links(100)).links) == 100


def test_too_many_elements_of_any_kind_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "MAX_ELEMENTS", 500)
    with pytest.raises(ProjectFileError, match="more than 500 elements"):
        read_project(_with_links(400))


def test_edits_stop_at_the_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core import annotations

    project = small_project()
    monkeypatch.setattr(annotations, "MAX_CLAIMS", len(project.claims))
    with pytest.raises(ProjectError, match="at most 2 claims"):
        project.put_claim(project.make_claim("A", 0, 3, "quote"))
    project.put_claim(project.claims["c1"])  # replacing an existing claim is always fine


def test_proposals_beyond_the_limit_keep_the_best(monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core import annotations

    monkeypatch.setattr(annotations, "MAX_LINKS", 3)
    project = small_project()
    links = [AlignmentLink(f"p{n}", (Span(n, n + 1),), (Span(n, n + 1),), score)
             for n, score in enumerate([0.2, 0.9, 0.5, 0.8, 0.1])]
    assert project.replace_proposals(links) == 2
    assert sorted(project.links) == ["p1", "p2", "p3"]


def test_limits_are_told_in_one_unit() -> None:
    assert limits.over_limit("big.txt", 70 * 10**6, limits.MAX_INPUT_BYTES) == (
        "big.txt: 66.8 MiB is over the 64 MiB limit.")
    assert limits.size_text(70 * 2**20) == "70 MiB"
    assert limits.size_text(300_000) == "0.29 MiB"
