"""XCES cesAlign export of the alignment layer, with the sentence files it points into.

cesAlign links name sentences by id (`xtargets="A.s1 A.s2;B.s4"`), so the two documents are
written too, as cesDoc files of `<p>`/`<s id>` beside the alignment file, the layout OPUS and
InterText read. A link side that is not made of whole sentences (a manual sub-sentence link)
names every sentence it touches. Rejected links are left out: cesAlign records correspondence
only, and a sentence pair is written once (a person's link wins over a proposal on the same
pair). Elements are in no namespace, as in OPUS and InterText files.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..annotations import AlignmentLink, LinkStatus, Project
from ..document import Document
from .common import generator, live_links, sentence_table, sentences_by_paragraph, sentences_in


def sentence_doc_name(align_path: Path | str, doc: Document) -> str:
    """File name of a document's sentence file beside the alignment file."""
    path = Path(align_path)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return f"{stem}.{doc.id}.xml"


def project_to_ces_align(project: Project, from_doc: str = "", to_doc: str = "") -> bytes:
    """The cesAlign document; from_doc/to_doc name the sentence files (default: doc ids)."""
    from_doc = from_doc or f"{project.doc_a.id}.xml"
    to_doc = to_doc or f"{project.doc_b.id}.xml"
    root = etree.Element("cesAlign", version="1.0", fromDoc=from_doc, toDoc=to_doc)
    root.append(etree.Comment(f" written by {generator()}; certainty = link score "))
    grp = etree.SubElement(etree.SubElement(root, "linkList"), "linkGrp", targType="s",
                           fromDoc=from_doc, toDoc=to_doc)
    for link, ids_a, ids_b in _sentence_links(project):
        etree.SubElement(grp, "link", id=link.id, type=f"{len(ids_a)}-{len(ids_b)}",
                         xtargets=f"{' '.join(ids_a)};{' '.join(ids_b)}",
                         certainty=f"{link.score:.4f}", status=link.status.value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _sentence_links(project: Project) -> list[tuple[AlignmentLink, list[str], list[str]]]:
    """Each live link with the sentence ids of its sides, one link per sentence pair."""
    table_a, table_b = sentence_table(project.doc_a), sentence_table(project.doc_b)
    best: dict[tuple[tuple[str, ...], tuple[str, ...]], AlignmentLink] = {}
    order: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for link in live_links(project):
        ids_a = tuple(sentences_in(table_a, link.a, project.doc_a.text))
        ids_b = tuple(sentences_in(table_b, link.b, project.doc_b.text))
        if not ids_a or not ids_b:
            continue
        key = (ids_a, ids_b)
        if key not in best:
            order.append(key)
            best[key] = link
        elif _rank(link) > _rank(best[key]):
            best[key] = link
    return [(best[k], list(k[0]), list(k[1])) for k in order]


def _rank(link: AlignmentLink) -> tuple[bool, float]:
    return link.status is not LinkStatus.PROPOSED, link.score


def document_to_ces_doc(doc: Document) -> bytes:
    """A cesDoc with one <p> per paragraph and one <s id> per sentence."""
    root = etree.Element("cesDoc", version="1.0")
    header = etree.SubElement(root, "cesHeader", version="1.0")
    file_desc = etree.SubElement(header, "fileDesc")
    etree.SubElement(etree.SubElement(file_desc, "titleStmt"), "h.title").text = doc.title
    source = etree.SubElement(file_desc, "sourceDesc")
    etree.SubElement(source, "p").text = f"{doc.source or doc.id} (sha256 {doc.sha256})"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for number, sentences in enumerate(sentences_by_paragraph(doc), start=1):
        para = etree.SubElement(body, "p", id=f"{doc.id}.p{number}")
        for sent in sentences:
            etree.SubElement(para, "s", id=sent.id).text = doc.text[sent.start : sent.end]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
