"""What one project may hold, in one place, with sizes always told in the same unit.

The limits match what the app can display and edit: the reader refuses a file beyond them
quickly (while parsing, before the tree is complete), the model refuses edits that would pass
them, so whatever the app opens or makes it can also save and read back.
"""

from __future__ import annotations

MiB = 2**20

MAX_INPUT_BYTES = 64 * MiB  # an article file as read (a PDF may be mostly images)
MAX_DOCUMENT_XML_BYTES = 16 * MiB  # one article's text as stored (UTF-8, & -> &amp;)
MAX_PROJECT_BYTES = 256 * MiB  # a project file

MAX_LINKS = 150_000  # alignment links (a pair of 4 million characters has about 150,000)
MAX_SPANS = 450_000  # spans over all alignment links
MAX_CLAIMS = 20_000
MAX_CLAIM_LINKS = 20_000
MAX_ATTRIBUTES = 200_000  # claim attributes over all claims
MAX_TAXONOMY_ITEMS = 2_000  # claim types, attributes, values and relation types together
MAX_ELEMENTS = 1_200_000  # every element of a file together
MAX_NUMBER_DIGITS = 15  # offsets, lengths and scores are far shorter


def size_text(n_bytes: int) -> str:
    """A byte count for a message, in MiB like every limit it is compared with."""
    mib = n_bytes / MiB
    if mib == int(mib):
        return f"{int(mib)} MiB"
    return f"{mib:.2f} MiB" if mib < 1 else f"{mib:.1f} MiB"


def over_limit(what: str, n_bytes: int, limit: int) -> str:
    """'NAME: 66.8 MiB is over the 64 MiB limit.'"""
    return f"{what}: {size_text(n_bytes)} is over the {size_text(limit)} limit."
