"""Claim and claim-link edits as undoable session operations.

Each function builds item-level `Change`s of kind "claim" / "claim_link" and pushes them as
one `EditCommand` through `Session.push`, so the session stays the single mutation point and
widgets hear about edits through its `claims_changed` / `claim_links_changed` signals.
Invalid requests (empty ranges, same-document links, unknown ids) raise `ClaimEditError`
with a message for the status bar instead of corrupting the project.
"""

from __future__ import annotations

import re
from dataclasses import replace

from annotator.core import Claim, ClaimLink, Project, ProjectError, Taxonomy

from .commands import CLAIM, CLAIM_LINK, TAXONOMY, Change
from .session import Session


class ClaimEditError(ValueError):
    """A claim edit that cannot be done; the message is for the user."""


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NCNAME = re.compile(r"[A-Za-z_][\w.\-]*\Z")


def clean_text(text: str) -> str:
    """Typed or pasted text without the control characters XML cannot hold, trimmed."""
    return _XML_ILLEGAL.sub("", text).strip()


def _project(session: Session) -> Project:
    if session.project is None:
        raise ClaimEditError("Open a pair of articles first.")
    return session.project


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


def add_claim(session: Session, doc_id: str, start: int, end: int, type_id: str) -> str:
    """Tag doc[start:end] (trimmed) as a claim of `type_id`; selects and returns its id."""
    project = _project(session)
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
    session.push(f"Tag {claim.id} as {label}", [Change(CLAIM, claim.id, None, claim)])
    session.select(CLAIM, claim.id)
    return claim.id


def _replace_claim(session: Session, text: str, old: Claim, new: Claim) -> None:
    if new != old:
        session.push(text, [Change(CLAIM, old.id, old, new)])


def set_claim_type(session: Session, claim_id: str, type_id: str) -> None:
    """Retype a claim; attribute values are kept and the new type's defaults added."""
    project = _project(session)
    old = _claim(project, claim_id)
    if project.taxonomy.claim_type(type_id) is None:
        raise ClaimEditError(f"The taxonomy has no claim type {type_id!r}.")
    new = replace(old, type=type_id,
                  attributes=_default_attributes(project.taxonomy, type_id, old.attributes))
    _replace_claim(session, f"Retype {claim_id} as {type_label(project.taxonomy, type_id)}",
                   old, new)


def set_claim_attribute(session: Session, claim_id: str, name: str, value: str) -> None:
    """Set one attribute (an empty value removes it); order of the others is kept."""
    old = _claim(_project(session), claim_id)
    name, value = name.strip(), clean_text(value)
    if not _NCNAME.match(name):
        raise ClaimEditError(f"{name!r} cannot be an attribute name (letters, digits, - _ .).")
    attrs = dict(old.attributes)
    if value:
        attrs[name] = value
    else:
        attrs.pop(name, None)
    new = replace(old, attributes=tuple(attrs.items()))
    _replace_claim(session, f"Set {name} of {claim_id}", old, new)


def set_claim_note(session: Session, claim_id: str, note: str) -> None:
    old = _claim(_project(session), claim_id)
    _replace_claim(session, f"Edit note of {claim_id}", old, replace(old, note=clean_text(note)))


def move_claim(session: Session, claim_id: str, start: int, end: int) -> None:
    """Move a claim's boundaries; quote and context are taken afresh from the text."""
    project = _project(session)
    old = _claim(project, claim_id)
    start, end = trimmed(project.document(old.doc).text, start, end)
    if start >= end:
        raise ClaimEditError("A claim cannot be empty.")
    try:
        new = project.make_claim(old.doc, start, end, old.type, claim_id=old.id,
                                 attributes=old.attributes, note=old.note)
    except ProjectError as exc:
        raise ClaimEditError(str(exc)) from exc
    _replace_claim(session, f"Move {claim_id} to [{start}, {end})", old, new)


def remove_claim(session: Session, claim_id: str) -> None:
    """Delete a claim and, in the same undo step, the claim links that touch it."""
    project = _project(session)
    claim = _claim(project, claim_id)
    changes = [Change(CLAIM_LINK, cl.id, cl, None) for cl in project.claim_links.values()
               if claim_id in (cl.source, cl.target)]
    changes.append(Change(CLAIM, claim_id, claim, None))
    session.push(f"Delete {claim_id}", changes)


def link_claims(session: Session, source: str, target: str, relation: str) -> str:
    """Link two claims of different documents with a relation; returns the link's id.

    Linking a pair that is already linked changes that link's relation instead of adding a
    second, contradictory link."""
    project = _project(session)
    a, b = _claim(project, source), _claim(project, target)
    if a.doc == b.doc:
        raise ClaimEditError("Claim links join a claim of A with a claim of B; "
                             f"{source} and {target} are both in {a.doc}.")
    if project.taxonomy.relation(relation) is None:
        raise ClaimEditError(f"The taxonomy has no relation {relation!r}.")
    label = relation_label(project.taxonomy, relation)
    for cl in project.claim_links.values():
        if {cl.source, cl.target} == {source, target}:
            set_link_relation(session, cl.id, relation)
            return cl.id
    link = ClaimLink(project.new_id("cl"), source, target, relation)
    session.push(f"Link {source} → {target}: {label}", [Change(CLAIM_LINK, link.id, None, link)])
    return link.id


def set_link_relation(session: Session, link_id: str, relation: str) -> None:
    project = _project(session)
    old = project.claim_links.get(link_id)
    if old is None:
        raise ClaimEditError(f"There is no claim link {link_id}.")
    if project.taxonomy.relation(relation) is None:
        raise ClaimEditError(f"The taxonomy has no relation {relation!r}.")
    if old.relation != relation:
        new = replace(old, relation=relation)
        label = relation_label(project.taxonomy, relation)
        session.push(f"Relation of {link_id}: {label}", [Change(CLAIM_LINK, link_id, old, new)])


def set_taxonomy(session: Session, taxonomy: Taxonomy) -> list[str]:
    """Replace the project's taxonomy in one undo step; returns the ids of the claims and
    claim links whose type or relation the new taxonomy lacks (kept as they are, shown as
    "not in the taxonomy" until the user changes them)."""
    project = _project(session)
    if taxonomy != project.taxonomy:
        session.push(f"Load taxonomy {taxonomy.name}",
                     [Change(TAXONOMY, "taxonomy", project.taxonomy, taxonomy)])
    return orphans(project, taxonomy)


def orphans(project: Project, taxonomy: Taxonomy) -> list[str]:
    claims = [c.id for c in project.claims.values() if taxonomy.claim_type(c.type) is None]
    links = [cl.id for cl in project.claim_links.values()
             if taxonomy.relation(cl.relation) is None]
    return claims + links


def remove_claim_link(session: Session, link_id: str) -> None:
    old = _project(session).claim_links.get(link_id)
    if old is None:
        raise ClaimEditError(f"There is no claim link {link_id}.")
    session.push(f"Unlink {old.source} → {old.target}", [Change(CLAIM_LINK, link_id, old, None)])
