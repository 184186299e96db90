"""A document's provenance (SourceMeta) as the optional <origin> element of the project XML.

<origin kind="html" file="page.html" url="…" title="…" author="…" date="2026-03-12"
        site="…" extractor="trafilatura" extractorVersion="2.3.1"/> sits before <text>;
only known fields are written, and a file without it (older projects) reads as "unknown".
"""

from __future__ import annotations

from dataclasses import fields

from lxml import etree

from ..inputs.model import SourceMeta

# SourceMeta field -> XML attribute
ATTRIBUTES = {f.name: "".join(p if i == 0 else p.title() for i, p in
                              enumerate(f.name.split("_"))) for f in fields(SourceMeta)}


def origin_attributes(meta: SourceMeta) -> dict[str, str]:
    """<origin>'s attributes: the known fields only (empty: write no <origin>)."""
    return {ATTRIBUTES[name]: value for name, value in meta.items()}


def origin_from(document: etree._Element, qualify: str) -> SourceMeta:
    el = document.find(qualify + "origin")
    if el is None:
        return SourceMeta()
    return SourceMeta(**{name: el.get(attr, "") for name, attr in ATTRIBUTES.items()})
