"""TEI P5 stand-off export: the two texts in full, claims and links in `<standOff>`.

Each document's text is one `<ab xml:space="preserve">` whose string value is exactly the
project text (sentences are `<s>` elements inside it, so nothing is added or dropped).
Claims and alignment passages point into it with
`#string-range(//ab[@xml:id='text-A'],offset,length)`: zero-based code points, like the
project offsets; the inner pointer is an XPath because a URI cannot hold a second `#`.
Claim and relation types are `<category>` elements of a header `<taxonomy>`, named by
`@ana`; claim attributes are `<fs>` feature structures; notes are a `<listAnnotation>`.
Alignment links and claim links are `<linkGrp>`s; a link's score is its `@cert`.
Discrepancy flags (issue 17) are a `<linkGrp type="discrepancies">`: each link's `@type` is the
flag's kind, `@subtype` its state, its targets the evidence in both texts (an omission points
at its statement and at the whole other text, which has no counterpart), `@corresp` the claim
link it became; its explanation is a note in the `<listAnnotation>`.
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from ..annotations import Project
from ..assist.model import Flag
from ..document import Document, Span
from .common import (
    claim_links_in_order,
    claims_in_order,
    generator,
    links_in_order,
    sentence_table,
)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_T = f"{{{TEI_NS}}}"
_XML_ID = f"{{{XML_NS}}}id"
_NOT_TOKEN = re.compile(r"\s+")


def text_id(doc: Document) -> str:
    return f"text-{doc.id}"


def claim_xml_id(claim_id: str) -> str:
    return f"claim-{claim_id}"


def string_range(doc: Document, span: Span) -> str:
    """A TEI string-range pointer to doc.text[span.start:span.end]."""
    return (f"#string-range(//ab[@xml:id='{text_id(doc)}'],"
            f"{span.start},{span.end - span.start})")


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _T + tag)
    for key, value in attrs.items():
        el.set(_XML_ID if key == "xml_id" else key, value)
    if text is not None:
        el.text = text
    return el


_W3C_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _when(value: str) -> str:
    """`value` if it is a real date TEI's @when takes (xsd:date, gYearMonth or gYear), else "".

    The date is as the source states it (a Markdown front matter's `2024-02-30`, a PDF's
    month 13): the pattern alone let impossible dates make the export invalid TEI."""
    if not _W3C_DATE.match(value):
        return ""
    try:
        date.fromisoformat((value + "-01-01")[:10])  # years 1-9999; a real month and day
    except ValueError:
        return ""
    return value


def _origin_bibl(bibl: etree._Element, doc: Document) -> None:
    """The document's provenance: author, publisher (site), date, URL, how it was extracted."""
    meta = doc.meta
    if meta.author:
        _el(bibl, "author", meta.author)
    if meta.site:
        _el(bibl, "publisher", meta.site)
    if meta.date:
        when = _when(meta.date[:10])
        _el(bibl, "date", meta.date, **({"when": when} if when else {}))
    if meta.url:
        _el(bibl, "idno", meta.url, type="URI")
    if meta.extractor:
        _el(bibl, "note", f"Text extracted from {meta.kind or 'the source'} by "
            f"{meta.extractor} {meta.extractor_version}".strip() + ".", type="extraction")


def project_to_tei(project: Project) -> bytes:
    """The whole project as one TEI document (UTF-8 bytes)."""
    root = etree.Element(_T + "TEI", nsmap={None: TEI_NS})
    _header(root, project)
    group = _el(_el(root, "text"), "group")
    for doc in (project.doc_a, project.doc_b):
        _document_text(group, doc)
    _stand_off(root, project)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _header(root: etree._Element, project: Project) -> None:
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title = project.name or f"{project.doc_a.title} / {project.doc_b.title}"
    _el(_el(file_desc, "titleStmt"), "title", title or "Source comparison")
    _el(_el(file_desc, "publicationStmt"), "p", f"Exported by {generator()}.")
    bibls = _el(_el(file_desc, "sourceDesc"), "listBibl")
    for doc in (project.doc_a, project.doc_b):
        bibl = _el(bibls, "bibl", xml_id=f"source-{doc.id}", corresp=f"#{text_id(doc)}")
        _el(bibl, "title", doc.title)
        _origin_bibl(bibl, doc)
        if doc.source:
            _el(bibl, "idno", doc.source, type="path")
        _el(bibl, "idno", doc.sha256, type="sha256")
    encoding = _el(header, "encodingDesc")
    _el(_el(encoding, "projectDesc"), "p",
        "Claims and alignment passages point into each text with "
        "string-range(//ab[@xml:id='...'],offset,length): zero-based offsets and "
        "lengths in Unicode code points into the string value of the identified ab "
        "element, which is the exact "
        "document text (NFC, LF line ends).")
    taxonomy = _el(_el(encoding, "classDecl"), "taxonomy", xml_id="taxonomy")
    tax = project.taxonomy
    _el(taxonomy, "desc", f"Claim taxonomy {tax.name} {tax.version}".strip())
    types = _el(taxonomy, "category", xml_id="claim-types")
    _el(types, "catDesc", "Claim types")
    for ct in tax.claim_types:
        cat = _el(types, "category", xml_id=f"type-{ct.id}")
        _el(cat, "catDesc", ct.label + (f": {ct.description}" if ct.description else ""))
    relations = _el(taxonomy, "category", xml_id="relation-types")
    _el(relations, "catDesc", "Relations between claims")
    for rel in tax.relations:
        cat = _el(relations, "category", xml_id=f"relation-{rel.id}")
        _el(cat, "catDesc", rel.label + (f": {rel.description}" if rel.description else ""))


