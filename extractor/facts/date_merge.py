"""Joins date candidates that the text says as one: ranges (از 4 تا 9 مهر, 24 آبان تا 24 آذر), a
relative day with its date (امروز 20 تیرماه), a first day before a date (22 و 23 آذر), and the words
that take part of a period (از ابتدای سال جاری تاکنون, 9 ماه نخست سال 95), as news annotators mark them.
Dates listed with و stay apart (خرداد و تیرماه, امروز و فردا: two facts), as PEYMA marks them."""

from __future__ import annotations

import datetime
from dataclasses import replace

import regex

from extractor import calendars
from extractor.facts.candidates import Date
from extractor.facts.common import start_with_word_before
from extractor.facts.rules import Trait, derived
from extractor.numbers import whole_number
from extractor.patterns import GAP, OPTIONAL_GAP, WORD_END, WORD_OR_NUMBER_START, WORD_START

_RANGE_JOINER = regex.compile(rf"{GAP}(?:تا|الی|لغایت){GAP}")
_ADJACENT = regex.compile(r"[ \u200c،,]*\Z")
_FROM = regex.compile(rf"{WORD_START}از{GAP}(?:تاریخ{GAP})?\Z")
# اوایل, اواسط, اواخر (early, mid, late) stand beside a date, as annotators mark it, like بیش از beside
# an amount; ابتدای, پایان, "9 ماهه نخست", "9 ماهه" (the first nine months of) take part in it, and the
# از before them only when the period runs on (از ابتدای سال تاکنون; not a bare "از ابتدای سال آینده").
_PART_OF_PERIOD = regex.compile(  # (?r), here and in _DAY_BEFORE: see patterns.WORD_BEFORE
    rf"(?r){WORD_START}(?:(?:ابتدای|آغاز|پایان|انتهای|نیمه{GAP}(?P<half>اول|نخست|دوم))"
    rf"|(?:طی{GAP})?(?!هر[ \u200c])(?P<months>\d{{1,2}}|\p{{L}}+){GAP}"
    rf"(?:ماهه?{GAP}(?P<which>نخست|اول|آغازین|پایانی|دوم|سوم|چهارم)|ماهه)){GAP}\Z"
)
# "22 و 23 آذر", "روزهای نهم و دهم اردیبهشت", "پانزدهم تا بیست و پنجم اردیبهشت": a first day said
# before the date that names the month, in digits or words.
_DAY_BEFORE = regex.compile(
    rf"(?r){WORD_OR_NUMBER_START}(?:روزهای{GAP})?(?P<day>\d{{1,2}}|(?:\p{{L}}+{GAP}و{GAP})?\p{{L}}+)"
    rf"(?:{OPTIONAL_GAP}(?:و|،){OPTIONAL_GAP}|{GAP}(?:تا|الی|لغایت){GAP})\Z"
)
# "سه ماهه دوم": the second three months of the year; "6 ماهه پایانی": its last six.
_WHICH_PART = {"نخست": 1, "اول": 1, "آغازین": 1, "دوم": 2, "سوم": 3, "چهارم": 4}
# "از سال 97 تاکنون", "از سال 1329 به بعد", "از سال 1974 به این سو": from then until the day of writing.
_UNTIL_NOW = regex.compile(rf"{GAP}(?:تاکنون|تا کنون|تا به امروز|به بعد|به این سو|به اینسو){WORD_END}")


def merge(text: str, days: list[Date], reference: datetime.date | None) -> list[Date]:
    """The date candidates of one sentence, with those the text says as one joined."""
    if not days:  # most sentences
        return days
    ordered = _without_nested(sorted(days, key=lambda day: (day.start, -day.end)))
    merged: list[Date] = []
    for day in ordered:
        previous = merged[-1] if merged else None
        gap = text[previous.end : day.start] if previous else ""
        if previous is not None and _RANGE_JOINER.fullmatch(gap):
            merged[-1] = _range(previous, day)
        elif previous is not None and previous.rule.has(Trait.RELATIVE_DAY) and _ADJACENT.fullmatch(gap):
            merged[-1] = _with_relative_day(previous, day)
        else:
            merged.append(day)
    return [_with_during(text, _with_period_words(text, _with_day_before(text, day), reference)) for day in merged]


def _with_day_before(text: str, day: Date) -> Date:
    """"22 و 23 آذر": the two days, from the 22nd."""
    before = _DAY_BEFORE.search(text, max(0, day.start - 30), day.start)
    first_date, last_day = day.first_date, day.day
    first_day = whole_number(before.group("day")) if before else None
    if first_day is None or last_day is None or not 1 <= first_day < last_day:
        return day
    value = day.value
    if first_date is not None:
        first_date -= datetime.timedelta(days=last_day - first_day)
        value = f"{first_date.isoformat()}/{day.last_date.isoformat()}"
    return replace(
        day, start=before.start(), rule=derived(f"day+{day.rule.name}"), value=value, granularity="period",
        day=None, weekday=None, first_date=first_date,
    )


