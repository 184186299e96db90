"""Claim, claim-link and taxonomy edits: functions from a project to an `Edit`.

Each returns the item-level changes of kind "claim" / "claim_link" / "taxonomy" without
applying them; the GUI's session pushes them as one undoable step (`Session.edit`), so the
session stays the single mutation point. Invalid requests (empty ranges, same-document links,
unknown ids) raise `ClaimEditError` with a message for the status bar instead of corrupting
the project.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..annotations import Claim, ClaimLink, Project, ProjectError
from ..taxonomy import Taxonomy
from .change import CLAIM, CLAIM_LINK, TAXONOMY, Change, Edit


class ClaimEditError(ValueError):
    """A claim edit that cannot be done; the message is for the user."""


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NCNAME = re.compile(r"[A-Za-z_][\w.\-]*\Z")


def clean_text(text: str) -> str:
    """Typed or pasted text without the control characters XML cannot hold, trimmed."""
    return _XML_ILLEGAL.sub("", text).strip()


def _project(project: Project | None) -> Project:
    if project is None:
        raise ClaimEditError("Open a pair of articles first.")
    return project


def _claim(project: Project, claim_id: str) -> Claim:
    try:
        return project.claims[claim_id]
    except KeyError:
        raise ClaimEditError(f"There is no claim {claim_id}.") from None


def type_label(taxonomy: Taxonomy, type_id: str) -> str:
    ct = taxonomy.claim_type(type_id)
    return ct.label if ct is not None else f"{type_id} (not in the taxonomy)"


def relation_label(taxonomy: Taxonomy, relation_id: str) -> str:
    rel = taxonomy.relation(relation_id)
    return rel.label if rel is not None else f"{relation_id} (not in the taxonomy)"


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The range without leading or trailing white space (a sloppy drag selects it)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _default_attributes(taxonomy: Taxonomy, type_id: str,
                        keep: tuple[tuple[str, str], ...] = ()) -> tuple[tuple[str, str], ...]:
    """Attributes for a claim of `type_id`: kept values first, then the type's defaults."""
    have = dict(keep)
    ct = taxonomy.claim_type(type_id)
    for attr in ct.attributes if ct is not None else ():
        if attr.name not in have and attr.default:
            have[attr.name] = attr.default
    return tuple((k, v) for k, v in have.items() if v)


def add_claim(project: Project | None, doc_id: str, start: int, end: int, type_id: str) -> Edit:
    """Tag doc[start:end] (trimmed) as a claim of `type_id`; the edit selects the new claim
    and its result is the claim's id."""
    project = _project(project)
    if project.taxonomy.claim_type(type_id) is None:
        raise ClaimEditError(f"The taxonomy has no claim type {type_id!r}.")
    start, end = trimmed(project.document(doc_id).text, start, end)
    if start >= end:
        raise ClaimEditError("Select some text first, then press a claim type's key.")
    try:
        claim = project.make_claim(doc_id, start, end, type_id,
                                   attributes=_default_attributes(project.taxonomy, type_id))
    except ProjectError as exc:
        raise ClaimEditError(str(exc)) from exc
    label = type_label(project.taxonomy, type_id)
    return Edit(f"Tag {claim.id} as {label}", [Change(CLAIM, claim.id, None, claim)],
                claim.id, (CLAIM, claim.id))


def _replace_claim(text: str, old: Claim, new: Claim) -> Edit:
    return Edit(text, [Change(CLAIM, old.id, old, new)] if new != old else [], old.id)


def set_claim_type(project: Project | None, claim_id: str, type_id: str) -> Edit:
    """Retype a claim; attribute values are kept and the new type's defaults added."""
    project = _project(project)
    old = _claim(project, claim_id)
    if project.taxonomy.claim_type(type_id) is None:
        raise ClaimEditError(f"The taxonomy has no claim type {type_id!r}.")
    new = replace(old, type=type_id,
                  attributes=_default_attributes(project.taxonomy, type_id, old.attributes))
    return _replace_claim(f"Retype {claim_id} as {type_label(project.taxonomy, type_id)}",
                          old, new)


def set_claim_attribute(project: Project | None, claim_id: str, name: str, value: str) -> Edit:
    """Set one attribute (an empty value removes it); order of the others is kept."""
    old = _claim(_project(project), claim_id)
    name, value = name.strip(), clean_text(value)
    if not _NCNAME.match(name):
        raise ClaimEditError(f"{name!r} cannot be an attribute name (letters, digits, - _ .).")
    attrs = dict(old.attributes)
    if value:
        attrs[name] = value
    else:
        attrs.pop(name, None)
    new = replace(old, attributes=tuple(attrs.items()))
    return _replace_claim(f"Set {name} of {claim_id}", old, new)