def _document_text(group: etree._Element, doc: Document) -> None:
    """The full text as one ab; sentences become <s> with ids shared with the XCES export."""
    text_el = _el(group, "text", xml_id=f"doc-{doc.id}", n=doc.id)
    if doc.language:
        text_el.set(f"{{{XML_NS}}}lang", doc.language)
    div = _el(_el(text_el, "body"), "div", type="article")
    if doc.title:
        _el(div, "head", doc.title)
    ab = _el(div, "ab", xml_id=text_id(doc))
    ab.set(f"{{{XML_NS}}}space", "preserve")
    text, cursor, last = doc.text, 0, None
    ab.text = ""
    for sent in sentence_table(doc):
        gap = text[cursor : sent.start]
        if last is None:
            ab.text = gap
        else:
            last.tail = gap
        last = _el(ab, "s", text[sent.start : sent.end], xml_id=sent.id.replace(".", "-"))
        cursor = sent.end
    if last is None:
        ab.text = text
    else:
        last.tail = text[cursor:]


def _stand_off(root: etree._Element, project: Project) -> None:
    stand_off = _el(root, "standOff")
    docs = {project.doc_a.id: project.doc_a, project.doc_b.id: project.doc_b}
    claims = claims_in_order(project)
    if claims:
        spans = _el(stand_off, "spanGrp", type="claims")
        for claim in claims:
            ana = f"#type-{claim.type}" + (f" #attrs-{claim.id}" if claim.attributes else "")
            _el(spans, "span", claim.exact, xml_id=claim_xml_id(claim.id), ana=ana,
                target=string_range(docs[claim.doc], Span(claim.start, claim.end)))
        for claim in claims:
            if claim.attributes:
                fs = _el(stand_off, "fs", xml_id=f"attrs-{claim.id}", type="claimAttributes")
                for name, value in claim.attributes:
                    _el(_el(fs, "f", name=name), "string", value)
    links = links_in_order(project)
    if links:
        grp = _el(stand_off, "linkGrp", type="alignment")
        for link in links:
            targets = [string_range(project.doc_a, s) for s in link.a]
            targets += [string_range(project.doc_b, s) for s in link.b]
            attrs = {"xml_id": f"link-{link.id}", "type": link.status.value,
                     "target": " ".join(targets), "cert": _cert(link.score)}
            if link.method.strip():
                attrs["subtype"] = _NOT_TOKEN.sub("_", link.method.strip())
            _el(grp, "link", **attrs)
    claim_links = claim_links_in_order(project)
    if claim_links:
        grp = _el(stand_off, "linkGrp", type="claimRelations")
        for cl in claim_links:
            _el(grp, "link", xml_id=f"claimlink-{cl.id}", type=cl.relation,
                ana=f"#relation-{cl.relation}",
                target=f"#{claim_xml_id(cl.source)} #{claim_xml_id(cl.target)}")
    flags = project.assist.flags_sorted()
    if flags:
        grp = _el(stand_off, "linkGrp", type="discrepancies")
        for flag in flags:
            _flag_link(grp, project, flag)
    notes = [(f"#{claim_xml_id(c.id)}", c.note) for c in claims if c.note]
    notes += [(f"#claimlink-{cl.id}", cl.note) for cl in claim_links if cl.note]
    notes += [(f"#flag-{f.id}", f.explanation) for f in flags if f.explanation]
    if notes:
        note_list = _el(stand_off, "listAnnotation", type="notes")
        for target, note in notes:
            _el(note_list, "note", note, target=target)
    if len(stand_off) == 0:
        root.remove(stand_off)


def _flag_link(grp: etree._Element, project: Project, flag: Flag) -> None:
    targets = [string_range(doc, span) if span is not None else f"#{text_id(doc)}"
               for doc, span in ((project.doc_a, flag.a), (project.doc_b, flag.b))]
    attrs = {"xml_id": f"flag-{flag.id}", "type": flag.kind, "subtype": flag.state.value,
             "target": " ".join(targets)}
    if flag.made:
        is_claim = flag.made in project.claims and flag.made not in project.claim_links
        attrs["corresp"] = f"#{claim_xml_id(flag.made) if is_claim else 'claimlink-' + flag.made}"
    _el(grp, "link", **attrs)


def _cert(score: float) -> str:
    return repr(round(min(1.0, max(0.0, float(score))), 4))
