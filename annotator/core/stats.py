"""Coverage of a document by links, fast enough for a status bar on a book-length pair.

Non-space characters are counted once per text (a numpy prefix sum, cached), so each query
only sorts and merges the link spans instead of walking every character in Python.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .annotations import LinkStatus, Project

_LAST_SPACE = 0x3000  # U+3000 IDEOGRAPHIC SPACE is the highest code point str.isspace() accepts
_IS_SPACE = np.array([chr(c).isspace() for c in range(_LAST_SPACE + 1)], dtype=bool)


@lru_cache(maxsize=8)
def nonspace_prefix(text: str) -> np.ndarray:
    """prefix[k] = number of non-space characters (str.isspace) in text[:k]."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    space = np.zeros(len(codes), dtype=bool)
    low = codes <= _LAST_SPACE
    space[low] = _IS_SPACE[codes[low]]
    prefix = np.zeros(len(codes) + 1, dtype=np.int64)
    np.cumsum(~space, out=prefix[1:])
    return prefix


def coverage(project: Project, side: str) -> float:
    """Share of one document's non-space characters covered by non-rejected links (0..1)."""
    doc = project.doc_a if side == "A" else project.doc_b
    prefix = nonspace_prefix(doc.text)
    total = int(prefix[-1])
    if not total:
        return 0.0
    spans = np.array([(s.start, s.end) for link in project.links.values()
                      if link.status is not LinkStatus.REJECTED
                      for s in (link.a if side == "A" else link.b)], dtype=np.int64)
    if not len(spans):
        return 0.0
    spans = spans[np.argsort(spans[:, 0], kind="stable")]
    starts, ends = spans[:, 0], spans[:, 1]
    # each span counts only from where the spans before it stopped reaching
    reach = np.maximum.accumulate(np.concatenate(([0], ends[:-1])))
    begin = np.maximum(starts, reach)
    fresh = ends > begin
    hit = int((prefix[ends[fresh]] - prefix[begin[fresh]]).sum())
    return hit / total
