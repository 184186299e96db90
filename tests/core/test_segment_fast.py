"""The fast segmenter must give exactly plain pysbd's sentences, and never lose text.

`fast_split` runs pysbd only where a boundary is in doubt; every case here compares it with
`pysbd_split` (plain pysbd on the same block), including the traps its shortcuts rest on.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.segment import fast_split, pysbd_split, sentences
from annotator.core.segment.fast import make_fast_split
from annotator.core.segment.splitter import _PYSBD_MARKERS
from tests.conftest import SAMPLE_A, SAMPLE_B

SHARED = Path(__file__).resolve().parents[3] / "shared"

NEWS_EDGE_CASES = [
    # abbreviations, initials, titles
    "The U.S. economy grew 3.2% in Jan. after a weak Dec. The Fed said so.",
    "Dr. Smith met Sen. Warren (D-Mass.) and Gov. Newsom on Tuesday. They talked.",
    "Washington, D.C., is the capital. It sits on the Potomac.",
    "The meeting starts at 10 a.m. The talks end at 5 p.m. on Friday.",
    "John F. Kennedy was shot in 1963. Lee H. Oswald was arrested.",
    "The company, Acme Inc., said profits rose. Acme Corp. The Times reported it.",
    "He lives on Main St. in Springfield. Mr. and Mrs. Jones live on Elm St. The end.",
    "Do help me. I never saw any thing so hard. It is no. 5 on the list.",
    "Prices rose etc. and fell. It was cold vs. hot. See fig. 3 for details.",
    "He earned $1.2 million, p. 12 says. That is 3.5 times more.",
    "Visit example.com or mail a.b@example.org today. It is free.",
    # quotations that end sentences, speech tags
    '"We will win," he said. "It is over." The crowd cheered.',
    '"Is this the end?" he asked. "Stop!" shouted the guard. Nobody moved.',
    'She said: "I did not do it." The court disagreed.',
    '"I did not do it."  The court disagreed.',
    "He called it “a disgrace.” Others agreed.",
    "“Where is he?” she asked. “Gone,” they said.",
    '"Mr. Weston, I dare say," she stopped. "Yes." "My Emma!" replied he. Then he left.',
    "The report (published in 2019.) said so. Critics (e.g. Smith) disagreed. Fine.",
    "He paused -- for a long time. And then -- nothing. -- The end.",
    "It was 'quite a show.' The critics agreed. 'Tis true, he said.",
    "She read ‘The Times.’ Then she left.",
    "The word 'em and the '90s were fine. The end.",
    # exclamations, questions, ellipses, odd punctuation
    "Look! in places you see it. Wow! The end?! Really?? Yes!!! No...",
    "What? he said. Why? Because. And so... The end.",
    "It was great. . . . Then it stopped. Yahoo! bought it.",
    "Is it? or is it not? That is the question.",
    # lists and numbering
    "There are three steps: 1. Open it. 2. Fill it. 3. Close it.",
    "Options are a) first, b) second and c) third. Pick one.",
    "See (i) the law and (ii) the rule. Then decide.",
    "He scored 12. Then 13. And then 14 points.",
    # headlines and short blocks
    "Shifting Alliances and Economic Challenges",
    "Requests for Military Aid",
    "BREAKING: Markets fall",
    "Yes.",
    "A",
    "",
    "   ",
]


def _strip(sents: list[str]) -> list[str]:
    return [s.strip() for s in sents if s.strip()]


def _check(block: str) -> None:
    block = _PYSBD_MARKERS.sub(" ", block.replace("\n", " ")).strip()
    assert fast_split(block) == _strip(pysbd_split(block)), block


@pytest.mark.parametrize("block", NEWS_EDGE_CASES)
def test_news_edge_cases_equal_plain_pysbd(block: str) -> None:
    _check(block)


def test_edge_cases_actually_exercise_the_shortcuts() -> None:
    """Most of these blocks must be decided without pysbd, or the speed-up is not tested."""
    calls: list[str] = []
    counting = make_fast_split(lambda b: calls.append(b) or pysbd_split(b))
    blocks = [b for b in NEWS_EDGE_CASES[:13] if b.strip()]
    for block in blocks:
        counting(block)
    assert sum(map(len, calls)) < 0.5 * sum(map(len, blocks))


@pytest.mark.parametrize("path", [SAMPLE_A, SAMPLE_B], ids=["sample_a", "sample_b"])
def test_sample_articles_equal_plain_pysbd(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert sentences(text) == sentences(text, pysbd_split)


def _news_synth_texts(count: int) -> list[str]:
    docs_path = SHARED / "corpora" / "abcd_link" / "news_synth" / "docs.json"
    if not docs_path.exists():
        pytest.skip("../shared/corpora is not present")
    docs = json.loads(docs_path.read_text(encoding="utf-8"))
    ids = sorted(docs)
    random.Random(6).shuffle(ids)
    return [" ".join(docs[i][k] for k in sorted(docs[i], key=int)) for i in ids[:count]]


def test_real_news_articles_equal_plain_pysbd() -> None:
    """Real articles and LLM rewrites, sentences joined with spaces (as a paste would be)."""
    for text in _news_synth_texts(25):
        assert sentences(text) == sentences(text, pysbd_split)


def test_dialogue_heavy_fiction_equals_plain_pysbd() -> None:
    """Austen's dialogue (multi-paragraph quotes, ' quotes, -- dashes) from the speed bench."""
    book = SHARED / "bench" / "gutenberg" / "austen-emma.txt"
    if not book.exists():
        pytest.skip("../shared/bench is not present")
    lines = book.read_text(encoding="utf-8").splitlines()[2000:2600]
    detok = [
        " " + ln.replace(" ,", ",").replace(" .", ".").replace("``", '"').replace("''", '"')
        for ln in lines
    ]
    text = "\n\n".join("".join(detok[i : i + 4]).strip() for i in range(0, len(detok), 4))
    assert sentences(text) == sentences(text, pysbd_split)


_TOKENS = [
    "word", "Word", "the", "I", "I'm", "Mr.", "Dr.", "St.", "U.S.", "a.m.", "Jan.", "etc.",
    "me.", "no.", "is.", "3.5", "12.", "1.", "(a)", "(ii)", "A.", "F.", "end.", "end!", "end?",
    "end...", '"', '"Hello,"', "“", "”", "'", "'em", "--", "(", ")", "[", "]", "_", ",", ";",
    ":", "?!", "!", "said.", "Then", "The", "she", "x", "2019.", "e.g.", "«", "»", "‘", "’",
    "2.", "9.", "0.", "10", "(b)", "(i)", "b.", "a)", "b)", "p.m.", "April", "No.", "i.e.",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=30), st.randoms())
def test_random_token_soup_equals_plain_pysbd(tokens: list[str], rnd: random.Random) -> None:
    seps = [rnd.choice([" ", " ", " ", "  ", ""]) for _ in tokens]
    _check("".join(t + s for t, s in zip(tokens, seps, strict=True)))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\"'()-\nXY1,é😀")), max_size=200))
def test_offsets_index_the_text_and_no_text_is_dropped(text: str) -> None:
    segs = sentences(text)
    covered = bytearray(len(text))
    for prev, seg in itertools.pairwise(segs):
        assert prev.end <= seg.start
    for seg in segs:
        piece = text[seg.start : seg.end]
        assert piece == piece.strip() and piece
        covered[seg.start : seg.end] = b"\x01" * len(seg)
    lost = [ch for ch, c in zip(text, covered, strict=True) if not c and not ch.isspace()]
    assert not lost, lost


_QUOTE_OPENERS = ['"The Conn Loyalist"', "'The Conn'", "“The Conn”", "(The Conn Loyalist)",
                  "「The」", "（The）", '"The Conn,"', "'Tis'", '"A."', "“Mr. Conn”"]
_MASKED_TAILS = ["Trombone Page C. G. Conn has been", "Page Mr. Conn", "It was 3.5 times",
                 "See e.g. this", "Page Conn", "Dr. Who and St. Paul", "It is no. 5 of",
                 "Page C. G. Conn. It ended", "Page. Conn", "The end", "J. R. R. Tolkien"]


def test_last_piece_starting_with_a_quotation_equals_plain_pysbd() -> None:
    """Alone, a piece whose only terminals pysbd masks is one sentence (pysbd runs no
    sentence regex over it); inside its block, a quotation at its start splits off."""
    rng = random.Random(5)
    heads = ["largest trombones ever made.", "It ended.", "Why?", "Stop!", "He left it."]
    for _ in range(400):
        block = " ".join(
            [rng.choice(heads), rng.choice(_QUOTE_OPENERS), rng.choice(_MASKED_TAILS)]
            + [rng.choice(_MASKED_TAILS) for _ in range(rng.randint(0, 1))]
        )
        _check(block)
    _check('largest trombones ever made. "The Conn Loyalist" Trombone Page C. G. Conn has '
           "been making trombones since 1901, many of which have been highly prized for their")


_SPEECH = ["What a pity it is", "I can not agree with you, papa", "Oh", "No, indeed",
           "Mr. Weston is a good man", "Is she", "Poor Miss Taylor", "A house of her own",
           "You are -- kind", "Then 'tis so", "Ah", "It is 3.5 miles", "Yes"]
_ENDS = ['!"', '?"', '."', ',"', '!\'', '?\'', '.\'', ",'", "!", "?", ".", "...", '!"--', "--"]
_TAGS = ["", " said he.", " cried Emma.", " -- And then he left.", " Mr. Knightley smiled.",
         " she replied; but", " 'Tis true.", " (he said.)", " and so on.", ' "Well."']


def test_generated_dialogue_equals_plain_pysbd() -> None:
    """Quotations ending in every terminal, followed by a tag or the next quotation: the
    places where pysbd does or does not split after a closing quote."""
    rng = random.Random(8)
    for _ in range(600):
        parts = []
        for _ in range(rng.randint(1, 5)):
            opener = rng.choice(['"', "'", "“", "", "-- "])
            closer = rng.choice(_ENDS)
            if opener == "“":
                closer = closer.replace('"', "”")
            parts.append(opener + rng.choice(_SPEECH) + closer + rng.choice(_TAGS))
        _check(rng.choice([" ", "  "]).join(parts))
