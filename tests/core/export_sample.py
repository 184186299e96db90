"""A hand-built project for the export tests: no aligner involved, hostile and tricky text.

Texts mix emoji (astral code points), combining accents, right-to-left script, markup that
must stay text, quotes and newlines; links include an n:m one, a rejected one and a manual
one; claims overlap and nest, carry attributes and notes with markup in them.
"""

from __future__ import annotations

from annotator.core import (
    AlignmentLink,
    ClaimLink,
    Document,
    LinkStatus,
    Project,
    Span,
    new_project,
)

TEXT_A = (
    "Budget talks stall 😀 in the capital\n\n"
    "The minister said: “We will not back down.” Officials said 12 percent of funds were cut. "
    "Critics <script>alert('a')</script> disagreed.\n\n"
    "Café owners (x\u0301y) fear a recession next year. مرحبا بالعالم ends the piece."
)
TEXT_B = (
    "Capital budget talks stall\n\n"
    "Officials said 15 percent of funds were cut, a steep drop. "
    "The minister insisted the government would not retreat.\n\n"
    "Economists predict a recession next year & beyond \"soon\". Unrelated closing line."
)


def find(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle))


def sample_project() -> Project:
    a = Document.from_text("A", TEXT_A, title="Article <A> & co", source="a.txt")
    b = Document.from_text("B", TEXT_B, title="Article B", source="b.txt")
    project = new_project(a, b, name='Pair "one" <test>')
    ta, tb = a.text, b.text
    links = [
        AlignmentLink("l1", (find(ta, "Budget talks stall 😀 in the capital"),),
                      (find(tb, "Capital budget talks stall"),), 0.91, LinkStatus.ACCEPTED,
                      "default"),
        AlignmentLink("l2", (find(ta, "Officials said 12 percent of funds were cut."),),
                      (find(tb, "Officials said 15 percent of funds were cut, a steep drop."),),
                      0.8, LinkStatus.PROPOSED, "default"),
        # n:m: one sentence of A against a sentence of B plus part of another paragraph
        AlignmentLink("l3", (find(ta, "The minister said: “We will not back down.”"),),
                      (find(tb, "The minister insisted the government would not retreat."),
                       find(tb, "Unrelated closing line.")), 0.55, LinkStatus.MANUAL, "manual"),
        AlignmentLink("l4", (find(ta, "Café owners (x\u0301y) fear a recession next year."),),
                      (find(tb, "Economists predict a recession next year & beyond \"soon\"."),),
                      0.42, LinkStatus.REJECTED, "default"),
    ]
    for link in links:
        project.put_link(link)
    quote = find(ta, "We will not back down.")
    c1 = project.make_claim("A", quote.start, quote.end, "quote", claim_id="c1",
                            attributes=[("speaker", "The <b>minister</b>"),
                                        ("verification", "unchecked")],
                            note="Check the \"original\" <i>wording</i> & tone")
    stat = find(ta, "12 percent of funds were cut")
    c2 = project.make_claim("A", stat.start, stat.end, "statistic", claim_id="c2",
                            attributes=[("source", "Officials")])
    nested = find(ta, "12 percent")
    c3 = project.make_claim("A", nested.start, nested.end, "factual", claim_id="c3")
    emoji = find(ta, "stall 😀 in")
    c4 = project.make_claim("A", emoji.start, emoji.end, "opinion", claim_id="c4")
    rtl = find(ta, "مرحبا بالعالم")
    c5 = project.make_claim("A", rtl.start, rtl.end, "quote", claim_id="c5")
    b_stat = find(tb, "15 percent of funds were cut")
    c6 = project.make_claim("B", b_stat.start, b_stat.end, "statistic", claim_id="c6",
                            attributes=[("source", "Officials"), ("verification", "disputed")])
    b_quote = find(tb, "would not retreat")
    c7 = project.make_claim("B", b_quote.start, b_quote.end, "quote", claim_id="c7",
                            attributes=[("speaker", "minister")])
    b_pred = find(tb, "Economists predict a recession next year")
    c8 = project.make_claim("B", b_pred.start, b_pred.end, "prediction", claim_id="c8",
                            note="line1\nline2, \"quoted\"")
    for claim in (c1, c2, c3, c4, c5, c6, c7, c8):
        project.put_claim(claim)
    project.put_claim_link(ClaimLink("k1", "c2", "c6", "number-changed", note="12 → 15"))
    project.put_claim_link(ClaimLink("k2", "c1", "c7", "quote-altered"))
    return project
