"""Attributions: who a statement is credited to ("the county fire service said", "according
to the environmental agency", "said resident Paul Okafor", "investigators believe")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..segment import Segment, sentences
from .wordsets import word_set


def _third(lemma: str) -> str:
    """Third person singular: says, stresses, denies."""
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")


def _past(lemma: str) -> str:
    """Regular past: stated, denied, confirmed."""
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


_SPEECH_LEMMAS = (
    "state announce confirm report claim note add warn explain insist argue "
    "remark emphasise emphasize observe acknowledge admit deny estimate highlight assert clarify "
    "describe label denounce contend stress maintain concede declare suggest caution "
    "predict recall reply respond testify allege accuse complain counter mention tweet urge "
    "reveal comment disclose hail speculate criticise criticize")
_IRREGULAR = "say|says|said|tell|tells|told|write|writes|wrote|labelled|pointed out|points out"
_SPEECH = "|".join(sorted({_IRREGULAR, *(
    f"{lemma}|{_third(lemma)}|{_past(lemma)}" for lemma in _SPEECH_LEMMAS.split())}))
_STUDY = r"(?:found|finds|showed|shows|concluded|concludes)(?=\s+that\b)"  # a study, a poll
_BELIEF = "believe|believes|believed|suspect|suspects|think|thinks|expect|expects|fear|fears"
_CUE = re.compile(rf"\b[Aa]ccording to\b|\b(?:{_SPEECH}|{_BELIEF}|{_STUDY})\b")  # lower case:
# "States" is no verb
_CUE_WORD = re.compile(rf"(?:{_SPEECH}|{_BELIEF})")
_SPOKEN_NEXT = re.compile(r"\s*(?:[,.:;“\"]|that\b|$)")
_INFINITIVE = re.compile(r"\bto\s+$")  # "to maintain its alliances", "declined to comment"
_SAID_PHRASE = re.compile(r"(?i:having|that)\s+$")  # "having said that" credits nobody
_NOUN_THEN_VERB = re.compile(r"\s+(?:have|has|are|were|is|was|had)\b")  # "reports have emerged"
# "remarks by the senator", "claims of abuse", "reports indicate": a plural noun, not a verb
_NOUN_THEN_PREPOSITION = re.compile(r"\s+(?:by|of|from|about|over|against|regarding|indicate|"
                                    r"indicated|show|showed)\b")
_BELIEF_WORDS = frozenset(_BELIEF.split("|"))
# verbs that come before their speaker after a quotation or comma: "…,” said Ana Ruiz
_INVERTING = word_set("said says added adds wrote writes explained told asked noted warned")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had)\s+$", re.IGNORECASE)
_LEFT_STOP = re.compile(r"[,;:“”\"\n]|\b(?i:that|but|while|as|who|which|when|because)\s"
                        r"|\b(?i:and)\s(?![A-Z])")  # "Politics and International Relations"
_RIGHT_STOP = re.compile(r"[,.;:!?“”\"()\n]|\s(?:who|that|which|on|in|at|after|before|"
                         r"during|when|to)\s|\sand\s|$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_NAMED_AFFILIATION = re.compile(r"\sat\s+(?:the\s+)?[A-Z]")
PRONOUNS = word_set("he she they it we i you his her their this that these those")
_MAX_WORDS = 12
_DETERMINERS = word_set("the a an this that these those its his her their our my")
_CLAUSE_WORDS = word_set("have has had is are was were be been could would will can may might "
                         "should did does do not despite though although appears poised helped")
_TRAILING_ADVERBS = word_set("also later then further again earlier since still however")
_COLLECTIVE = word_set("police staff government military media management")
_PREPOSITIONS = word_set("in on at for with by from despite after before during about")
# what was said, not who said it: "reports indicate", "later revelations confirmed" credit nobody
_UTTERANCES = word_set("""report reports remark remarks revelation revelations allegation
    allegations claim claims statement statements rumour rumours rumor rumors account accounts
    indication indications speculation evaluation evaluations assessment assessments estimate
    estimates""")
_DEMONSTRATIVES = word_set("this these those that")


@dataclass(frozen=True)
class Attribution:
    start: int  # the whole phrase: source and cue
    end: int
    source_start: int
    source_end: int
    source: str
    cue: str
    belief: bool  # "believe", "expect": credits an opinion, hedges the statement
    apposition: str = ""  # "Susan Sommer, an attorney at Lambda Legal, said": who they are

    @property
    def is_pronoun(self) -> bool:
        """A pronoun or a demonstrative phrase ("these officials"): it refers back to a source
        named earlier, so it matches any."""
        folded = self.source.casefold()
        return folded in PRONOUNS or folded.split(" ", 1)[0] in _DEMONSTRATIVES


def find_attributions(text: str, segments: Sequence[Segment] | None = None
                      ) -> list[Attribution]:
    """Attributions sentence by sentence (`segments`: the text's sentences, if known)."""
    found = []
    for sentence in sentences(text) if segments is None else segments:
        for m in _CUE.finditer(text, sentence.start, sentence.end):
            attribution = _attribution(text, sentence.start, sentence.end, m)
            if attribution is not None:
                found.append(attribution)
    return found


def _attribution(text: str, s_start: int, s_end: int, cue: re.Match[str]) -> Attribution | None:
    word = cue.group().casefold()
    if word == "according to":
        start, end = _right_phrase(text, cue.end(), s_end)
        if start == end:
            return None
        return _make(text, cue.start(), end, start, end, cue, belief=False)
    before = text[max(s_start, cue.start() - 12):cue.start()]
    if _PASSIVE.search(before) or _SAID_PHRASE.search(before) or _INFINITIVE.search(before):
        return None  # "is said to", "was expected": a hedge, not a source
    if word.endswith("s") and (_NOUN_THEN_VERB.match(text, cue.end())
                               or _NOUN_THEN_PREPOSITION.match(text, cue.end())
                               or _CUE.match(text, _skip_space(text, cue.end()))):
        return None
    if word in ("add", "adds", "added") and not _SPOKEN_NEXT.match(text, cue.end()):
        return None  # "added cheese to the burger"
    start, end = _left_phrase(text, s_start, cue.start())
    if start < end and _singular_before_bare_verb(text[start:end], word):
        return None  # "an unconfirmed report", "a formal claim": the cue is a noun
    belief = word in _BELIEF_WORDS
    if start < end:
        return _make(text, start, cue.end(), start, end, cue, belief)
    if belief:
        return None
    before = text[s_start:cue.start()].rstrip()
    inverted = word in _INVERTING and (not before or before[-1] in ",”\"")
    r_start, r_end = _right_phrase(text, cue.end(), s_end) if inverted else (0, 0)
    if r_start < r_end and _looks_like_source(text[r_start:r_end]):
        return _make(text, cue.start(), r_end, r_start, r_end, cue, belief)
    start, end = _before_apposition(text, s_start, cue.start())
    if start < end:
        found = _make(text, start, cue.end(), start, end, cue, belief)
        return replace(found, apposition=text[end:cue.start()].strip(" ,"))
    return None


def _singular_before_bare_verb(phrase: str, cue: str) -> bool:
    """A singular subject ("a…", "an…") takes "reports" or "reported", never "report"."""
    first = phrase.split(" ", 1)[0].casefold()
    return first in ("a", "an") and not cue.endswith(("s", "d")) and cue not in (
        "told", "wrote", "pointed out", "points out")


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at


def _make(text: str, start: int, end: int, s_start: int, s_end: int, cue: re.Match[str],
          belief: bool) -> Attribution:
    return Attribution(start, end, s_start, s_end, text[s_start:s_end], cue.group(), belief)


def _left_phrase(text: str, s_start: int, cue_start: int) -> tuple[int, int]:
    """The noun phrase before a cue verb, back to the nearest clause boundary."""
    left = text[s_start:cue_start]
    stops = list(_LEFT_STOP.finditer(left))
    begin = stops[-1].end() if stops else 0
    return _trim(text, s_start + begin, cue_start)


def _right_phrase(text: str, start: int, s_end: int) -> tuple[int, int]:
    """The noun phrase after a cue ("said resident Paul Okafor", "according to police")."""
    stop = _RIGHT_STOP.search(text, start, s_end)
    end = stop.start() if stop else s_end
    # "said Dr. Hanna Meyer": an abbreviation's full stop does not end the phrase
    while stop and ((text[stop.start()] == "." and _is_abbreviation(text, stop.start()))
                    or _NAMED_AFFILIATION.match(text, stop.start())):
        # "analysts at Nordbank", "hydrologists at the Danube Institute": where they work
        # is part of who they are
        stop = _RIGHT_STOP.search(text, stop.end(), s_end)
        end = stop.start() if stop else s_end
    return _trim(text, start, end)


def _before_apposition(text: str, s_start: int, cue_start: int) -> tuple[int, int]:
    """"Vladimir Rouvinski, a professor at Icesi University, noted": the name before the
    appositive between commas."""
    left = text[s_start:cue_start].rstrip()
    if not left.endswith(","):
        return (0, 0)
    inner = left[:-1]
    comma = inner.rfind(",")
    if comma < 0:
        return (0, 0)
    return _left_phrase(text, s_start, s_start + comma)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces and cap the phrase at a few words (a long run is a clause, not a source);
    a lone determiner is no source ("The suspect fled": a noun, not a verb)."""
    words = list(_WORD.finditer(text, start, end))
    if not words or len(words) > _MAX_WORDS:
        return (start, start)
    while len(words) > 1 and words[-1].group().casefold() in _TRAILING_ADVERBS:
        words.pop()  # "Authorities later confirmed"
    if all(w.group().casefold() in _DETERMINERS or w.group().endswith("ly") for w in words):
        return (start, start)  # "who recently stated": an adverb is no source
    folded = [w.group().casefold() for w in words]
    if any(w in _CLAUSE_WORDS for w in folded):
        return (start, start)  # "have sparked outrage across the": a clause, not a source
    if len(words) == 1 and words[0].group().islower() and not (
            folded[0].endswith("s") or folded[0] in _COLLECTIVE or folded[0] in PRONOUNS):
        return (start, start)  # "later", "then"
    if folded[-1] in PRONOUNS and len(words) > 1:
        return words[-1].start(), words[-1].end()  # "In her own press release she"
    if folded[0] in _PREPOSITIONS or folded[-1] in _PREPOSITIONS | _DETERMINERS | {
            "to", "and", "own"}:  # "he founded his own [label]": a noun, not a verb
        return (start, start)
    if any(not w.endswith("s") and _CUE_WORD.fullmatch(w) for w in folded[:-1]):
        return (start, start)  # "allegations accuse him of copying the teaching [notes]"
    if folded[-1] in _UTTERANCES and not any(w.group()[:1].isupper() for w in words[1:-1]):
        return (start, start)  # "Unconfirmed reports indicate" (not "The Associated Press
        # reports say"): unattributed
    if re.search(r"['’]s?$", words[-1].group()):
        return (start, start)  # "Maduro's reported request": a modifier, not a source
    return words[0].start(), words[-1].end()


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"(\w+)$", text[max(0, dot - 8):dot])
    return word is not None and word.group(1).casefold() in {"dr", "mr", "mrs", "ms", "prof", "st",
                                                        "gen", "sen", "rep", "gov", "col"}


def _looks_like_source(phrase: str) -> bool:
    first = phrase.split()[0] if phrase.split() else ""
    if first.casefold() in {"that", "on", "in", "it", "there", "this"}:
        return False
    return any(w[:1].isupper() for w in phrase.split()) or first.casefold() in {
        "the", "a", "an", "resident", "residents", "officials", "police", "witnesses"}
