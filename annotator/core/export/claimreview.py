"""schema.org ClaimReview (JSON-LD), the markup fact-checkers publish, for claims with a verdict.

A claim carries a verdict when its `verification` (or `verdict`) attribute holds anything but
"unchecked". Each such claim becomes one ClaimReview: the quote is `claimReviewed`, the claim
itself an `itemReviewed` Claim whose `appearance` is the article it was tagged in plus the
articles of the claims linked to it as the same claim or a paraphrase, and the verdict a Rating
on a 1 (false) to 3 (verified) scale with the verdict's own word as `alternateName`, which is
what search engines show. Publisher, URL and date are left for the fact-checker to add: the
project does not know them.
"""

from __future__ import annotations

import json
from typing import Any

from ..annotations import Claim, Project
from ..document import Document
from .common import claims_in_order, type_label

SCHEMA_CONTEXT = "https://schema.org"
VERDICT_ATTRIBUTES = ("verification", "verdict")
# verdict word -> (rating value, label); unknown words keep their text and get no number
RATINGS = {"false": (1, "False"), "disputed": (2, "Disputed"), "verified": (3, "Verified")}
SAME_CLAIM_RELATIONS = frozenset({"same", "paraphrase"})

Json = dict[str, Any]


def verdict(claim: Claim) -> str:
    """The claim's verdict word, or "" when it has none yet."""
    attrs = claim.attrs
    for name in VERDICT_ATTRIBUTES:
        value = attrs.get(name, "").strip()
        if value and value.lower() != "unchecked":
            return value
    return ""


def _work(doc: Document) -> Json:
    work: Json = {"@type": "CreativeWork", "headline": doc.title,
                  "identifier": f"sha256:{doc.sha256}"}
    if doc.language:
        work["inLanguage"] = doc.language
    if doc.source.startswith(("http://", "https://")):
        work["url"] = doc.source
    return work


def _appearances(project: Project, claim: Claim) -> list[Json]:
    docs = [claim.doc]
    for cl in project.claim_links.values():
        if cl.relation in SAME_CLAIM_RELATIONS and claim.id in (cl.source, cl.target):
            other = project.claims[cl.target if cl.source == claim.id else cl.source]
            if other.doc not in docs:
                docs.append(other.doc)
    return [_work(project.document(d)) for d in docs]


def _rating(word: str) -> Json:
    rating: Json = {"@type": "Rating"}
    known = RATINGS.get(word.lower())
    if known:
        rating.update(ratingValue=known[0], worstRating=1, bestRating=3, alternateName=known[1])
    else:
        rating["alternateName"] = word
    return rating


def claim_review(project: Project, claim: Claim) -> Json:
    attrs = claim.attrs
    item: Json = {"@type": "Claim", "text": claim.exact,
                  "genre": type_label(project, claim.type),
                  "appearance": _appearances(project, claim)}
    language = project.document(claim.doc).language
    if language:
        item["inLanguage"] = language
    if attrs.get("speaker"):
        item["author"] = {"@type": "Person", "name": attrs["speaker"]}
    elif attrs.get("source"):
        item["author"] = {"@type": "Organization", "name": attrs["source"]}
    review: Json = {"@type": "ClaimReview", "claimReviewed": claim.exact,
                    "itemReviewed": item, "reviewRating": _rating(verdict(claim))}
    if claim.note:
        review["reviewBody"] = claim.note
    return review


def project_to_claimreview(project: Project) -> bytes:
    reviews = [claim_review(project, c) for c in claims_in_order(project) if verdict(c)]
    data = {"@context": SCHEMA_CONTEXT, "@graph": reviews}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
