"""Finds dates said relative to the day of writing: امروز, دیروز, این هفته, سال گذشته, امسال,
دو روز پیش, سه سال اخیر, تابستان امسال; resolved against the reference date when one is given."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable

import regex

from extractor import calendars, lexicons
from extractor.facts.candidates import Date
from extractor.facts.common import (
    SentenceContext,
    amount_words,
    iso_span,
    school_year_words,
    written_year_calendar,
)
from extractor.facts.rules import Needs, Registry, Rule, Trait
from extractor.patterns import GAP, OPTIONAL_GAP, WHOLE_WORD_OR_NUMBER_START, WORD_END, WORD_OR_NUMBER_END, WORD_START

# What takes part of a year (date_merge joins it to the year): "9 ماهه (نخست)", "نیمه اول", "پایان", ...
def _year_part_words() -> str:
    """The words before سال that take part of a year: "9 ماهه (نخست)", "نیمه اول", and the edge words
    (lexicons/year_edge_words.tsv: پایان, ابتدای, اواخر, ...)."""
    edges = "|".join(lexicons.column("year_edge_words", "word"))
    return rf"ماهه?{GAP}(?:نخست|اول|دوم|سوم|چهارم|آغازین|پایانی)|ماهه|نیمه{GAP}(?:اول|نخست|دوم)|{edges}"
_NOT_THIS_YEAR = "جاری|گذشته|آینده|قبل|پیش|بعد|اخیر|آتی|جدید|دیگر|نو|میلادی|شمسی|قمری|مالی|تحصیلی|زراعی|آبی"
_JALALI = "jalali"
_GREGORIAN = "gregorian"
_UNITS = {"روز": "day", "هفته": "week", "ماه": "month", "ماهه": "month", "سال": "year", "دهه": "decade", "قرن": "century"}
_DAYS_PER_UNIT = {"day": 1, "week": 7}
_DAYS_PER_MONTH = 30  # for the half in "دو ماه و نیم"
_MONTHS_PER_UNIT = {"month": 1, "year": 12, "decade": 120, "century": 1200}
_THIS_YEAR = {"امسال": "current", "پارسال": "previous"}
_PERIOD_OFFSETS = {"previous": -1, "recent": -1, "next": 1}  # periods from the one holding the reference (current: 0)
Resolved = tuple[str, datetime.date | None, datetime.date | None]  # (granularity, first day, last day)


@functools.cache
def _directions() -> dict[str, str]:
    """Direction words from the day of writing (گذشته, آینده, ...); not بعد ("later": "یک ماه بعد" is a
    month after the event told, not after the day of writing)."""
    return {row["word"]: row["direction"] for row in lexicons.rows("relative_directions") if row["direction"] != "later"}


def _vague_quantity_words() -> list[str]:
    """چند, چندین, هزاران, ده‌ها, میلیون ها, ...: words that say "some" or "many" of a unit, never how many."""
    few = [row["word"] for row in lexicons.rows("number_joiners") if row["role"] == "few"]
    plurals = [f"{magnitude} ها" for magnitude in ("ده", "صد", *lexicons.column("scales", "word"))]  # tens of, ...
    return [*few, *lexicons.column("vague_numbers", "word"), *plurals]


@functools.cache
def _relative_days() -> dict[str, int]:
    return {lexicons.canonical(row["phrase"]): int(row["offset_days"]) for row in lexicons.rows("relative_days")}


@functools.cache
def _seasons() -> dict[str, int]:
    return {row["name"]: int(row["first_month"]) for row in lexicons.rows("seasons")}


@functools.cache
def _patterns() -> dict[str, str]:
    """Each rule's pattern, by the rule's name, assembled from the fragments named here."""
    days = lexicons.alternation(lexicons.column("relative_days", "phrase"))
    weekday = lexicons.alternation(lexicons.column("weekdays", "name"))
    # "یک روز پیش از دیدار", "ده سال قبل از آن": before another event, not before the day of writing
    # (but "سال جاری از سوی دولت").
    # "در سال پیش بینی شده", "سال پیش رو": پیش of a forecast, or of the year ahead, is no "ago".
    direction = lexicons.alternation(list(_directions())) + rf"(?!(?<=پیش|قبل){GAP}از{WORD_END})(?!(?<=پیش){GAP}(?:بینی|رو){WORD_END})"
    unit = "|".join(_UNITS)
    school_kinds = lexicons.alternation(list(school_year_words()))
    edges = lexicons.alternation(lexicons.column("year_edge_words", "word"))
    season = lexicons.alternation(list(_seasons()))
    # "تابستان سال گذشته", "بهار سال قبل", "پاییز سال جاری", "زمستان سال آینده" (not اخیر, not بعد).
    year_direction = lexicons.alternation([word for word, way in _directions().items() if way in _YEAR_DIRECTIONS])
    # Not the second half of a word joined by ZWNJ: "شبانه‌روز گذشته" (the last 24 hours) is no day.
    start, end = WHOLE_WORD_OR_NUMBER_START, WORD_OR_NUMBER_END
    # "جامعه امروز", "دنیای امروز", "تا به امروز": today's world, nowadays, so far: no particular day.
    nowadays = lexicons.alternation(lexicons.column("nowadays_nouns", "word"))
    not_a_day = rf"(?<!(?:{WORD_START}{nowadays}|تا به){GAP})(?!امروز{GAP}(?:{nowadays}){WORD_END})"
    # "چند سال گذشته", "هزاران سال گذشته": the past few years, no one year (not "last year").
    number_word = lexicons.alternation(lexicons.column("number_words", "word"))
    not_a_few = rf"(?<!{WORD_START}(?:{lexicons.alternation(_vague_quantity_words())}){GAP})"
    patterns = {
        "relative_day": rf"{not_a_day}{not_a_few}(?P<days>{days})(?!(?<=قبل){GAP}از{WORD_END})"
        rf"(?:[ \u200c،,]+(?P<weekday>{weekday}))?",
        # "این ماه‌ها": these months, no one period. "در این سال" is the year just named (this year is
        # امسال or سال جاری): no date of its own.
        "this_period": rf"(?:این|همین){GAP}(?P<unit>هفته|ماه)(?![ \u200c]?ها)",
        # "نسبت به سال قبل": compared with the year before the one told of, not with last year.
        "relative_period": rf"{not_a_few}(?!(?<=نسبت{GAP}به{GAP})(?:هفته|ماه|سال){GAP}قبل)"
        rf"(?P<unit>هفته|ماه|سال){GAP}(?P<direction>{direction})(?:{GAP}(?P<era>میلادی|شمسی))?",
        # "سال زراعی جاری", "سال تحصیلی گذشته": a school, farming or water year (Mehr to Shahrivar); not
        # "سال تحصیلی جدید", the one about to begin or just begun.
        # A period from its start is this one's: "از ابتدای سال آبی تا 30 فروردین" (not "مراسم آغاز سال
        # تحصیلی", a ceremony of any year).
        "school_year": rf"سال{GAP}(?P<kind>{school_kinds}){GAP}(?!جدید)(?P<direction>{direction})"
        rf"|(?<={WORD_START}از{GAP}(?:{edges}){GAP})سال{GAP}(?P<kind>{school_kinds})(?!{GAP}(?:{direction}|جدید){WORD_END})",
        "this_year": r"(?P<this_year>امسال|پارسال)",
        # "هفت ماه نخست سال", "نیمه اول سال", "پایان سال": a part of the year, with no other year named, is
        # a part of this one (not "پایان سال 94", "ابتدای سال گذشته", "پایان سال تحصیلی").
        # "عیدی پایان سال", "پاداش پایان سال": the name of a payment.
        "part_of_this_year": rf"(?<=(?:{_year_part_words()}){GAP})(?<!(?:عیدی|پاداش){GAP}(?:{_year_part_words()}){GAP})سال"
        rf"(?!{OPTIONAL_GAP}(?:ها|های)|{GAP}(?:{_NOT_THIS_YEAR}|{number_word}){WORD_END}"
        rf"|{GAP}(?:\d{{4}}|\d{{2}})(?![\d.,/٫])(?!{OPTIONAL_GAP}{amount_words()}))",
        # A season alone is often a name (سکه بهار آزادی): it needs a year, or a word that makes it a time;
        # "در فصل تابستان" is any summer (no year), "تابستان گذشته" the last one.
        "season": rf"(?:(?<=(?:در|طی|اوایل|اواسط|اواخر|ابتدای|پایان|آغاز){GAP})(?P<season>{season})"
        rf"|(?P<season>{season})(?={GAP}(?:سال|امسال|پارسال|گذشته|آینده|\d)))"
        rf"(?:{GAP}(?:سال{GAP})?(?P<year>\d{{4}}|\d{{2}})(?!\d)|{GAP}(?P<this_year>امسال|پارسال)"
        rf"|{GAP}سال{GAP}(?P<year_direction>{year_direction})|{GAP}(?P<season_direction>گذشته|آینده))?",
    }
    sources = {rule: f"{start}(?:{pattern}){end}" for rule, pattern in patterns.items()}
    # Matched right after a number: "دو ماه و نیم گذشته", "دوسال پیش".
    sources["counted_period"] = rf"{OPTIONAL_GAP}(?P<unit>{unit})(?P<half>{GAP}و{GAP}نیم)?{GAP}(?P<direction>{direction}){end}"
    return sources


def _pattern(rule: str) -> Callable[[], str]:
    return lambda: _patterns()[rule]


def _first_words(phrases) -> Callable[[], frozenset[str]]:
    return lambda: frozenset(phrase.split()[0] for phrase in phrases())


_UNIT_WORDS = ("هفته", "ماه", "سال")
_WITH_A_DIRECTION = Needs(words=_UNIT_WORDS, text=lambda: tuple(_directions()))


def _relative_day(match: regex.Match[str], reference: datetime.date | None, calendar: str) -> Resolved:
    day = reference + datetime.timedelta(days=_relative_days()[lexicons.canonical(match.group("days"))]) if reference else None
    return "day", day, day


def _this_period(match: regex.Match[str], reference: datetime.date | None, calendar: str) -> Resolved:
    return _period(_UNITS[match.group("unit")], 0, reference)


def _relative_period(match: regex.Match[str], reference: datetime.date | None, calendar: str) -> Resolved:
    offset = _PERIOD_OFFSETS.get(_directions()[match.group("direction")], 0)
    return _period(_UNITS[match.group("unit")], offset, reference, calendar)


def _school_year_of(match: regex.Match[str], reference: datetime.date | None, calendar: str) -> Resolved:
    direction = match.group("direction")
    return _school_year(_directions()[direction] if direction else "current", reference)  # after an edge word


def _this_year(match: regex.Match[str], reference: datetime.date | None, calendar: str) -> Resolved:
    return _period("year", -1 if _THIS_YEAR[match.group("this_year")] == "previous" else 0, reference)


def _part_of_this_year(match: regex.Match[str], reference: datetime.date | None, calendar: str) -> Resolved:
    return _period("year", 0, reference)


def _season_of(match: regex.Match[str], reference: datetime.date | None, calendar: str) -> Resolved:
    return _season(match.groupdict(), reference, calendar)


# Each rule's needs: the words it cannot match without, and for some the other half they need somewhere
# in the text (joined or not: سال‌گذشته): most sentences say این or سال, few say "این هفته" or "سال گذشته".
RULES = Registry((
    Rule(
        "relative_day", _pattern("relative_day"), Needs(words=_first_words(lambda: lexicons.column("relative_days", "phrase"))),
        traits=frozenset({Trait.RELATIVE_DAY}), produce=_relative_day,
    ),
    Rule("this_period", _pattern("this_period"), Needs(words=("این", "همین"), text=("هفته", "ماه")), produce=_this_period),
    Rule("relative_period", _pattern("relative_period"), _WITH_A_DIRECTION, produce=_relative_period),
    Rule(
        "school_year", _pattern("school_year"), Needs(words=school_year_words),
        produce=_school_year_of,
    ),
    Rule("this_year", _pattern("this_year"), Needs(words=tuple(_THIS_YEAR)), produce=_this_year),
    Rule(
        "part_of_this_year", _pattern("part_of_this_year"), Needs(words=("سال",), text=lambda: ("ماه", "نیمه", *lexicons.column("year_edge_words", "word"))),
        produce=_part_of_this_year,
    ),
    Rule("season", _pattern("season"), Needs(words=_first_words(_seasons)), produce=_season_of),
))
_COUNTED_PERIOD = Rule("counted_period", _pattern("counted_period"))  # "دو روز پیش": after a number
NUMBER_RULES = Registry((_COUNTED_PERIOD,))


def find(sentence: SentenceContext) -> list[Date]:
    reference = sentence.reference_date
    found = []
    for rule, match in RULES.matches(sentence):
        calendar = _calendar_of(match)
        found.append(_candidate(rule, match.start(), match.end(), rule.produce(match, reference, calendar), calendar))
    for number in sentence.single_numbers:  # "دو روز پیش", "سه سال اخیر", "5 سال آینده"
        match = _COUNTED_PERIOD.compiled.match(sentence.text, number.end)
        if match and not number.is_ordinal and number.value == int(number.value):
            count = int(number.value) + (0.5 if match.group("half") else 0)
            span = _counted(count, _UNITS[match.group("unit")], match.group("direction"), reference)
            found.append(_candidate(_COUNTED_PERIOD, number.start, match.end(), span))
    return found


def _calendar_of(match: regex.Match[str]) -> str:
    """The calendar of a match: its era's ("سال گذشته میلادی"), a Gregorian year's ("تابستان 2014"), else Jalali."""
    groups = match.groupdict()
    return written_year_calendar(groups.get("year") or "", groups.get("era")) or _JALALI


def _candidate(rule: Rule, start: int, end: int, resolved: Resolved, calendar: str = "jalali") -> Date:
    granularity, first, last = resolved
    if first is None or last is None or first != last:
        return Date(
            start, end, rule, iso_span(first, last), calendar=calendar, granularity=granularity, first_date=first,
            last_date=last,
        )
    year, month, day = calendars.from_gregorian(first)
    return Date(
        start, end, rule, iso_span(first, last), calendar=calendar, granularity=granularity, year=year, month=month,
        day=day, weekday=calendars.WEEKDAY_NAMES[first.weekday()], first_date=first, last_date=last,
    )


def _period(unit: str, offset: int, reference: datetime.date | None, calendar: str = "jalali") -> Resolved:
    """The week, month or year (Jalali, or Gregorian when said so) containing the reference, moved by
    `offset` of them."""
    if reference is None:
        return unit, None, None
    if unit == "week":  # the Iranian week runs Saturday to Friday
        saturday = calendars.week_start(reference, offset)
        return "week", saturday, saturday + datetime.timedelta(days=6)
    year, month = (reference.year, reference.month) if calendar == _GREGORIAN else calendars.from_gregorian(reference)[:2]
    if unit == "year":
        return "year", *calendars.year_span(calendar, year + offset)
    year, month = divmod(year * 12 + month - 1 + offset, 12)
    return "month", *calendars.month_span(calendar, year, month + 1)


def _school_year(direction: str, reference: datetime.date | None) -> Resolved:
    """The school year holding the reference (جاری), or the one before or after it."""
    if reference is None:
        return "period", None, None
    offset = _PERIOD_OFFSETS.get(direction, 0)
    return "period", *calendars.school_year_span(calendars.school_year_of(reference) + offset)


# "دو روز پیش", "یک ماه دیگر" name a point in time; "سه سال گذشته", "5 سال آینده" a stretch up to it.
_POINT_WORDS = frozenset({"پیش", "قبل", "دیگر"})


def _counted(count: float, unit: str, direction_word: str, reference: datetime.date | None) -> Resolved:
    """"دو روز پیش" is a day; "سه سال گذشته" the three years up to the reference; "5 سال آینده" the next five."""
    is_point = direction_word in _POINT_WORDS
    granularity = "day" if is_point and unit in _DAYS_PER_UNIT else "period"
    if reference is None:
        return granularity, None, None
    forward = _directions()[direction_word] == "next"
    moved = _moved(reference, unit, count if forward else -count)
    if moved is None or not calendars.reaches(moved):  # "2500 سال پیش": before any calendar here
        return granularity, None, None
    if is_point:
        return granularity, moved, moved
    return ("period", *sorted((moved, reference)))


def _moved(reference: datetime.date, unit: str, amount: float) -> datetime.date | None:
    """The reference moved by `amount` units (a half month is 15 days, a half year 6 months); None
    beyond the years Python's dates hold ("10 هزار سال پیش")."""
    try:
        if unit in _DAYS_PER_UNIT:
            return reference + datetime.timedelta(days=int(amount * _DAYS_PER_UNIT[unit]))
        whole_months, part_of_a_month = divmod(amount * _MONTHS_PER_UNIT[unit], 1)
        year, month = divmod(reference.year * 12 + reference.month - 1 + int(whole_months), 12)
        day = min(reference.day, 28)
        return datetime.date(year, month + 1, day) + datetime.timedelta(days=round(part_of_a_month * _DAYS_PER_MONTH))
    except (ValueError, OverflowError):
        return None


