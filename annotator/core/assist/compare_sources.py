"""Whether two attributions name the same source, and if not, how they differ."""

from __future__ import annotations

import re

from .sources import Attribution
from .wordsets import word_set

_STOP = word_set("the a an of at for in on by to with and from its his her their our 's")
_TITLES = word_set("dr mr mrs ms prof sir dame")
_GENERIC = word_set("""
    analyst analysts expert experts official officials police investigator investigators
    researcher researchers prosecutor prosecutors economist economists resident residents
    witness witnesses source sources spokesman spokeswoman spokesperson minister ministry
    mayor president professor chief engineer director leader department office university
    agency council court bank government party union commission committee service institute
    company group association authorities authority organisers organizers officer officers
    doctor doctors scientist scientists lawyer lawyers representative representatives
    organiser organizer""")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SPOKESPEOPLE = word_set("""spokesman spokeswoman spokesperson official source aide
    representative""")
# an institution, its members and what it issues: unnamed, they are one source
_INSTITUTIONS = (
    word_set("court judge verdict ruling tribunal jury magistrate"),
    word_set("police officer detective constable"),
)
_INSTITUTION_WORDS = frozenset().union(*_INSTITUTIONS)


def stem(word: str) -> str:
    word = word.casefold().replace("’", "'")
    word = word.removesuffix("'s").removesuffix("'")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def tokens(source: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(source)} - _STOP - _TITLES


def names(source: str) -> set[str]:
    """Capitalised words that name someone ("Meyer", "Nordbank"), not generic roles."""
    found = set()
    for word in _WORD.findall(source):
        folded = stem(word)
        if word[:1].isupper() and folded not in _STOP | _TITLES | _GENERIC | _INSTITUTION_WORDS:
            found.add(folded)
    return found


def same_source(a: Attribution, b: Attribution) -> bool:
    """Pronouns match anyone; a shared name makes two descriptions the same person."""
    if a.is_pronoun or b.is_pronoun:
        return True
    if _anaphoric(a.source, b.source) or _anaphoric(b.source, a.source):
        return True
    ta, tb = tokens(a.source), tokens(b.source)
    if ta == tb or names(a.source) & names(b.source):
        return True
    if names(a.source) & names(b.apposition) or names(b.source) & names(a.apposition):
        return True  # "Lambda Legal" / "Susan Sommer, an attorney at Lambda Legal"
    return not names(a.source) and not names(b.source) and any(
        ta & family and tb & family for family in _INSTITUTIONS)


def institution_words(source: str) -> set[str]:
    """The words of every institution family the source belongs to ("judges": court...)."""
    found = tokens(source)
    return set().union(*(family for family in _INSTITUTIONS if found & family)) | found


def _anaphoric(role: str, named: str) -> bool:
    """"The company" / "Google", "the prime minister" / "Koizumi", "the mayor" / "Mayor Ana
    Ruiz": a definite role with no name refers back to the one the other article names,
    unless the name carries a role of its own that differs ("the harbour master")."""
    return (role.casefold().startswith("the ") and not names(role)
            and bool(names(named)) and not _other_role(role, named))


def _other_role(role: str, named: str) -> bool:
    """Whether a named source's own role words ("Mayor", "engineer", "Health Ministry") share
    nothing with an unnamed one's ("the harbour master"): two different people. A role that
    only says someone spoke for them ("the spokesperson", "officials") is not a role."""
    own = tokens(named) - names(named)
    described = tokens(role) - _SPOKESPEOPLE
    return (not names(role) and bool(names(named)) and bool(own) and bool(described)
            and not own & described)


def difference(a: Attribution, b: Attribution) -> str:
    """One line saying how B's source differs from A's."""
    ta, tb = tokens(a.source), tokens(b.source)
    if _other_role(a.source, b.source) or _other_role(b.source, a.source):
        return f"different source: A credits “{a.source}”, B credits “{b.source}”"
    if names(a.source) and not names(b.source):
        return f"source made vaguer: A names “{a.source}”, B only “{b.source}”"
    if names(b.source) and not names(a.source):
        return f"source made vaguer: B names “{b.source}”, A only “{a.source}”"
    if tb < ta:
        return f"source made vaguer: A credits “{a.source}”, B only “{b.source}”"
    if ta < tb:
        return f"source made vaguer: B credits “{b.source}”, A only “{a.source}”"
    return f"different source: A credits “{a.source}”, B credits “{b.source}”"
