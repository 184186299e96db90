"""Read-only questions about a project: reading order and next/previous for claims
(`claims`) and links (`links`), links indexed by position (`link_index`), and what is derived
from the whole set of links: counts, coverage, unmatched sentences (`link_facts`)."""