_YEAR_DIRECTIONS = ("previous", "current", "next")
# The Gregorian month in the middle of each season, by the season's first Jalali month.
_MIDDLE_GREGORIAN_MONTH = {1: 5, 4: 8, 7: 11, 10: 2}


def _season(groups: dict, reference: datetime.date | None, calendar: str) -> Resolved:
    first_month = _seasons()[groups["season"]]
    year = None
    if groups.get("year"):
        year = _written_season_year(int(groups["year"]), first_month, calendar)
    elif reference is not None and groups.get("season_direction"):
        year = _nearest_season_year(first_month, groups["season_direction"], reference)
    elif reference is not None:
        year = calendars.from_gregorian(reference)[0] + _season_year_offset(groups)
    if year is None:
        return "season", None, None
    try:
        return "season", calendars.month_span(_JALALI, year, first_month)[0], calendars.month_span(_JALALI, year, first_month + 2)[1]
    except calendars.CalendarError:  # "تابستان 9999": beyond the calendar, unresolved
        return "season", None, None


def _written_season_year(written: int, first_month: int, calendar: str) -> int:
    """The Jalali year of a season with its year written: 1395, 95, or Gregorian, where the season is
    the one whose middle falls in that year ("تابستان 2014" the summer of 1393; "زمستان 2014", ending in
    March 2014, the winter of 1392)."""
    if calendar == _GREGORIAN:
        return calendars.from_gregorian(datetime.date(written, _MIDDLE_GREGORIAN_MONTH[first_month], 15))[0]
    if written < 100:
        return written + (1300 if written > 20 else 1400)
    return written


def _season_year_offset(groups: dict) -> int:
    """The year of "تابستان امسال" (0), "پارسال" (-1), "سال گذشته" (-1), "سال آینده" (1) from this one."""
    if groups.get("this_year"):
        return -1 if _THIS_YEAR[groups["this_year"]] == "previous" else 0
    if groups.get("year_direction"):
        return _PERIOD_OFFSETS.get(_directions()[groups["year_direction"]], 0)
    return 0


def _nearest_season_year(first_month: int, direction: str, reference: datetime.date) -> int:
    """The Jalali year of "تابستان گذشته" (the last summer wholly before the reference) or "پاییز آینده"
    (the next autumn wholly after it)."""
    year, month, _ = calendars.from_gregorian(reference)
    if direction == "گذشته":
        return year if first_month + 2 < month else year - 1
    return year if first_month > month else year + 1
