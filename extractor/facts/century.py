"""Finds centuries: قرن 21, قرن بیستم, قرن پانزدهم میلادی, قرن هفتم هجری; each resolved to its first
and last day when its calendar is known (an era names it; without one, the 16th to the 21st are the
Gregorian centuries news speaks of, and an earlier one could be Hijri or Gregorian: no fact)."""

from __future__ import annotations


from extractor import calendars
from extractor.facts.candidates import Date
from extractor.facts.common import SentenceContext, era_alternation, era_calendar, iso_span
from extractor.facts.rules import Needs, Registry, Rule
from extractor.numbers import whole_number
from extractor.patterns import GAP, WORD_END, WORD_OR_NUMBER_START, WORD_OR_NUMBER_END

_CENTURY_WORD = "قرن"
_GREGORIAN_WITHOUT_ERA = range(16, 22)  # قرن شانزدهم .. قرن 21
_YEARS_PER_CENTURY = 100
_CENTURIES = range(1, 31)  # "قرن میلیارد" is no century
_HIJRI = "hijri"


def _pattern() -> str:
    eras = era_alternation(spelled_out=True)
    # "قرن 21", "قرن‌ بیست و یکم", "قرن پانزدهم میلادی"; not "قرن حاضر", "قرن گذشته" (no number).
    return (
        rf"{WORD_OR_NUMBER_START}{_CENTURY_WORD}(?:[ \u200c]?ی)?{GAP}(?P<number>\d{{1,2}}|\p{{L}}+(?:{GAP}و{GAP}\p{{L}}+)?)"
        rf"{WORD_OR_NUMBER_END}(?:{GAP}(?P<era>{eras}){WORD_END})?"
    )


CENTURY = Rule("century", _pattern, Needs(text=(_CENTURY_WORD,)))
RULES = Registry((CENTURY,))


def find(sentence: SentenceContext) -> list[Date]:
    found = []
    for _, match in RULES.matches(sentence):
        number = whole_number(match.group("number"))
        calendar = _calendar(number, match.group("era"))
        if number in _CENTURIES and calendar is not None:
            found.append(_candidate(match.start(), match.end(), calendar, number))
    return found


def _calendar(number: int | None, era: str | None) -> str | None:
    if era is not None:
        return era_calendar(era)
    return "gregorian" if number in _GREGORIAN_WITHOUT_ERA else None


def _candidate(start: int, end: int, calendar: str, number: int) -> Date:
    """The century `number` of `calendar`: its years (number-1)01 to number00; lunar ones are not converted."""
    first_year = (number - 1) * _YEARS_PER_CENTURY + 1
    first = last = None
    if calendar != _HIJRI:
        first = calendars.year_span(calendar, first_year)[0]
        last = calendars.year_span(calendar, first_year + _YEARS_PER_CENTURY - 1)[1]
    return Date(
        start, end, CENTURY, iso_span(first, last), calendar=calendar, granularity="century", year=first_year,
        first_date=first, last_date=last,
    )
