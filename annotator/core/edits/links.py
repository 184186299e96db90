"""Hand edits of alignment links: functions from a project to an `Edit`, like claim edits."""

from __future__ import annotations

from dataclasses import replace

from ..annotations import AlignmentLink, LinkStatus, Project
from ..document import Span
from ..queries.overlaps import crossing_with
from .change import LINK, Change, Edit


class LinkEditError(ValueError):
    """A link edit that cannot be done; the message is for the user."""


def _project(project: Project | None) -> Project:
    if project is None:
        raise RuntimeError("no project is open")
    return project


def set_link_status(project: Project | None, link_id: str, status: LinkStatus) -> Edit:
    """Accept, reject or mark a link (no change when it already has that status)."""
    link = _project(project).links[link_id]
    verb = {LinkStatus.ACCEPTED: "Accept", LinkStatus.REJECTED: "Reject"}.get(status, "Mark")
    changes = [] if link.status is status else [
        Change(LINK, link_id, link, link.with_status(status))]
    return Edit(f"{verb} link {link_id}", changes, link_id)


def add_manual_link(project: Project | None, a: tuple[int, int], b: tuple[int, int]) -> Edit:
    """Link a range of A with a range of B (code points); the edit selects the new link."""
    link_id = _project(project).new_id("m")
    link = AlignmentLink(link_id, (Span(*a),), (Span(*b),), 1.0, LinkStatus.MANUAL, "manual")
    crossing = crossing_with(_project(project).links.values(), link)
    if crossing is not None:
        other = crossing.first if crossing.second == link_id else crossing.second
        raise LinkEditError(f"That selection in {crossing.side} runs into link {other} without "
                            "covering it: select within it, or all of it.")
    return Edit(f"Add link {link_id}", [Change(LINK, link_id, None, link)], link_id,
                (LINK, link_id))


def set_link_note(project: Project | None, link_id: str, note: str) -> Edit:
    """The reviewer's note on a link ("" removes it); its status and passages stay."""
    link = _project(project).links[link_id]
    note = note.strip()
    changes = [] if link.note == note else [Change(LINK, link_id, link, replace(link, note=note))]
    return Edit(f"Note on link {link_id}", changes, link_id)


def remove_link(project: Project | None, link_id: str) -> Edit:
    link = _project(project).links[link_id]
    return Edit(f"Remove link {link_id}", [Change(LINK, link_id, link, None)], link_id)


def _sentences(project: Project, side: str) -> list[tuple[int, int]]:
    doc = project.doc_a if side == "A" else project.doc_b
    return [(s.start, s.end) for s in doc.sentences if doc.text[s.start:s.end].strip()]


def _checked(project: Project, old: AlignmentLink, new: AlignmentLink, text: str) -> Edit:
    """The edit replacing `old` by `new` (a human decision now: accepted), unless `new`
    would run into another link."""
    crossing = crossing_with(project.links.values(), new)
    if crossing is not None:
        other = crossing.first if crossing.second == new.id else crossing.second
        raise LinkEditError(f"That would run link {new.id} into link {other}.")
    if new.status is LinkStatus.PROPOSED:
        new = new.with_status(LinkStatus.ACCEPTED)
    return Edit(text, [Change(LINK, new.id, old, new)], new.id, (LINK, new.id))


def resize_link(project: Project | None, link_id: str, side: str, edge: str,
                grow: bool) -> Edit:
    """Move one end ("start" or "end") of a link's side by a sentence, outwards (`grow`) or
    inwards. The link becomes accepted: its passages are now the user's choice."""
    project = _project(project)
    link = project.links[link_id]
    spans = list(link.a if side == "A" else link.b)
    sentences = _sentences(project, side)
    first, last = spans[0], spans[-1]
    if edge == "end":
        if grow:
            after = [s for s in sentences if s[0] >= last.end]
            new_end = after[0][1] if after else None
        else:
            inside = [s for s in sentences if first.start < s[0] < last.end]
            new_end = inside[-1][0] if inside else None
        if new_end is None:
            raise LinkEditError(f"Link {link_id} cannot {'grow' if grow else 'shrink'} there.")
        spans[-1] = Span(last.start, _trim_end(project, side, new_end))
    else:
        if grow:
            before = [s for s in sentences if s[1] <= first.start]
            new_start = before[-1][0] if before else None
        else:
            inside = [s for s in sentences if first.start < s[0] < last.end]
            new_start = inside[0][0] if inside else None
        if new_start is None:
            raise LinkEditError(f"Link {link_id} cannot {'grow' if grow else 'shrink'} there.")
        spans[0] = Span(new_start, first.end)
    spans = [s for s in spans if s.end > s.start]
    new = replace(link, a=tuple(spans)) if side == "A" else replace(link, b=tuple(spans))
    verb = "Extend" if grow else "Shrink"
    if grow:
        _refuse_taking(project, link, new, side)
    return _checked(project, link, new, f"{verb} link {link_id} in {side}")


def _refuse_taking(project: Project, old: AlignmentLink, new: AlignmentLink, side: str) -> None:
    """Raise unless the text `new` adds on `side` is free of every other live link."""
    def spans(link: AlignmentLink) -> tuple[Span, ...]:
        return link.a if side == "A" else link.b

    def shared(one: tuple[Span, ...], other: tuple[Span, ...]) -> int:
        return sum(max(0, min(x.end, y.end) - max(x.start, y.start)) for x in one for y in other)

    for other in project.links.values():
        if other.id == new.id or other.status is LinkStatus.REJECTED:
            continue
        if shared(spans(new), spans(other)) > shared(spans(old), spans(other)):
            raise LinkEditError(
                f"That text in {side} belongs to link {other.id}: link {new.id} cannot take "
                f"it. Ctrl+Shift+M (Merge with Next Link) on the earlier of the two "
                "merges them.")


def _trim_end(project: Project, side: str, end: int) -> int:
    text = (project.doc_a if side == "A" else project.doc_b).text
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def merge_links(project: Project | None, first_id: str, second_id: str) -> Edit:
    """One link holding both links' passages (the first keeps its id, the lower score)."""
    project = _project(project)
    first, second = project.links[first_id], project.links[second_id]
    merged = replace(first, a=_union(first.a + second.a), b=_union(first.b + second.b),
                     score=min(first.score, second.score))
    if merged.status is LinkStatus.PROPOSED:
        merged = merged.with_status(LinkStatus.ACCEPTED)
    others = [link for link in project.links.values() if link.id != second_id]
    if crossing_with(others, merged) is not None:
        raise LinkEditError(f"Links {first_id} and {second_id} have another link between them.")
    return Edit(f"Merge links {first_id} and {second_id}",
                [Change(LINK, second_id, second, None), Change(LINK, first_id, first, merged)],
                first_id, (LINK, first_id))


def _union(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and span.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, span.end))
        else:
            out.append(span)
    return tuple(out)
