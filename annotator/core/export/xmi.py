"""UIMA CAS XMI for INCEpTION (and WebAnno, DKPro): an `.xmi` per article plus `TypeSystem.xml`.

Export: each article is a CAS whose text is the article, with DKPro `Sentence` annotations and
one `webanno.custom.Claim` per claim (INCEpTION's naming for a custom span layer): its `label`
feature is the claim type, one string feature per attribute (named `attr_<name>` when the
attribute's name is not one UIMA takes, see `feature_names`), `note` for the note. Import that
folder into INCEpTION as "UIMA CAS XMI" after creating a span layer `Claim` with those
features, or read it with dkpro-cassis. A CAS holds one text, so claim links (which join the
two articles) are not in it.

Import: any CAS XMI (with its type system file) from INCEpTION: every span annotation of a
custom layer (or a named entity) whose label, or else the layer's own name, names a claim
type becomes a claim; its other string features whose names (or descriptions, for `attr_`
features) are attributes come along; the rest is reported.
"""

from __future__ import annotations

import io
import keyword
import re
import warnings
from pathlib import Path
from typing import Any

from ..annotations import Project
from ..document import Document
from .common import claims_in_order
from .importing import (
    ClaimImportError,
    ForeignSpan,
    ImportReport,
    add_claims,
    read_import_file,
    refuse_doctype,
)

CLAIM_TYPE = "webanno.custom.Claim"
SENTENCE = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
ANNOTATION = "uima.tcas.Annotation"
STRING = "uima.cas.String"
ATTRIBUTE_DESCRIPTION = "claim attribute "
_FEATURE = re.compile(r"[^\W\d_]\w*")  # a Java identifier, as UIMA requires of feature names
# the Claim layer's own features, and names cassis's feature structures use for themselves
_RESERVED_FEATURES = ("label", "note", "begin", "end", "sofa", "self", "type", "get", "set",
                      "xmiID", "get_covered_text")
LABEL_FEATURES = ("label", "value", "claimType", "type", "category", "tag")
# layers a DKPro pipeline adds that are never claims
STRUCTURAL = ("segmentation.type.", "metadata.type.", "uima.tcas.DocumentAnnotation",
              "syntax.type.", "morph.type.", "lexmorph.type.")


def _attribute_names(project: Project) -> list[str]:
    names: list[str] = []
    for ct in project.taxonomy.claim_types:
        names.extend(a.name for a in ct.attributes if a.name not in names)
    for claim in project.claims.values():
        names.extend(n for n, _ in claim.attributes if n not in names)
    return names


def feature_names(project: Project) -> dict[str, str]:
    """Attribute name -> the Claim feature that holds it.

    A UIMA feature name is a Java identifier (a letter, then letters, digits, `_`) and cassis
    makes each one a Python attribute, so an attribute name that is an NCName but not such an
    identifier (`a-b`, `a.b`, `_x`, `class`), or that is a feature of the layer or a member of
    cassis's feature structures (`note`, `type`, `get`), is written as `attr_<name>` (numbered
    on a clash) rather than crashing the export or being dropped; the feature's description
    keeps the attribute's own name, which the import reads back."""
    taken = set(_RESERVED_FEATURES)
    features: dict[str, str] = {}
    for name in _attribute_names(project):
        feature = name
        if not _FEATURE.fullmatch(name) or keyword.iskeyword(name) or name in taken:
            feature = base = "attr_" + re.sub(r"\W", "_", name)
            n = 1
            while feature in taken:
                n += 1
                feature = f"{base}_{n}"
        taken.add(feature)
        features[name] = feature
    return features


def _typesystem(project: Project) -> Any:
    from cassis import load_dkpro_core_typesystem

    with warnings.catch_warnings():  # cassis reads its bundled types with a deprecated call
        warnings.simplefilter("ignore", DeprecationWarning)
        ts = load_dkpro_core_typesystem()
    if not ts.contains_type(METADATA):
        meta = ts.create_type(METADATA, supertypeName="uima.tcas.DocumentAnnotation")
        for feature in ("documentTitle", "documentId", "documentUri"):
            ts.create_feature(meta, feature, STRING)
    claim = ts.create_type(CLAIM_TYPE, supertypeName=ANNOTATION,
                           description="A claim tagged in annotator")
    ts.create_feature(claim, "label", STRING, description="claim type")
    for name, feature in feature_names(project).items():
        ts.create_feature(claim, feature, STRING, description=ATTRIBUTE_DESCRIPTION + name)
    ts.create_feature(claim, "note", STRING)
    return ts


