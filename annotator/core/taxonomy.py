"""The claim taxonomy: claim types, their attributes and the relations between claims.

It is data, not code: a default ships in annotator/resources/, users can load their own, and every
project embeds the one it was made with so a colleague sees the same types.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AttributeDef:
    """An attribute a claim may carry; `values` empty means free text."""

    name: str
    label: str = ""
    values: tuple[str, ...] = ()
    default: str = ""


@dataclass(frozen=True)
class ClaimType:
    id: str
    label: str
    color: str  # "#rrggbb"
    shortcut: str = ""  # a key sequence in Qt's portable text form, e.g. "1" or "Ctrl+Q"
    description: str = ""
    attributes: tuple[AttributeDef, ...] = ()


@dataclass(frozen=True)
class RelationType:
    id: str
    label: str
    color: str = "#808080"
    shortcut: str = ""
    description: str = ""


@dataclass(frozen=True)
class Taxonomy:
    name: str
    version: str
    claim_types: tuple[ClaimType, ...]
    relations: tuple[RelationType, ...]

    def claim_type(self, type_id: str) -> ClaimType | None:
        return next((t for t in self.claim_types if t.id == type_id), None)

    def relation(self, relation_id: str) -> RelationType | None:
        return next((r for r in self.relations if r.id == relation_id), None)

