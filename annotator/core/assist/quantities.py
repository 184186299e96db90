"""Numbers, amounts, percentages, dates and times in running text, as comparable values.

Number words go through text2num ("twenty-two thousand" -> 22000) and dates through
dateutil's parser, so "fifteen percent" equals "15%" and "1 March" equals "March 1"; the
regular expressions here only find where such expressions are and which kind they are.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from dateutil import parser as date_parser
from text_to_num import text2num

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
          "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
          "sixty|seventy|eighty|ninety")
_SCALES = "hundred|thousand|million|billion|trillion"
_WORD = rf"(?:{_UNITS}|{_SCALES})"
_NUMBER_WORDS = re.compile(rf"\b{_WORD}(?:(?:-|\s+(?:and\s+)?){_WORD})*\b", re.IGNORECASE)
_CURRENCY_SIGN = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CURRENCY_WORD = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                  "pound": "GBP", "pounds": "GBP", "yen": "JPY"}
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_NUMERAL = (r"(?:(?P<cur>US\$|\$|€|£|¥)\s?)?"
            r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
            r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|mln|tn|m|k|b)\b)?")
_AFTER = re.compile(r"\s?(?P<pct>%|percent\b|per\s?cent\b|percentage points?\b)"
                    r"|\s(?P<curword>dollars?|euros?|pounds?|yen)\b", re.IGNORECASE)
_DIGITS = re.compile(r"(?<![\w.,/-])(?<![A-Za-z]-)" + _NUMERAL, re.IGNORECASE)
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTHS})\.?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{MONTHS})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<m3>{MONTHS})\.?\s+(?P<y3>\d{{4}}))\b",
    re.IGNORECASE)
_MONTH_ALONE = re.compile(r"\b(?:January|February|March|April|June|July|August|September|"
                          r"October|November|December|(?<=in |by |of )May)\b")
_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")
_TIME = re.compile(r"(?<![\w.])(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s?"
                   r"(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_AGE = re.compile(r"-?\s?years?[- ]old\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_NO_DATE = datetime(1, 1, 1)


@dataclass(frozen=True)
class Quantity:
    """One numeric expression: where it is, what it is worth and what family it belongs to."""

    start: int
    end: int
    value: float
    family: str  # count | percent | money | year | date | weekday | time | age
    unit: str = ""  # currency code for money
    text: str = ""

    def same_value(self, other: Quantity) -> bool:
        if self.family in ("date", "weekday", "time") or other.family in ("date", "weekday",
                                                                          "time"):
            return self.family == other.family and self.value == other.value
        if "money" in (self.family, other.family) and self.unit and other.unit \
                and self.unit != other.unit:
            return False
        return math.isclose(self.value, other.value, rel_tol=1e-9)

    def comparable(self, other: Quantity) -> bool:
        """Whether a difference between the two is a change of one figure (same family)."""
        return self.family == other.family


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order, none overlapping (dates and times win)."""
    found: list[Quantity] = []
    for m in _DATE.finditer(text):
        value = _date_value(m.group())
        if value is not None:
            found.append(Quantity(m.start(), m.end(), value, "date", text=m.group()))
    for m in _TIME.finditer(text):
        hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
        value = hour * 60 + int(m.group("min") or 0)
        found.append(Quantity(m.start(), m.end(), float(value), "time", text=m.group()))
    in_date = bytearray(len(text))
    for q in found:
        in_date[q.start:q.end] = b"\x01" * (q.end - q.start)
    for m in _MONTH_ALONE.finditer(text):
        if not in_date[m.start()]:
            value = _date_value(m.group())
            if value is not None:
                found.append(Quantity(m.start(), m.end(), value, "date", text=m.group()))
    for m in _WEEKDAY.finditer(text.lower()):
        found.append(Quantity(m.start(), m.end(), float(WEEKDAYS.index(m.group())), "weekday",
                              text=text[m.start():m.end()]))
    taken = bytearray(len(text))  # characters already part of a found quantity
    for q in found:
        taken[q.start:q.end] = b"\x01" * (q.end - q.start)
    for q in (*_numerals(text), *_number_words(text)):
        if not any(taken[q.start:q.end]):
            found.append(q)
            taken[q.start:q.end] = b"\x01" * (q.end - q.start)
    return sorted(found, key=lambda q: q.start)


def _numerals(text: str) -> list[Quantity]:
    out = []
    for m in _DIGITS.finditer(text):
        digits = m.group("num")
        value = float(digits.replace(",", ""))
        scale = (m.group("scale") or "").lower()
        currency = _CURRENCY_SIGN.get((m.group("cur") or "").lower(), "")
        if scale in ("m", "k", "b") and not currency:
            end = m.end("num")  # "5 m" is five metres, not five million, without a currency
            scale = ""
        else:
            end = m.end()
        value *= _SCALE.get(scale, 1.0)
        family, end = _family_after(text, end, currency)
        if family == "money" and not currency:
            currency = _CURRENCY_WORD.get(text[m.end():end].split()[-1].lower(), "")
        if family == "count" and _YEAR.match(digits) and not scale:
            family = "year"
        out.append(Quantity(m.start(), end, value, family, currency, text[m.start():end]))
    return out


def _number_words(text: str) -> list[Quantity]:
    out = []
    for m in _NUMBER_WORDS.finditer(text):
        words = m.group()
        try:
            value = float(text2num(words.lower(), "en"))
        except ValueError:
            continue
        family, end = _family_after(text, m.end(), "")
        out.append(Quantity(m.start(), end, value, family, "", text[m.start():end]))
    return out


def _family_after(text: str, end: int, currency: str) -> tuple[str, int]:
    """The family a number belongs to from what follows it ("%", "percent", "dollars",
    "-year-old": an age is not a count)."""
    if _AGE.match(text, end):
        return "age", end
    after = _AFTER.match(text, end)
    if after and after.group("pct"):
        return "percent", after.end()
    if after and after.group("curword"):
        return "money", after.end()
    return ("money" if currency else "count"), end


@lru_cache(maxsize=4096)
def _date_value(expression: str) -> float | None:
    """A date as yyyymmdd (0 for a missing year or day), so "1 March" == "March 1"."""
    try:
        parsed = date_parser.parse(expression, default=_NO_DATE)
    except (ValueError, OverflowError):
        return None
    has_day = any(ch.isdigit() for ch in re.sub(r"\b\d{4}\b", "", expression))
    year = parsed.year if parsed.year != 1 else 0
    return float(year * 10000 + parsed.month * 100 + (parsed.day if has_day else 0))

