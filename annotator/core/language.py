"""Which language a document is in, and what that changes: sentence rules and stemming.

Detection is py3langid (BSD-3, 4.5 MB installed, numpy only): a naive Bayes model over byte
n-grams for 97 languages, right on a news paragraph. Its model takes a few seconds to load,
so plainly English text (its commonest function words make up a good share of the words) is
recognised without it. A document's language is an ISO 639-1 code, "" when unknown; the user
can always set it (CLI `--lang`, the project XML's `language` attribute).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# ISO 639-1 -> Snowball stemmer name (PyStemmer and snowballstemmer spell them alike)
STEMMERS = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
    "pt": "portuguese", "nl": "dutch", "da": "danish", "sv": "swedish", "no": "norwegian",
    "nb": "norwegian", "fi": "finnish", "ru": "russian", "hu": "hungarian", "ro": "romanian",
    "tr": "turkish", "ca": "catalan", "el": "greek", "lt": "lithuanian", "id": "indonesian",
    "ga": "irish", "cs": "czech", "pl": "polish", "ar": "arabic",
}
# pysbd has sentence rules for these; Portuguese, which it lacks, reads with the Spanish ones
# (the same abbreviation habits: Sr., Dra., etc.). Others fall back to the English rules.
SENTENCE_RULES = {"en": "en", "de": "de", "fr": "fr", "es": "es", "it": "it", "nl": "nl",
                  "pt": "es", "da": "da", "pl": "pl", "ru": "ru", "el": "el", "bg": "bg",
                  "sk": "sk", "ar": "ar", "fa": "fa", "hi": "hi", "hy": "hy", "ja": "ja",
                  "zh": "zh", "ur": "ur", "am": "am", "mr": "mr", "my": "my", "kk": "kk"}
MIN_CONFIDENCE = 0.6  # below this the detector's answer is no answer
SAMPLE_CHARS = 20_000

_ENGLISH_MARKERS = frozenset(["the", "and", "of", "to", "in", "is", "that", "for", "on",
                              "with", "was", "were", "said", "has", "have", "from", "by", "are",
                              "it", "this"])
_WORD = re.compile(r"[^\W\d_]+")


def _plainly_english(text: str) -> bool:
    words = [w.casefold() for w in _WORD.findall(text[:SAMPLE_CHARS])]
    if len(words) < 20:
        return False
    return sum(w in _ENGLISH_MARKERS for w in words) >= 0.12 * len(words)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """The document's language (ISO 639-1), or "" when it cannot be told."""
    if not _WORD.search(text):
        return ""
    if _plainly_english(text):
        return "en"
    code, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return str(code) if probability >= MIN_CONFIDENCE and len(code) == 2 else ""


def normalise_code(code: str) -> str:
    """"DE", "de-AT" or "de_DE" -> "de"; "" stays "" (unknown)."""
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0] if code.strip() else ""


def sentence_rules(language: str) -> str:
    """The pysbd language whose rules split this language's sentences."""
    return SENTENCE_RULES.get(language, "en")


def stemmer_name(language: str) -> str | None:
    """The Snowball stemmer for this language, None when there is none."""
    return STEMMERS.get(language)
