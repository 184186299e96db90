"""Write the Word and PDF fixtures the input tests read (`python make_fixtures.py [DIR]`).

The generated files are committed next to this script, so the tests never need a writer; the
test suite also re-runs this script into a temporary folder and checks the result extracts to
the same text. The PDF is two pages with a running header, a page-number footer, words
hyphenated at line ends, ligature glyphs (U+FB01, U+FB00) and a paragraph that runs across
the page break; the .docx holds headings, runs, an empty paragraph and a table.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
WHEN = dt.datetime(2026, 3, 12, 9, 30, tzinfo=dt.UTC)

# Page lines as laid out: "" is a paragraph gap. Hyphens at line ends are typographic breaks.
PDF_PAGES = [
    [
        "Port authority ﬁnishes the harbour survey",
        "",
        "The harbour authority said on Tuesday that its survey of the",
        "eastern basin was complete and that dredging would begin in",
        "April. The work is expected to cost 40 million euros, a ﬁgure",
        "the regional govern-",
        "ment has agreed to share.",
        "",
        "“We will not delay the shipping lanes,” the director, Anna",
        "Berg, told reporters. She said the eﬀect on ferry timetables",
        "would be small and tempo-",
        "rary.",
        "",
        "Background",
        "",
        "The basin was last dredged in 2009. Since then, silt has re-",
        "duced the depth by almost two metres in places, according to",
    ],
    [
        "the authority’s own measurements, which were published in",
        "a short report last year.",
        "",
        "Environmental groups have asked for an independent re-",
        "view of the plans. The authority said it would publish its",
        "data in full before work starts.",
    ],
]
PDF_HEADER = "Harbour Authority — Press release"
PDF_TITLE = "Port authority finishes the harbour survey"
PDF_AUTHOR = "Harbour Authority Press Office"


def write_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.set_title(PDF_TITLE)
    pdf.set_author(PDF_AUTHOR)
    pdf.set_creation_date(WHEN)
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", fname=str(FONT))
    total = len(PDF_PAGES)
    for number, lines in enumerate(PDF_PAGES, start=1):
        pdf.add_page()
        pdf.set_font("DejaVu", size=9)
        pdf.text(72, 50, PDF_HEADER)
        pdf.text(280, 800, f"Page {number} of {total}")
        pdf.set_font("DejaVu", size=11)
        y = 100.0
        for line in lines:
            if line:
                pdf.text(72, y, line)
                y += 15
            else:
                y += 12
    pdf.output(str(path))


DOCX_TITLE = "Council approves the new budget"
DOCX_AUTHOR = "Maria Lopez"


def write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = DOCX_TITLE
    props.author = DOCX_AUTHOR
    props.created = WHEN.replace(tzinfo=None)
    props.modified = WHEN.replace(tzinfo=None)
    props.last_modified_by = DOCX_AUTHOR
    document.add_heading(DOCX_TITLE, level=1)
    para = document.add_paragraph("The city council ")
    para.add_run("approved").bold = True
    para.add_run(" the 2027 budget on Monday by 31 votes to 12.")
    document.add_paragraph("")
    document.add_heading("Where the money goes", level=2)
    document.add_paragraph("Spending rises by 4.5 percent, mostly on schools and transport.")
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, [("Area", "Million euros"), ("Schools", "120"),
                                       ("Transport", "85")], strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.add_paragraph("The opposition said the plan “ignores housing”.")
    document.save(str(path))


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    write_pdf(out / "press_release.pdf")
    write_docx(out / "council.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
