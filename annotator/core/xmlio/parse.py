"""Parsing untrusted XML safely, and the RELAX NG schema check.

A hardened parser (no DTD, no entities, no network, libxml2's size limits), any DOCTYPE
refused, a byte cap, then the schema in annotator/resources/annotator.rng.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..limits import (
    MAX_ATTRIBUTES,
    MAX_CLAIM_LINKS,
    MAX_CLAIMS,
    MAX_ELEMENTS,
    MAX_LINKS,
    MAX_PROJECT_BYTES,
    MAX_SPANS,
    MAX_TAXONOMY_ITEMS,
    over_limit,
)
from ..resources import resource_bytes
from ..safefile import FileRefused, read_regular_file

NS = "urn:x-annotator:ns:1"
FORMAT_VERSION = "1.1"  # 1.1 added optional origin, language, assist, orphans, reviewed
MAX_FILE_BYTES = MAX_PROJECT_BYTES
Q = f"{{{NS}}}"
_CHUNK = 1 << 20
# How many of each element a file may hold (the same limits the model keeps while editing).
_PER_TAG = {
    Q + "link": MAX_LINKS,
    Q + "span": MAX_SPANS,
    Q + "claim": MAX_CLAIMS,
    Q + "claimLink": MAX_CLAIM_LINKS,
    Q + "attr": MAX_ATTRIBUTES,
}
_TAXONOMY_TAGS = {Q + t for t in ("claimType", "attribute", "value", "relationType")}
_WHAT = {
    Q + "link": "alignment links",
    Q + "span": "link spans",
    Q + "claim": "claims",
    Q + "claimLink": "claim links",
    Q + "attr": "claim attributes",
}


class ProjectFileError(Exception):
    """A project or taxonomy file is unreadable or invalid; the message is for the user."""

    def __init__(self, message: str, problems: list[tuple[int, str]] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def _parser_options() -> dict[str, bool]:
    """Hardened: no DTD, no entities, no network. huge_tree lifts libxml2's 10 MB text-node
    cap (an article may be longer); the byte cap and element counts below bound the rest.
    Comments and processing instructions are dropped, so text around them joins up."""
    return {
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "dtd_validation": False,
        "huge_tree": True,
        "remove_pis": True,
        "remove_comments": True,
        "collect_ids": True,
    }


def _parser() -> etree.XMLParser:
    return etree.XMLParser(**_parser_options())


@lru_cache(maxsize=1)
def schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.fromstring(resource_bytes("annotator.rng"), _parser()))


def parse_bytes(data: bytes, name: str = "file") -> etree._ElementTree:
    """Safely parse untrusted XML bytes; raises ProjectFileError.

    Every element starts with a "<", so a file with fewer of them than a project may hold
    elements is parsed whole and its elements counted by libxml2; a file that may hold more is
    fed in chunks and its elements counted as they arrive, so it is refused early, before its
    whole tree is in memory."""
    if len(data) > MAX_FILE_BYTES:
        raise ProjectFileError(over_limit(name, len(data), MAX_FILE_BYTES))
    if not data.strip():
        raise ProjectFileError(f"{name}: the file is empty." if not data else
                               f"{name}: the file holds only blank lines and spaces, no project.")
    try:
        if data.count(b"<") > MAX_ELEMENTS:
            root = _parse_counting(data, name)
        else:
            root = etree.fromstring(data, _parser())
            _check_counts(root, name)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        # some libxml2 messages hold a newline ("… out of allowed range\n, line 62"): one line
        msg = re.sub(r"\s*\n\s*", " ", str(exc.msg)).strip().replace(" ,", ",")
        raise ProjectFileError(
            f"{name}: not well-formed XML (line {line}: {msg}).", [(line, msg)]
        ) from exc
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise ProjectFileError(
            f"{name}: a DOCTYPE is not allowed in annotator files.",
            [(1, "a DOCTYPE is not allowed in annotator files")],
        )
    return tree


def _parse_counting(data: bytes, name: str) -> etree._Element:
    parser = etree.XMLPullParser(events=("start",), **_parser_options())
    counts: dict[str, int] = {}
    taxonomy_items = total = 0
    for offset in range(0, len(data), _CHUNK):
        parser.feed(data[offset : offset + _CHUNK])
        for _event, el in parser.read_events():
            tag, total = el.tag, total + 1
            if tag in _PER_TAG:
                counts[tag] = counts.get(tag, 0) + 1
                if counts[tag] > _PER_TAG[tag]:
                    _too_many(name, el, _WHAT[tag], _PER_TAG[tag])
            elif tag in _TAXONOMY_TAGS:
                taxonomy_items += 1
                if taxonomy_items > MAX_TAXONOMY_ITEMS:
                    _too_many(name, el, "taxonomy entries", MAX_TAXONOMY_ITEMS)
            if total > MAX_ELEMENTS:
                _too_many(name, el, "elements", MAX_ELEMENTS)
    root: etree._Element = parser.close()
    return root


def _check_counts(root: etree._Element, name: str) -> None:
    """The per-kind limits on a parsed tree, counted by libxml2's XPath (no Python loop)."""
    ns = {"a": NS}
    for tag, limit in _PER_TAG.items():
        local = etree.QName(tag).localname
        if root.xpath(f"count(//a:{local})", namespaces=ns) > limit:
            _too_many(name, root.xpath(f"(//a:{local})[{limit + 1}]", namespaces=ns)[0],
                      _WHAT[tag], limit)
    items = " | ".join(f"//a:{etree.QName(t).localname}" for t in sorted(_TAXONOMY_TAGS))
    if root.xpath(f"count({items})", namespaces=ns) > MAX_TAXONOMY_ITEMS:
        _too_many(name, root, "taxonomy entries", MAX_TAXONOMY_ITEMS)


