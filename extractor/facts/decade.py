"""Finds decades: دهه 60 (the Jalali 1360s), دهه 1970, دهه هفتاد میلادی, دهه چهل شمسی, and the period of
دهه های 60 و 70; each resolved to its first and last day, with no reference date needed."""

from __future__ import annotations


from extractor import calendars
from extractor.facts.candidates import Date
from extractor.facts.common import SentenceContext, era_alternation, era_calendar, iso_span
from extractor.facts.rules import Needs, Registry, Rule
from extractor.numbers import whole_number
from extractor.patterns import GAP, WORD_END, WORD_OR_NUMBER_START, WORD_OR_NUMBER_END

_DECADE_WORD = "دهه"
_FIRST_GREGORIAN_YEAR = 1700  # a four-digit decade from here on is Gregorian (1970), below it Jalali (1360)
_LAST_DECADE = 2990
_TWO_DIGIT_CENTURY = {"gregorian": 1900, "jalali": 1300}  # دهه 70 میلادی: the 1970s; دهه 60: the 1360s


def _pattern() -> str:
    eras = era_alternation(spelled_out=True, without="hijri")  # a lunar decade is not resolved
    number = r"\d{4}|\d{2}|\p{L}+"
    # "دهه 60", "دهه‌ی 1370", "دهه شصت"; "دهه های 60 و 70", "دهه 50 و 60" (a period); not "دهه اول محرم".
    return (
        rf"{WORD_OR_NUMBER_START}{_DECADE_WORD}(?:(?:[ \u200c]?های?)?{GAP}(?P<number>{number}){GAP}(?:و|تا){GAP}(?P<last>{number})"
        rf"|(?:[ \u200c]?ی)?{GAP}(?P<number>{number})){WORD_OR_NUMBER_END}"
        rf"(?:{GAP}(?P<era>{eras}){WORD_END})?"
    )


DECADE = Rule("decade", _pattern, Needs(text=(_DECADE_WORD,)))
RULES = Registry((DECADE,))


def find(sentence: SentenceContext) -> list[Date]:
    found = []
    for _, match in RULES.matches(sentence):
        era = era_calendar(match.group("era")) if match.group("era") else None
        first = _first_year(match.group("number"), era)
        last = _first_year(match.group("last"), era) if match.group("last") else first
        if first is not None and last is not None and first[0] == last[0] and first[1] <= last[1]:
            found.append(_candidate(match.start(), match.end(), first[0], first[1], last[1]))
    return found


def _first_year(number: str, era: str | None) -> tuple[str, int] | None:
    """(calendar, first year) of the decade, or None when the number is no decade (دهه 65, دهه اول);
    `era` is the calendar an era word names."""
    value = whole_number(number, cardinal_only=True)
    if value is None:
        return None
    if value % 10 or value > _LAST_DECADE:  # "دهه میلیون" is no decade
        return None
    if value >= 1000:
        calendar = "gregorian" if value >= _FIRST_GREGORIAN_YEAR else "jalali"
        return (calendar, value) if era is None or era == calendar else None
    if not 10 <= value <= 90:
        return None
    calendar = era or "jalali"
    return calendar, _TWO_DIGIT_CENTURY[calendar] + value


def _candidate(start: int, end: int, calendar: str, year: int, last_decade: int) -> Date:
    """The decades from the one starting `year` to the one starting `last_decade` (the same for one)."""
    first, last = calendars.year_span(calendar, year)[0], calendars.year_span(calendar, last_decade + 9)[1]
    granularity = "decade" if last_decade == year else "period"
    return Date(
        start, end, DECADE, iso_span(first, last), calendar=calendar, granularity=granularity, year=year,
        first_date=first, last_date=last,
    )