def _cas(project: Project, doc: Document, ts: Any) -> Any:
    from cassis import Cas

    cas = Cas(typesystem=ts)
    cas.sofa_string = doc.text
    cas.sofa_mime = "text/plain"
    meta = ts.get_type(METADATA)
    cas.add(meta(begin=0, end=len(doc.text), documentTitle=doc.title, documentId=doc.id,
                 documentUri=doc.source or doc.id))
    sentence = ts.get_type(SENTENCE)
    for seg in doc.sentences:
        cas.add(sentence(begin=seg.start, end=seg.end))
    claim_type = ts.get_type(CLAIM_TYPE)
    feature = feature_names(project)
    for claim in (c for c in claims_in_order(project) if c.doc == doc.id):
        features = {feature[n]: v for n, v in claim.attributes}
        if claim.note:
            features["note"] = claim.note
        cas.add(claim_type(begin=claim.start, end=claim.end, label=claim.type, **features))
    return cas


def xmi_files(project: Project) -> dict[str, bytes]:
    """File name -> content: `A.xmi`, `B.xmi` and the `TypeSystem.xml` both use."""
    ts = _typesystem(project)
    files = {f"{doc.id}.xmi": _cas(project, doc, ts).to_xmi(pretty_print=True).encode("utf-8")
             for doc in (project.doc_a, project.doc_b)}
    files["TypeSystem.xml"] = ts.to_xml().encode("utf-8")
    return files


# --- import ------------------------------------------------------------------------------

def _find_typesystem(xmi_path: Path) -> Path:
    for name in ("TypeSystem.xml", "typesystem.xml", "typesystem.xmi"):
        if (xmi_path.parent / name).is_file():
            return xmi_path.parent / name
    raise ClaimImportError(f"{xmi_path.name}: no TypeSystem.xml beside it (INCEpTION's "
                           "XMI export writes one; put it in the same folder).")


def _is_structural(type_name: str) -> bool:
    return any(part in type_name for part in STRUCTURAL)


def _attribute_of(feature: Any) -> str:
    """The attribute a feature holds: its description names it when the export had to give
    the feature another name (see `feature_names`)."""
    description = feature.description or ""
    if description.startswith(ATTRIBUTE_DESCRIPTION):
        return description[len(ATTRIBUTE_DESCRIPTION):]
    return str(feature.name)


def _spans(cas: Any, project: Project) -> tuple[list[ForeignSpan], list[str]]:
    spans: list[ForeignSpan] = []
    skipped: list[str] = []
    attribute_names = {a.name for ct in project.taxonomy.claim_types for a in ct.attributes}
    for fs in cas.select_all_annotations():
        type_ = fs.type
        if not cas.typesystem.subsumes(ANNOTATION, type_.name) or _is_structural(type_.name):
            continue
        features = [f for f in type_.all_features
                    if f.rangeType.name == STRING and isinstance(fs.get(f.name), str)]
        strings = {f.name: fs.get(f.name) for f in features}
        label = next((strings[n] for n in LABEL_FEATURES if strings.get(n)), "")
        name = label or type_.name.rsplit(".", 1)[-1]
        if fs.begin is None or fs.end is None or fs.begin >= fs.end:
            skipped.append(f"{name} at {fs.begin}: an empty span")
            continue
        attrs = tuple((_attribute_of(f), strings[f.name]) for f in features
                      if _attribute_of(f) in attribute_names and strings[f.name]
                      and f.name not in (*LABEL_FEATURES, "note"))
        spans.append(ForeignSpan(fs.begin, fs.end, name, attrs, strings.get("note", "") or ""))
    return spans, skipped


def import_xmi(project: Project, doc_id: str, xmi_path: str | Path) -> ImportReport:
    """Add the claims of an INCEpTION/WebAnno CAS XMI file to article `doc_id`."""
    from cassis import load_cas_from_xmi, load_typesystem

    xmi_path = Path(xmi_path)
    ts_path = _find_typesystem(xmi_path)
    ts_bytes, xmi_bytes = read_import_file(ts_path), read_import_file(xmi_path)
    refuse_doctype(ts_bytes, ts_path.name)
    refuse_doctype(xmi_bytes, xmi_path.name)
    try:
        with warnings.catch_warnings():  # lenient: unknown types are skipped, not printed
            warnings.simplefilter("ignore", UserWarning)
            ts = load_typesystem(io.BytesIO(ts_bytes))
            cas = load_cas_from_xmi(io.BytesIO(xmi_bytes), typesystem=ts, lenient=True)
    except Exception as exc:  # cassis raises lxml, type-system and value errors alike
        # a KeyError's text is the bare id ("(1)"); say what it means
        detail = (f"it refers to xmi:id {exc.args[0]}, which it does not hold"
                  if isinstance(exc, KeyError) else str(exc))
        raise ClaimImportError(f"{xmi_path.name}: not a UIMA CAS XMI file this type system "
                               f"reads ({detail}).") from exc
    text = (cas.sofa_string or "").replace("\r\n", "\n")
    report = ImportReport(source=xmi_path.name)
    spans, report.skipped = _spans(cas, project)
    add_claims(project, doc_id, text, spans, report)
    return report