def _too_many(name: str, el: etree._Element, what: str, limit: int) -> None:
    line = el.sourceline or 0
    message = f"holds more than {limit:,} {what}, the most a project may hold"
    raise ProjectFileError(f"{name}: {message} (line {line}).", [(line, message)])


def schema_problems(tree: etree._ElementTree) -> list[tuple[int, str]]:
    """Every schema violation as (line, message); empty when the file is valid."""
    rng = schema()
    if rng.validate(tree):
        return []
    return [(e.line or _line_of_idref(tree, e.message), e.message) for e in rng.error_log]


def _line_of_idref(tree: etree._ElementTree, message: str) -> int:
    """libxml2 reports dangling IDREFs without a line; find the element that holds one."""
    match = re.search(r'unknown ID "([^"]*)"', message)
    if match:
        for el in tree.iter():
            if match.group(1) in el.attrib.values():
                return el.sourceline or 0
    return 0


def read_bytes(path: str | Path) -> bytes:
    """A project or taxonomy file's bytes; never blocks on a FIFO or device."""
    path = Path(path)
    try:
        return read_regular_file(path, MAX_FILE_BYTES)
    except FileRefused as exc:
        raise ProjectFileError(str(exc), [(0, str(exc))]) from exc
    except OSError as exc:
        raise ProjectFileError(f"{path}: cannot be read ({exc.strerror or exc}).") from exc


def validated_root(data: bytes, name: str, root_tag: str) -> etree._Element:
    tree = parse_bytes(data, name)
    root = tree.getroot()
    if root.tag != Q + root_tag:
        found = etree.QName(root).localname
        ns = etree.QName(root).namespace
        if root_tag == "annotationSet" and root.tag.endswith("annotationSet") and ns != NS:
            message = f"written by an unsupported format version (namespace {ns})"
        else:
            message = f"expected an annotator <{root_tag}> element, found <{found}>"
            if ns != NS:
                message += f" in namespace {ns or '(none)'}"
        raise ProjectFileError(f"{name}: {message}.", [(root.sourceline or 1, message)])
    _check_version(root, name)
    problems = schema_problems(tree)
    if problems and _newer_minor(root.get("formatVersion")):
        # a newer 1.x adds optional parts this version's schema does not know: say so
        version = root.get("formatVersion", "")[:20]
        message = (f"made by a newer version of annotator (format {version}; this version reads "
                   f"up to {FORMAT_VERSION}) and uses parts this version does not know: update "
                   f"annotator to open it")
        raise ProjectFileError(f"{name}: {message}.", [(root.sourceline or 1, message)])
    if problems:
        first = problems[0]
        raise ProjectFileError(
            f"{name}: does not match the annotator schema (line {first[0]}: {first[1]}).", problems
        )
    return root


def _check_version(root: etree._Element, name: str) -> None:
    """A newer major format is refused with a message that says so (not a schema error)."""
    version = root.get("formatVersion")
    if version is None:
        return  # the schema reports the missing attribute
    major = version.split(".")[0]
    if major.isdigit() and len(major) < 6 and int(major) > int(FORMAT_VERSION.split(".")[0]):
        message = (f"made by a newer version of annotator (format {version[:20]}; this version "
                   f"reads format {FORMAT_VERSION.split('.')[0]}.x): update annotator to open it")
        raise ProjectFileError(f"{name}: {message}.", [(root.sourceline or 1, message)])


def _newer_minor(version: str | None) -> bool:
    major, _, minor = (version or "").partition(".")
    ours_major, _, ours_minor = FORMAT_VERSION.partition(".")
    return (major == ours_major and minor.isdigit() and len(minor) < 6
            and int(minor) > int(ours_minor))


def as_int(value: str | None) -> int:
    """An offset or length the checks have bounded; leading zeros may exceed Python's
    int-string limit, so they go first."""
    if value is not None and len(value) < 20:
        return int(value)
    return int((value or "0").strip().lstrip("0") or "0")


def text_of(el: etree._Element | None) -> str:
    return "" if el is None or el.text is None else el.text
