"""The claims screenshot's demo: tagged, nested and linked claims on the sample pair.

Rendered with the other README screenshots by `python -m annotator.ui.screenshot`.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_A = ROOT / "samples" / "000_7ef15a09e7207d90.txt"
SAMPLE_B = ROOT / "samples" / "001_f395bdecfdbba89e.txt"

# (document, quoted text, claim type); then links between claims by index, with a relation
DEMO_CLAIMS = (
    ("A", "its allies Russia and China show little signs of support", "opinion"),
    ("A", "Venezuelan President Nicolás Maduro faces escalating geopolitical isolation",
     "factual"),
    ("A", "Despite years of political, financial, and military backing from both China and "
          "Russia", "factual"),
    ("A", "significant US military deployment to the Caribbean region, including a "
          "nuclear-powered submarine, surveillance aircraft, and approximately 15,000 troops",
     "factual"),
    ("A", "approximately 15,000 troops", "statistic"),
    ("B", "Venezuela's allies Russia and China are slinking away", "opinion"),
    ("B", "Venezuelan President Nicolás Maduro is encountering dwindling support from his "
          "traditional allies, Russia and China", "factual"),
    ("B", "Russia and China have supported Maduro’s administration through military "
          "equipment, financial aid, and training", "factual"),
    ("B", "Vladimir Rouvinski, an international relations professor at Icesi University, noted",
     "attribution"),
    ("B", "two nuclear-capable bombers to Venezuela in 2018", "statistic"),
)
DEMO_LINKS = ((0, 5, "paraphrase"), (1, 6, "same"), (2, 7, "elaborates"))
CURRENT = 1


def annotate_demo(window: object) -> list[str]:
    """Tag and link the demo claims in a window showing the sample pair; returns claim ids."""
    from annotator.ui import claim_ops as ops
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    session = window.session
    project = session.project
    assert project is not None
    ids = []
    for doc, part, type_id in DEMO_CLAIMS:
        text = project.document(doc).text
        start = text.index(part)
        ids.append(ops.add_claim(session, doc, start, start + len(part), type_id))
    ops.set_claim_attribute(session, ids[8], "source", "Vladimir Rouvinski")
    for source, target, relation in DEMO_LINKS:
        ops.link_claims(session, ids[source], ids[target], relation)
    session.select("claim", ids[CURRENT])
    return ids


def _claims_demo(window: object) -> None:
    from annotator.ui.claim_tools import ClaimTools
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    if not isinstance(getattr(window, "claims", None), ClaimTools):
        window.claims = ClaimTools(window)  # type: ignore[attr-defined]
    annotate_demo(window)


def take_claims_screenshot(out_dir: Path, size: tuple[int, int] = (1500, 920)) -> Path:
    """The sample pair with the demo claims tagged and linked (light theme)."""
    from annotator.ui.screenshot import screenshot_of_sample

    return screenshot_of_sample(out_dir / "claims.png", "light", size, _claims_demo)