def _with_during(text: str, day: Date) -> Date:
    """"طی سال‌های 2010 تا 2014", "طی دو ماه گذشته": "during" belongs to the date it introduces."""
    start = start_with_word_before(text, day.start, "طی", look_back=8)
    return replace(day, start=start) if start != day.start else day


def _without_nested(days: list[Date]) -> list[Date]:
    """Drop candidates inside a longer one (the overlap policy would drop them anyway); a relative day
    whose weekday starts a date is joined to it ("امروز پنجشنبه 18 شهریور")."""
    kept: list[Date] = []
    for day in days:
        if kept and day.end <= kept[-1].end:
            continue
        if kept and day.start < kept[-1].end:
            if kept[-1].rule.has(Trait.RELATIVE_DAY):
                kept[-1] = _with_relative_day(kept[-1], day)
            elif day.end - day.start > kept[-1].end - kept[-1].start:
                kept[-1] = day
            continue
        kept.append(day)
    return kept


def _with_relative_day(relative_day: Date, day: Date) -> Date:
    """"امروز 20 تیرماه", "امروز پنجشنبه 18 شهریور": the date, from the relative day said before it."""
    return replace(day, start=relative_day.start, rule=derived(f"{relative_day.rule.name}+date"))


def _range(first: Date, last: Date) -> Date:
    start, end = first.first_date, last.last_date
    value = f"{start.isoformat()}/{end.isoformat()}" if start is not None and end is not None else None
    return replace(
        first, end=last.end, rule=derived(f"{first.rule.name}..{last.rule.name}"), value=value,
        granularity="period", first_date=start, last_date=end, day=None, weekday=None,
    )


def _with_period_words(text: str, day: Date, reference: datetime.date | None) -> Date:
    start, end = day.start, day.end
    until_now = _UNTIL_NOW.match(text, end)
    if until_now:
        end = until_now.end()
    period_words = _PART_OF_PERIOD.search(text, max(0, start - 30), start)
    if period_words and period_words.group("months") and (
        whole_number(period_words.group("months")) is None or not _names_years(day)
    ):
        period_words = None  # "در ماه اول سال": در is no number of months; "دوره یک ماهه 24 آبان تا 24 آذر": months of no year
    is_range = _RANGE_JOINER.search(text, start, end) is not None
    if period_words:
        start = period_words.start()
    from_word = _FROM.search(text, max(0, start - 16), start)
    if from_word and (until_now or is_range):  # "از سال 1372 تاکنون", "از 4 تا 9 مهر"; not a bare "از سال 97"
        start = from_word.start()
    if (start, end) == (day.start, day.end):
        return day
    first_date, last_date, value, year = day.first_date, day.last_date, day.value, day.year
    if until_now and reference is not None and first_date is not None:
        if first_date > reference and Trait.YEAR_UNWRITTEN in day.rule.traits and year is not None:
            year -= 1  # "از ابتدای مهر تاکنون", written in Khordad: last year's Mehr
            first_date = calendars.month_span(day.calendar, year, day.month)[0]
        last_date = reference  # "از سال 97 تاکنون": from then until the day of writing
        value = f"{first_date.isoformat()}/{reference.isoformat()}"
    elif period_words and (period_words.group("months") or period_words.group("half")) and day.granularity == "year":
        months = _months_of_year(day, *_months_and_which(period_words))
        if months is not None:
            first_date, last_date = months
            value = "/".join(date.isoformat() for date in months)
    return replace(
        day, start=start, end=end, value=value, granularity="period", first_date=first_date, last_date=last_date,
        year=year,
    )


def _names_years(day: Date) -> bool:
    """A year or years, no month in them ("سال 95", "سال های 94 و 95", "سال جاری"): what "N ماهه" takes part of."""
    return day.granularity in ("year", "period") and day.month is None


def _months_and_which(period_words: regex.Match[str]) -> tuple[str, str | None]:
    """"9 ماهه نخست" -> ("9", "نخست"); "نیمه دوم" (the second half) -> ("6", "دوم")."""
    if period_words.group("half"):
        return "6", period_words.group("half")
    return period_words.group("months"), period_words.group("which")


def _months_of_year(day: Date, count: str, which: str | None) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day of "9 ماهه (نخست) سال 95", "سه ماهه دوم سال 2016", "6 ماهه پایانی سال":
    months of the year the date names; None when they do not fit in it or the year is unresolved."""
    length = whole_number(count)
    year, calendar, first_day = day.year, day.calendar, day.first_date
    if year is None and first_day is not None:  # سال جاری, سال گذشته: the year it resolved to
        year = first_day.year if calendar == "gregorian" else calendars.from_gregorian(first_day)[0]
    if length is None or year is None or calendar == "hijri":
        return None
    part = _WHICH_PART.get(which or "نخست")
    last_month = 12 if part is None else part * length
    first_month = last_month - length + 1
    if not (length >= 1 and 1 <= first_month and last_month <= 12):
        return None
    try:
        return calendars.month_span(calendar, year, first_month)[0], calendars.month_span(calendar, year, last_month)[1]
    except (calendars.CalendarError, ValueError):  # "شش ماهه نخست سال 3200": beyond the calendar, unresolved
        return None