def set_claim_note(project: Project | None, claim_id: str, note: str) -> Edit:
    old = _claim(_project(project), claim_id)
    return _replace_claim(f"Edit note of {claim_id}", old, replace(old, note=clean_text(note)))


def move_claim(project: Project | None, claim_id: str, start: int, end: int) -> Edit:
    """Move a claim's boundaries; quote and context are taken afresh from the text."""
    project = _project(project)
    old = _claim(project, claim_id)
    start, end = trimmed(project.document(old.doc).text, start, end)
    if start >= end:
        raise ClaimEditError("A claim cannot be empty.")
    try:
        new = project.make_claim(old.doc, start, end, old.type, claim_id=old.id,
                                 attributes=old.attributes, note=old.note)
    except ProjectError as exc:
        raise ClaimEditError(str(exc)) from exc
    return _replace_claim(f"Move {claim_id} to [{start}, {end})", old, new)


def remove_claim(project: Project | None, claim_id: str) -> Edit:
    """Delete a claim and, in the same step, the claim links that touch it."""
    project = _project(project)
    claim = _claim(project, claim_id)
    changes = [Change(CLAIM_LINK, cl.id, cl, None) for cl in project.claim_links.values()
               if claim_id in (cl.source, cl.target)]
    changes.append(Change(CLAIM, claim_id, claim, None))
    return Edit(f"Delete {claim_id}", changes, claim_id)


def link_claims(project: Project | None, source: str, target: str, relation: str) -> Edit:
    """Link two claims of different documents with a relation; the result is the link's id.

    Linking a pair that is already linked changes that link's relation instead of adding a
    second, contradictory link."""
    project = _project(project)
    a, b = _claim(project, source), _claim(project, target)
    if a.doc == b.doc:
        raise ClaimEditError("Claim links join a claim of A with a claim of B; "
                             f"{source} and {target} are both in {a.doc}.")
    if project.taxonomy.relation(relation) is None:
        raise ClaimEditError(f"The taxonomy has no relation {relation!r}.")
    label = relation_label(project.taxonomy, relation)
    for cl in project.claim_links.values():
        if {cl.source, cl.target} == {source, target}:
            return set_link_relation(project, cl.id, relation)
    link = ClaimLink(project.new_id("cl"), source, target, relation)
    return Edit(f"Link {source} → {target}: {label}", [Change(CLAIM_LINK, link.id, None, link)],
                link.id)


def set_link_relation(project: Project | None, link_id: str, relation: str) -> Edit:
    project = _project(project)
    old = project.claim_links.get(link_id)
    if old is None:
        raise ClaimEditError(f"There is no claim link {link_id}.")
    if project.taxonomy.relation(relation) is None:
        raise ClaimEditError(f"The taxonomy has no relation {relation!r}.")
    label = relation_label(project.taxonomy, relation)
    changes = [] if old.relation == relation else [
        Change(CLAIM_LINK, link_id, old, replace(old, relation=relation))]
    return Edit(f"Relation of {link_id}: {label}", changes, link_id)


def set_taxonomy(project: Project | None, taxonomy: Taxonomy) -> Edit:
    """Replace the project's taxonomy in one step. Claims and claim links whose type or
    relation the new taxonomy lacks are kept as they are (see `orphans`), shown as "not in
    the taxonomy" until the user changes them."""
    project = _project(project)
    changes = [] if taxonomy == project.taxonomy else [
        Change(TAXONOMY, "taxonomy", project.taxonomy, taxonomy)]
    return Edit(f"Load taxonomy {taxonomy.name}", changes)


def orphans(project: Project, taxonomy: Taxonomy) -> list[str]:
    """Ids of the claims and claim links whose type or relation `taxonomy` lacks."""
    claims = [c.id for c in project.claims.values() if taxonomy.claim_type(c.type) is None]
    links = [cl.id for cl in project.claim_links.values()
             if taxonomy.relation(cl.relation) is None]
    return claims + links


def remove_claim_link(project: Project | None, link_id: str) -> Edit:
    old = _project(project).claim_links.get(link_id)
    if old is None:
        raise ClaimEditError(f"There is no claim link {link_id}.")
    return Edit(f"Unlink {old.source} → {old.target}", [Change(CLAIM_LINK, link_id, old, None)],
                link_id)
