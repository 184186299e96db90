"""The checks a grammar cannot make: hashes, lengths, offsets, quotes, what ids point at."""

from __future__ import annotations

import hashlib

from lxml import etree

from ..limits import MAX_NUMBER_DIGITS
from .assist import assist_problems
from .parse import Q, as_int, text_of
from .review import reviewed_problems


def semantic_problems(root: etree._Element) -> list[tuple[int, str]]:
    """Checks the grammar cannot make: hashes, lengths, offsets, quotes, what ids point at."""
    problems = number_problems(root) + taxonomy_problems(root.find(Q + "taxonomy"))
    if problems:
        return problems
    texts: dict[str, str] = {}
    for el in root.iterfind(Q + "documents/" + Q + "document"):
        text = text_of(el.find(Q + "text"))
        doc_id = el.get("id")
        texts[doc_id] = text
        line = el.sourceline or 0
        if len(text) != as_int(el.get("length")):
            problems.append(
                (
                    line,
                    f"document {doc_id}: text length {len(text)} differs from the "
                    f"recorded {el.get('length')}",
                )
            )
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != el.get("sha256"):
            problems.append(
                (line, f"document {doc_id}: the text does not match its sha256 (edited or damaged)")
            )
    lengths = {doc_id: len(text) for doc_id, text in texts.items()}
    span_tag = Q + "span"
    for el in root.find(Q + "alignment").iterfind(Q + "link"):
        sides = set()
        for sp in el.iterfind(span_tag):
            doc_id, start, end = sp.get("doc"), as_int(sp.get("start")), as_int(sp.get("end"))
            length = lengths.get(doc_id)
            if length is not None and start < end <= length:  # the usual case, said once
                sides.add(doc_id)
                continue
            where = f"link {el.get('id')}"
            if length is None:
                problems.append((sp.sourceline or 0,
                                 f"{where}: span names {doc_id!r}, which is not a document"))
                continue
            sides.add(doc_id)
            problems.append((sp.sourceline or 0,
                             f"{where}: span [{start}, {end}) is empty or outside document "
                             f"{doc_id}"))
        if len(sides) != 2:
            problems.append(
                (el.sourceline or 0, f"link {el.get('id')}: needs a span in each document")
            )
    claim_docs: dict[str, str] = {}
    for el in root.iterfind(Q + "claims/" + Q + "claim"):
        cid, doc_id, line = el.get("id"), el.get("doc"), el.sourceline or 0
        start, end = as_int(el.get("start")), as_int(el.get("end"))
        if doc_id not in texts:
            problems.append((line, f"claim {cid}: names {doc_id!r}, which is not a document"))
            continue
        claim_docs[cid] = doc_id
        if not start < end <= len(texts[doc_id]):
            problems.append(
                (line, f"claim {cid}: range [{start}, {end}) is empty or outside the text")
            )
        elif texts[doc_id][start:end] != text_of(el.find(Q + "exact")):
            problems.append(
                (line, f"claim {cid}: its quoted text differs from the document at its offsets")
            )
    for el in root.iterfind(Q + "claimLinks/" + Q + "claimLink"):
        problems += _claim_link_problems(el, claim_docs, {}, orphaned=False)
    orphan_docs: dict[str, str] = {}
    all_docs = claim_docs
    for el in root.iterfind(Q + "orphans/" + Q + "claim"):
        if el.get("doc") not in texts:
            problems.append((el.sourceline or 0, f"orphaned claim {el.get('id')}: names "
                             f"{el.get('doc')!r}, which is not a document"))
        orphan_docs[el.get("id")] = el.get("doc")
    if orphan_docs:
        all_docs = {**claim_docs, **orphan_docs}
    for el in root.iterfind(Q + "orphans/" + Q + "claimLink"):
        problems += _claim_link_problems(el, all_docs, orphan_docs, orphaned=True)
    problems.extend(assist_problems(root, texts))
    problems.extend(reviewed_problems(root, texts))
    return problems


def _claim_link_problems(el: etree._Element, docs: dict[str, str],
                         orphan_docs: dict[str, str], *, orphaned: bool) -> list[tuple[int, str]]:
    """A claim link's ends (`docs`: claim id -> document): claims of the two different
    documents; an orphaned link has at least one orphaned claim as an end."""
    ends = [el.get("source"), el.get("target")]
    line = el.sourceline or 0
    missing = [e for e in ends if e not in docs]
    if missing:
        return [(line, f"claim link {el.get('id')}: {missing[0]!r} is not a claim")]
    if orphaned and not any(e in orphan_docs for e in ends):
        return [(line, f"orphaned claim link {el.get('id')}: touches no orphaned claim")]
    if docs[ends[0]] == docs[ends[1]]:
        return [(line, f"claim link {el.get('id')}: joins two claims of the same document")]
    return []


_NUMBERS = ("start", "end", "length")


def number_problems(root: etree._Element) -> list[tuple[int, str]]:
    """Offsets and lengths with more digits than any text can need (Python's int() would
    refuse a few thousand of them with an uncaught error)."""
    problems = []
    for el in root.iter(Q + "document", Q + "span", Q + "claim", Q + "side", Q + "dismissed"):
        for attr in _NUMBERS:
            value = el.get(attr)
            if value is not None and len(value.strip().lstrip("0")) > MAX_NUMBER_DIGITS:
                problems.append((el.sourceline or 0,
                                 f"<{etree.QName(el).localname}> {attr}: a number of "
                                 f"{len(value):,} characters is not an offset"))
    return problems


def taxonomy_problems(taxonomy: etree._Element) -> list[tuple[int, str]]:
    """Ids and names a taxonomy uses twice (the schema's ID type covers none of them)."""
    problems: list[tuple[int, str]] = []

    def once(elements: list[etree._Element], key: str, what: str) -> None:
        seen: set[str] = set()
        for el in elements:
            value = el.get(key, "")
            if value in seen:
                problems.append((el.sourceline or 0, f"taxonomy: {what} {value!r} is used twice"))
            seen.add(value)

    types = list(taxonomy.iterfind(Q + "claimType"))
    once(types, "id", "the claim type id")
    once(list(taxonomy.iterfind(Q + "relationType")), "id", "the relation type id")
    for ct in types:
        once(list(ct.iterfind(Q + "attribute")), "name",
             f"in claim type {ct.get('id')!r}, the attribute name")
    return problems
