"""Finds dates (day-month-year, month-year, year, weekday, numeric) and resolves them to ISO dates."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NamedTuple

import regex

from extractor import calendars, lexicons
from extractor.facts.candidates import Date
from extractor.facts.common import (
    SentenceContext,
    amount_words,
    era_alternation,
    era_calendar,
    written_year_calendar,
    iso_span,
    school_year_words,
    split_words,
    starts_a_verb,
    word_after,
    word_before,
)
from extractor.numbers import parse_number, whole_number
from extractor.numbers.vocabulary import starting_words
from extractor.facts.rules import Guard, Needs, Registry, Rule, Trait
from extractor.patterns import GAP, OPTIONAL_GAP, WHOLE_WORD_START, WORD_END, WORD_OR_NUMBER_END, WORD_OR_NUMBER_START, WORD_START, right_before

_DAY_MONTH_GAP = rf"{OPTIONAL_GAP} {OPTIONAL_GAP}"  # a space between a day in words and its month: "سی‌دی" (a CD) is no 30 Dey
_CURRENT = "current"
_PREVIOUS = "previous"
_NEXT = "next"
_RELATIVE_WORDS = {"جاری": _CURRENT, "امسال": _CURRENT, "گذشته": _PREVIOUS, "قبل": _PREVIOUS, "آینده": _NEXT, "آتی": _NEXT}
_LATEST_GREGORIAN_YEAR_AS_TWO_DIGITS = 30  # "سال 97" is 1397; without a reference, 00-20 read as 1400-1420
_TWO_DIGIT_JALALI_PIVOT = 20


@dataclass(frozen=True)
class _Parts:
    calendar: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    relative: str | None
    year_digits: int  # how many digits the year was written with (0 when absent)
    first_day: int | None = None  # "13 تا 17 اردیبهشت": a range of days
    last_year: int | None = None  # "سال‌های 2009 تا 2013": a range of years
    relative_year: bool = False  # "تیر سال گذشته" (last year's Tir), not "تیر گذشته" (the last Tir)
    relative_week: bool = False  # "جمعه هفته جاری": that weekday of this week (Saturday to Friday)
    school_year: bool = False  # "سال تحصیلی 95 - 96": from 1 Mehr 1395 to 31 Shahrivar 1396
    told_ahead: bool = False  # "جمعه برگزار خواهد شد": a date with no year in a clause told in the future


class _Month(NamedTuple):
    number: int
    calendar: str
    alone: bool  # a month even alone (فروردین), or only beside a day, ماه or a year (تیر, دی)


@functools.cache
def _months() -> dict[str, _Month]:
    return {
        lexicons.canonical(row["name"]).lower(): _Month(int(row["number"]), row["calendar"], row["alone"] == "yes")
        for row in lexicons.rows("months")
    }


def _month(name: str) -> _Month:
    """The month a name as matched (any case, joined or apart) stands for."""
    return _months()[lexicons.canonical(name).lower()]


@functools.cache
def _weekdays() -> dict[str, int]:
    return {lexicons.canonical(row["name"]): int(row["python_weekday"]) for row in lexicons.rows("weekdays")}


_YEAR_JOINER = rf"{GAP}(?:تا|الی|و){GAP}|{OPTIONAL_GAP}[،,]{OPTIONAL_GAP}"
_DASH = rf"(?P<dash>{OPTIONAL_GAP}-{OPTIONAL_GAP})"
# "2009 تا 2013", "2017، 2018 و 2019", "2014 - 15"; "95 تا 97", "95 - 96"; "1396-1395" (a span written
# with a dash reads either way round). Not "2015 و 20 نفر".
_YEARS_OF_FOUR_DIGITS = (
    rf"(?P<year>\d{{4}})(?:{OPTIONAL_GAP}[،,]{OPTIONAL_GAP}\d{{4}})*"
    rf"(?:(?:{_YEAR_JOINER})(?P<last_year>\d{{4}})|{_DASH}(?P<last_year>\d{{4}}|\d{{2}}))"
)
_YEARS_OF_TWO_DIGITS = rf"(?P<year>\d{{2}})(?:{GAP}(?:تا|الی|و){GAP}|{_DASH})(?P<last_year>\d{{2}})"


_MONTH_WORD = "ماه"
_VERB_PREFIX = "می"  # also the month May
_ONE = "یک"
_HIJRI = "hijri"
_ORDINAL_ADJECTIVE_ENDING = "ین"  # اولین, دومین, نخستین: the ordinal that stands before its noun
_YEAR_WORD = "سال"
_NOWRUZ = "نوروز"
_THOUSAND = "هزار"
_NOWRUZ_YEARS_AFTER_JALALI = 621  # Nowruz of the Gregorian year 2016 begins the Jalali year 1395
_WEEKDAY_ENDINGS = ("شنبه", "جمعه")  # every weekday name ends so
_NUMERIC_DATE = regex.compile(r"\d[/\-.]\d+[/\-.]\d")
_FOUR_DIGITS = regex.compile(r"(?<!\d)\d{4}(?!\d)")
_YEAR_DIGITS = regex.compile(r"(?<!\d)(?:\d{4}|\d{2})(?!\d)")  # what an event's year is written with



@functools.cache
def _fragments() -> dict[str, str]:
    """The named pieces the date rules are assembled from (built once, on first use)."""
    months = lexicons.rows("months")
    month = lexicons.alternation([row["name"] for row in months])
    month_alone = lexicons.alternation([row["name"] for row in months if row["alone"] == "yes"])
    # جمعه in "امام جمعه", "نماز عبادی سیاسی جمعه", "خطبه‌های جمعه" is the Friday prayer, not a day;
    # "پنجشنبه‌ها و جمعه‌ها", "سه شنبه های بدون خودرو", "روزهای سه شنبه" are every such day, no one day.
    prayer = lexicons.alternation(lexicons.column("weekday_vetoes", "word")) + rf"(?:[ \u200c]?های?)?(?:{OPTIONAL_GAP}(?:عبادی{GAP}سیاسی|موقت))?"
    every = rf"(?![ \u200c]?های?{WORD_END})"
    within_a_name = rf"(?<!(?:یک|دو|سه|چهار|پنج){OPTIONAL_GAP})"  # شنبه inside "روزهای سه شنبه"
    weekday = rf"(?<!{prayer}{GAP}){within_a_name}" + lexicons.alternation(lexicons.column("weekdays", "name")) + every
    relative = lexicons.alternation(list(_RELATIVE_WORDS))
    day = r"\d{1,2}|(?:بیست|سی)(?: و \p{L}+)?(?:[ \u200c]ام)?|\p{L}+"
    # "دسامبر 23 دلار": a number followed by a currency or درصد is an amount, not a year.
    amount_after = amount_words()
    # "یک هزار و سیصد و نود و چهار", "دو هزار و شانزده": a year in words, as official texts write it.
    number_word = lexicons.alternation(lexicons.column("number_words", "word"))
    and_a_number = rf"{GAP}و{GAP}{number_word}"
    year_in_words = rf"(?:(?:یک{OPTIONAL_GAP})?هزار(?:{and_a_number})+|دو{OPTIONAL_GAP}هزار(?:{and_a_number})*){WORD_END}"
    # After سال, "و" and a number must follow the thousand ("سال دو هزار و هفده"; not "سال دو هزار نفر"),
    # and no scale or currency ("سال یک هزار و پانصد میلیارد تومان" is an amount).
    scale = lexicons.alternation(lexicons.column("scales", "word"))
    year_in_words_after_year = (
        rf"(?:(?:یک{OPTIONAL_GAP})?هزار|دو{OPTIONAL_GAP}هزار)(?:{and_a_number})+{WORD_END}"
        rf"(?!{OPTIONAL_GAP}(?:{scale}|{amount_after}))"
    )
    # An era names the calendar, which a year alone cannot tell (1437 هجری قمری); a year of one to three
    # digits is one only with an era in words (سال 201 هجری), not a single letter (سال 5 م...).
    era = rf"(?:{GAP}|(?<=\d))(?P<era>{era_alternation()}){WORD_END}"  # "1420ق": joined to the digits
    short_year = rf"\d{{1,3}}(?={GAP}{era_alternation(spelled_out=True)}{WORD_END})"
    # "سال مالی 95", "سال تحصیلی 95 - 96": a fiscal year is the year; a school, farming or water year
    # runs from Mehr to Shahrivar (see _span).
    year_kind = rf"(?:{GAP}(?P<year_kind>{lexicons.alternation(lexicons.column('year_kinds', 'word'))}))?"
    # "در 15 خرداد 32 نفر مصدوم شدند": two digits that count something after a month are no year.
    counted = lexicons.alternation(lexicons.column("classifiers", "word"))
    two_digits = rf"\d{{2}}(?!{GAP}{counted}{WORD_END})"
    year = rf"(?:سال{GAP})?(?:(?P<year>\d{{4}}|{two_digits})(?!\d|[.٫/]\d)(?!{OPTIONAL_GAP}{amount_after})|(?P<year_in_words>{year_in_words}))(?:{era})?"
    # "14مهر92", "24شهریور": digits may be written joined to the month name.
    year_or_relative = rf"(?:(?:{GAP}|(?=\d)){year}|{GAP}(?P<year_word>سال{GAP})?(?P<relative>{relative})(?:{era})?)"
    weekday_prefix = rf"(?:روز{GAP})?(?:(?P<weekday>{weekday})[ \u200c،,]+)?"
    # "8 تا 10 فوریه", and written joined to the digits: "8تا10 فوریه".
    day_range = rf"(?:(?P<first_day>\d{{1,2}}){OPTIONAL_GAP}(?:تا|الی|لغایت)(?:{GAP}|(?=\d)))?"
    event = lexicons.alternation(lexicons.column("year_events", "phrase"))
    # Two digits follow only the events whose years are written so (انتخابات 96, بودجه 96); not "جام 64 تیمی".
    event_of_two_digit_years = lexicons.alternation(
        [row["phrase"] for row in lexicons.rows("year_events") if row["two_digit_years"] == "yes"]
    )
    host = lexicons.alternation(list(lexicons.single_word_places()))
    four_digit_year = r"1[34]\d\d|19\d\d|20\d\d"
    two_digit_year = rf"(?:[5-9]\d|0\d)(?!{OPTIONAL_GAP}{scale})"
    return {
        "GAP": GAP, "OPTIONAL_GAP": OPTIONAL_GAP, "WORD_START": WORD_START, "day_month_gap": _DAY_MONTH_GAP,
        "years_of_four_digits": _YEARS_OF_FOUR_DIGITS, "years_of_two_digits": _YEARS_OF_TWO_DIGITS, "nowruz": _NOWRUZ,
        "month": month, "month_alone": month_alone, "weekday": weekday, "day": day, "amount_after": amount_after,
        "year_in_words_after_year": year_in_words_after_year, "era": era, "short_year": short_year,
        "year_kind": year_kind, "year_or_relative": year_or_relative, "weekday_prefix": weekday_prefix,
        "day_range": day_range, "event": event, "event_of_two_digit_years": event_of_two_digit_years, "host": host,
        "four_digit_year": four_digit_year, "two_digit_year": two_digit_year,
        "year_edge": lexicons.alternation(lexicons.column("year_edge_words", "word")),
        "ordinal_day": r"(?:(?:بیست|سی){GAP}و{GAP})?\p{L}+مین|نخستین|اولین".replace("{GAP}", GAP),
        # Any month after a word of a period's edge, but می ("به پایان می‌رسد": the verb).
        "month_after_an_edge": lexicons.alternation([row["name"] for row in months if row["name"] != "می"]),
        "event_year": rf"{four_digit_year}|{two_digit_year}",
    }


def _rule_pattern(pattern: str) -> Callable[[], str]:
    """A rule's pattern from a template over the named fragments ({month}, {era}, ...), between the
    edges of a word or number."""
    return lambda: rf"{WORD_OR_NUMBER_START}(?:{pattern.format_map(_fragments())}){WORD_OR_NUMBER_END}"


def _names_a_month_in(sentence: SentenceContext) -> bool:
    return _names_a_month(sentence.text, sentence.words, sentence.has_digits)


def _says_a_year(sentence: SentenceContext) -> bool:
    if not sentence.has_digits:  # "سال دو هزار و هفده": a year in words
        return _YEAR_WORD in sentence.text and _THOUSAND in sentence.text
    return _YEAR_WORD in sentence.text


_NAMES_A_MONTH = Needs(test=_names_a_month_in)
_NUMERIC = Needs(test=lambda sentence: sentence.has_digits and _NUMERIC_DATE.search(sentence.text) is not None)
_SAYS_A_YEAR = Needs(test=_says_a_year)
_FOUR_DIGIT_NUMBER = Needs(test=lambda sentence: sentence.has_digits and _FOUR_DIGITS.search(sentence.text) is not None)
_NAMES_A_WEEKDAY = Needs(test=lambda sentence: any(ending in sentence.text for ending in _WEEKDAY_ENDINGS))
_NAMES_AN_EVENT = Needs(
    test=lambda sentence: sentence.has_digits and _names_an_event(sentence.text) and _YEAR_DIGITS.search(sentence.text) is not None
)
_SAYS_NOWRUZ = Needs(test=lambda sentence: sentence.has_digits and _NOWRUZ in sentence.text)
_SAYS_A_DAY_OF_SPRING = Needs(words=("روز",), text=("بهار", "نوروز", "سال جدید", "سال نو"))


def _one_bullet(text: str, match: regex.Match[str]) -> bool:
    """"یک تیر به سینه خود شلیک کرد": one bullet (the first of Tir is یکم تیر, اول تیر)."""
    return _group(match, "day") == _ONE and not _month(match.group("month")).alone


def _may_the_verb_prefix(text: str, match: regex.Match[str]) -> bool:
    """"سه می گوید", "دوم می توان", "نمره 20 می‌دهم": می before a verb is its prefix, not May. (The می of
    "20 می‌دهم" passes the month check: see _names_an_ambiguous_month.)"""
    if _group(match, "month") != _VERB_PREFIX:
        return False
    if starts_a_verb(text, match.start("month")):
        return True
    after = word_after(text, match.end("month"))
    return after is not None and after.text in lexicons.words("verbs", "word")


def _weekday_of_no_day(text: str, match: regex.Match[str]) -> bool:
    """"عبدالله جمعه": a weekday right after a first name is a surname (not "علی روز جمعه آمد"); "آخرین
    جمعه ماه رمضان": an ordinal before a weekday (_after_an_ordinal)."""
    return _after_a_first_name(text, match.start("weekday")) or _after_an_ordinal(text, match.start())


def _lunar_month_alone(text: str, match: regex.Match[str]) -> bool:
    """"در ماه مبارک رمضان": a lunar month with no day and no year is the religious month, which no year
    pins down (lunar dates are not converted)."""
    return _month(match.group("month")).calendar == _HIJRI


def _date_rule(name: str, template: str, needs: Needs, *guards: Guard, traits: frozenset[Trait] = frozenset()) -> Rule:
    """A date rule: its pattern from a template over the named fragments, matched in any case (month names
    in Latin letters), vetoed by its own guards and then by those of every date rule (one bullet, the
    verb prefix می)."""
    return Rule(name, _rule_pattern(template), needs, (*guards, _one_bullet, _may_the_verb_prefix), traits, regex.IGNORECASE)


RULES = Registry((
    _date_rule(
        "weekday?+day+month+year?",
        r"{weekday_prefix}{day_range}(?P<day>{day})(?:{day_month_gap}|(?<=\d)\u200c?)(?P<month>{month})"
        r"(?:{OPTIONAL_GAP}ماه)?{year_or_relative}?",
        _NAMES_A_MONTH,
    ),
    _date_rule(
        "numeric_date",
        r"(?P<year>\d{{4}})(?P<separator>[/\-.])(?P<month_number>\d{{1,2}})(?P=separator)(?P<day_number>\d{{1,2}})",
        _NUMERIC,
    ),
    _date_rule("numeric_date_day_first", r"(?P<day_number>\d{{1,2}})/(?P<month_number>\d{{1,2}})/(?P<year>\d{{4}}|\d{{2}})", _NUMERIC),
    # "95.3.13", "88.2.21": a Jalali date with a two-digit year, written with dots (not 12.5 nor 10.5.2);
    # "99/05/16" with slashes when the year cannot be a day (13/12/95 is day first).
    _date_rule(
        "numeric_date_short_year",
        r"(?P<year>[3-9]\d)\.(?P<month_number>\d{{1,2}})\.(?P<day_number>\d{{1,2}})"
        r"|(?P<year>3[2-9]|[4-9]\d)/(?P<month_number>\d{{1,2}})/(?P<day_number>\d{{1,2}})",
        _NUMERIC,
    ),
    _date_rule("month+year", r"(?:ماه(?:{GAP}مبارک)?{GAP})?(?P<month>{month})(?:{OPTIONAL_GAP}ماه)?{year_or_relative}", _NAMES_A_MONTH),
    _date_rule(
        "month",
        r"ماه(?:{GAP}مبارک)?{GAP}(?P<month>{month})|(?P<month>{month}){OPTIONAL_GAP}ماه|(?P<month>{month_alone})"
        r"|(?<=(?:{year_edge}){GAP})(?P<month>{month_after_an_edge})",  # "از ابتدای مهر تاکنون"
        _NAMES_A_MONTH, _lunar_month_alone, traits=frozenset({Trait.YEAR_UNWRITTEN}),
    ),
    _date_rule(
        "years",
        r"سال(?:[ \u200c]?های?)?{year_kind}{GAP}(?:{years_of_four_digits}|{years_of_two_digits})(?!\d)(?:{era})?",
        _SAYS_A_YEAR,
    ),
    _date_rule(
        "year",
        r"سال{year_kind}{GAP}(?:(?P<year>\d{{4}}|\d{{2}}|{short_year})(?!\d)(?!{OPTIONAL_GAP}{amount_after})"
        r"|(?P<year_in_words>{year_in_words_after_year}))(?:{era})?",
        _SAYS_A_YEAR,
    ),
    # Not a code in a credit line: "1899/2096", "* * 2078 * * 1961".
    _date_rule(
        "year_alone",
        r"(?<![/*]{OPTIONAL_GAP})(?P<year>1[34]\d\d|1[89]\d\d|20\d\d)(?!\d)"
        r"(?:{era}|(?={OPTIONAL_GAP}(?:[،,.؛:)]|$|و |تا |تاکنون|تا{GAP}کنون)))",
        _FOUR_DIGIT_NUMBER,
    ),
    _date_rule(
        "weekday",
        r"(?:روز{GAP})?(?P<weekday>{weekday})"
        r"(?:(?:{OPTIONAL_GAP}ی)?{GAP}(?P<relative>گذشته|آینده)|{GAP}(?P<week_word>هفته){GAP}(?P<relative>جاری|گذشته|آینده)"
        r"|{GAP}این{GAP}(?P<week_word>هفته))?",  # "جمعه این هفته": this week
        _NAMES_A_WEEKDAY, _weekday_of_no_day,
    ),
    # "المپیک 2016", "انتخابات ریاست جمهوری 96", "المپیک توکیو 2020": the year of a named event (the
    # fact is the year alone, as annotators mark it). Two digits are a year from 1350 to 1409
    # (انتخابات 96, بودجه 96), not "المپیک 20 کشور", "12 هزار".
    _date_rule(
        "event_year",
        r"{WORD_START}(?:{event}(?:{GAP}{host})?{OPTIONAL_GAP}(?P<year>{four_digit_year})"
        r"|{event_of_two_digit_years}{GAP}(?:{host}{GAP})?(?P<year>{two_digit_year}))(?!\d)",
        _NAMES_AN_EVENT, traits=frozenset({Trait.YEAR_OF_AN_EVENT}),
    ),
    # "نوروز 95", "نوروز سال 1396", "نوروز 2016": Nowruz is the first day of the Jalali year.
    _date_rule("nowruz", r"(?P<nowruz>{nowruz}){GAP}(?:سال{GAP})?(?P<year>{event_year})(?!\d)", _SAYS_NOWRUZ),
    # "یازدهمین روز بهار", "سومین روز سال جدید", "یازدهمین روز از تعطیلات نوروزی", "روز یازدهمین نوروز":
    # the Nth day of Farvardin (spring, the year and its holidays begin on 1 Farvardin).
    _date_rule(
        "day_of_spring",
        r"(?P<day>{ordinal_day}){GAP}روز{GAP}(?:از{GAP})?(?:تعطیلات{GAP})?(?P<spring>بهار|نوروزی?|سال{GAP}(?:جدید|نو))"
        r"|روز{GAP}(?P<day>{ordinal_day}){GAP}(?P<spring>نوروز)",
        _SAYS_A_DAY_OF_SPRING,
    ),
))


@functools.cache
def _month_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(first words of every month name, of the names that are months even alone, and every name with
    ماه joined), lower-cased."""
    rows = lexicons.rows("months")
    every = frozenset(row["name"].split()[0].lower() for row in rows)
    clear = frozenset(row["name"].split()[0].lower() for row in rows if row["alone"] == "yes")
    return every, clear, frozenset(name + _MONTH_WORD for name in every)


def _names_a_month(text: str, words: frozenset[str], has_digits: bool) -> bool:
    """Whether a month is named: a clear name (فروردین), or an ambiguous one (دی, می, تیر, اوت) after a
    day (14 تیر, پنج مهر, چهاردهم تیر), before a year (اوت 2016) or beside ماه (تیرماه, دی ماه, ماه محرم);
    or digits joined to a month (24شهریور). A word scan: far cheaper than the patterns."""
    every, clear, joined = _month_words()
    if not clear.isdisjoint(words) or not joined.isdisjoint(words):
        return True
    if not every.isdisjoint(words) and _names_an_ambiguous_month(text, every):
        return True
    return has_digits and _day_joined_to_a_month().search(text) is not None


def _names_an_ambiguous_month(text: str, every: frozenset[str]) -> bool:
    """"14 تیر", "(امروز 12 آذر)", "دی 97", "تیر ماه", "ابتدای مهر": an ambiguous name beside a day, a year
    or ماه, or after a word of a period's edge. (The
    می of "20 می‌دهم" passes here; _names_no_date then sees the verb.)"""
    words = split_words(text)
    for index in [index for index, word in enumerate(words) if word in every]:
        before = words[index - 1] if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        after_a_day = before[-1:].isdigit() or before in starting_words() or before.endswith("م")
        before_a_year = after[:1].isdigit()  # "اوت 2016", "دی 97"
        after_an_edge = before in _year_edge_words()  # "از ابتدای مهر تاکنون"
        if after in (_MONTH_WORD, _YEAR_WORD) or before == _MONTH_WORD or after_a_day or before_a_year or after_an_edge:
            return True
    return False


@functools.cache
def _year_edge_words() -> frozenset[str]:
    return frozenset(lexicons.column("year_edge_words", "word"))


@functools.cache
def _day_joined_to_a_month() -> regex.Pattern[str]:
    """Digits written joined to a month name: "24شهریور", "14مهر92", "30خردادماه"."""
    month = lexicons.alternation(lexicons.column("months", "name"))
    return regex.compile(rf"(?<!\d)\d{{1,2}}{month}(?:{_MONTH_WORD})?{WORD_END}", regex.IGNORECASE)


@functools.cache
def _event_first_words() -> tuple[tuple[str, ...], regex.Pattern[str]]:
    """The first words of event names, and a pattern finding one where a word starts ("جام", not the
    جام in انجام): the event pattern runs only where one is found."""
    first_words = tuple({phrase.split()[0] for phrase in lexicons.column("year_events", "phrase")})
    return first_words, regex.compile(rf"{WORD_START}{lexicons.alternation(list(first_words))}")


def _names_an_event(text: str) -> bool:
    first_words, at_a_word_start = _event_first_words()
    # A substring test first: the pattern's look-behind makes it try every position (6x slower)
    return any(word in text for word in first_words) and at_a_word_start.search(text) is not None


def find(sentence: SentenceContext) -> list[Date]:
    found: list[Date] = []
    streets: list[tuple[int, int]] = []  # "خیابان 15 خرداد": no later pattern finds خرداد there either
    for rule in RULES.runnable(sentence):  # most sentences: none
        for match in rule.compiled.finditer(sentence.text):
            if _names_a_street(sentence.text, match):
                streets.append(match.span())
            elif not any(start <= match.start() < end for start, end in streets) and not rule.vetoed(sentence.text, match):
                found.extend(_candidate(rule, match, sentence.text, sentence.reference_date))
    return found


def _candidate(rule: Rule, match: regex.Match[str], text: str, reference: datetime.date | None) -> list[Date]:
    """The date the match names (none when its words make no date: day 40, month 13)."""
    parts = _parts(match)
    if parts is None:
        return []
    if parts.relative is None and parts.year is None and (parts.weekday is not None or parts.month is not None):
        parts = replace(parts, told_ahead=_told_ahead(text, match.end()))
    start, end = match.span("year") if rule.has(Trait.YEAR_OF_AN_EVENT) else match.span()
    fields = _resolve(parts, reference)
    return [Date(start, end, rule, fields.pop("value"), **fields)]


@functools.cache
def _tense_word() -> regex.Pattern[str]:
    """The first word that tells a clause's tense: a future marker (group future) or a past verb."""
    markers = lexicons.alternation(lexicons.column("future_markers", "word"))
    past = lexicons.alternation([row["word"] for row in lexicons.rows("verbs") if row["past"] == "yes"])
    # Not می‌خواهیم, "می خواهند" (we ask, they want): خواستن in the present, not the future's auxiliary.
    future = rf"(?<![\p{{L}}\p{{M}}\u200c]|{WORD_START}ن?می[ \u200c])(?P<future>{markers})"
    return regex.compile(rf"(?:{future}|{WHOLE_WORD_START}{past}){WORD_END}")


_CLAUSE_END = regex.compile(rf"[.؛:!?،,\n]|{WORD_START}که{WORD_END}")
_COMMA_AFTER_THE_DAY = 2  # "روز شنبه، تیم ... خواهد رفت": a comma right after the weekday ends no clause


def _told_ahead(text: str, end: int) -> bool:
    """Whether the clause that goes on after a date with no year, up to the next comma or که, is told in
    the future: a future marker before any past verb ("جمعه برگزار خواهد شد", "سه شنبه قرار است جلسه
    ..."; not "روز جمعه گزارش دادند ... خواهد بست")."""
    clause_end = _CLAUSE_END.search(text, end + _COMMA_AFTER_THE_DAY)
    tense = _tense_word().search(text, end, clause_end.start() if clause_end else len(text))
    return tense is not None and tense.group("future") is not None


def _after_a_first_name(text: str, start: int) -> bool:
    """Whether the word right before `start` is a first name."""
    before = word_before(text, start)
    return before is not None and before.text in lexicons.starting_first_names()


def _after_an_ordinal(text: str, start: int) -> bool:
    """"آخرین جمعه ماه رمضان", "نخستین شنبه هر ماه": the first or last such weekday of a period, not the
    nearest one (and no day that this weekday alone can name)."""
    before = word_before(text, start)
    if before is None:
        return False
    if before.text in lexicons.words("last_words", "word"):
        return True
    number = parse_number(before.text) if before.text.endswith(_ORDINAL_ADJECTIVE_ENDING) else None
    return number is not None and number.is_ordinal


def _names_a_street(text: str, match: regex.Match[str]) -> bool:
    """"خیابان 15 خرداد", "میدان هفت تیر", "خیابان‌های 15 خرداد": a day and month right after a street
    word name the street."""
    if _group(match, "day") is None or match.start("day") != match.start():
        return False
    return _street_before().search(text, max(0, match.start() - 20), match.start()) is not None


@functools.cache
def _street_before() -> regex.Pattern[str]:
    streets = lexicons.alternation(lexicons.column("street_words", "word"))
    return regex.compile(right_before(rf"{streets}(?:[ \u200c]?های?)?", backwards=True))


def _group(match: regex.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def _parts(match: regex.Match[str]) -> _Parts | None:
    """The date's parts as written, or None when the words do not make a date (day 40, month 13)."""
    groups = match.groupdict()  # once: each call builds the dict of every group
    month_name, day_text, year_text = groups.get("month"), groups.get("day"), groups.get("year")
    month, calendar = _month(month_name)[:2] if month_name else (None, "jalali")
    if groups.get("nowruz"):
        month, day_text = 1, "1"
    if groups.get("spring"):
        month = 1
    if groups.get("month_number"):
        month, day_text = int(groups["month_number"]), groups["day_number"]
    day = None
    if day_text is not None:
        day = whole_number(day_text)
        if day is None or not 1 <= day <= 31:
            return None  # also "صدها اردیبهشت": a vague number is no day
    if groups.get("year_in_words"):
        year_value = whole_number(groups["year_in_words"])
        year_text = str(year_value) if year_value is not None else None
    year = int(year_text) if year_text else None
    calendar = _calendar(calendar, month_name is not None, year_text, groups.get("era"))
    if groups.get("nowruz") and calendar == "gregorian" and year is not None:  # نوروز 2016: 1 Farvardin 1395
        calendar, year = "jalali", year - _NOWRUZ_YEARS_AFTER_JALALI
    if month is not None and not 1 <= month <= 12:
        return None
    weekday_name = groups.get("weekday")
    weekday = _weekdays()[lexicons.canonical(weekday_name)] if weekday_name else None
    relative_word = groups.get("relative")
    relative = _RELATIVE_WORDS[lexicons.canonical(relative_word)] if relative_word else None
    first_day = int(groups["first_day"]) if groups.get("first_day") else None
    last_year = int(groups["last_year"]) if groups.get("last_year") else None
    years_alike = last_year is not None and year is not None and len(groups["last_year"]) == len(year_text)
    if years_alike and groups.get("dash") and last_year < year:  # "1396-1395" reads either way round
        year, last_year = last_year, year
    if (first_day is not None and day is not None and first_day >= day) or (years_alike and last_year < year):
        return None
    relative_year = relative is not None and groups.get("year_word") is not None
    relative_week = groups.get("week_word") is not None
    school_year = groups.get("year_kind") in school_year_words() and calendar == "jalali"
    return _Parts(
        calendar, year, month, day, weekday, relative, len(year_text or ""), first_day, last_year, relative_year,
        relative_week, school_year,
    )


def _calendar(month_calendar: str, month_named: bool, year_text: str | None, era: str | None) -> str:
    """A named month's calendar, else the era's (1437 هجری قمری); a four-digit year from 1700 to 2199 is
    Gregorian without an era."""
    if era is not None and not month_named:
        return era_calendar(era)
    return (written_year_calendar(year_text) if year_text is not None else None) or month_calendar


def _full_year(parts: _Parts, reference: datetime.date | None) -> int | None:
    """The year in full: written four-digit, two-digit near the reference, or implied by جاری/گذشته."""
    today = _reference_in(parts.calendar, reference)
    reference_year = today[0] if today is not None else None
    if parts.year is not None and parts.year_digits != 2:  # 1395, 2016; 201 هجری
        return parts.year
    if parts.year is not None:
        if reference_year is not None:
            year = reference_year // 100 * 100 + parts.year
            return year - 100 if year > reference_year + 10 else year
        century = 1400 if parts.year <= _TWO_DIGIT_JALALI_PIVOT else 1300
        return (2000 if parts.year <= _LATEST_GREGORIAN_YEAR_AS_TWO_DIGITS else 1900) + parts.year if parts.calendar == "gregorian" else century + parts.year
    if today is None or parts.month is None:
        return None
    if parts.relative_year:
        return reference_year + {_PREVIOUS: -1, _NEXT: 1}.get(parts.relative, 0)
    reference_month = today[1]
    if parts.relative == _PREVIOUS:
        return reference_year if parts.month < reference_month else reference_year - 1
    if parts.relative == _NEXT:
        return reference_year if parts.month > reference_month else reference_year + 1
    return reference_year + _year_by_tense(parts, reference_month, today[2])


def _year_by_tense(parts: _Parts, reference_month: int, reference_day: int) -> int:
    """1 for a day or month told in the future that this year has passed ("11 فروردین ... بررسی خواهد شد"
    in Bahman is next year's), else 0. Not -1 for the past: news tells in the past of what is announced
    for days to come ("به مناسبت 22 بهمن بیانیه‌ای صادر کرد", "از پنجم بهمن ماه ... خبر داد")."""
    said, reference = (parts.month, parts.day or 0), (reference_month, reference_day)
    if parts.told_ahead and said < reference and (parts.day is not None or parts.month < reference_month):
        return 1
    return 0


def _reference_in(calendar: str, reference: datetime.date | None) -> tuple[int, int, int] | None:
    """(year, month, day) of the reference date in the date's calendar (converted once), or None."""
    if reference is None:
        return None
    return (reference.year, reference.month, reference.day) if calendar == "gregorian" else calendars.from_gregorian(reference)


def _resolve(parts: _Parts, reference: datetime.date | None) -> dict:
    """Resolve the parts to Gregorian first and last dates where the text and the reference allow (a
    Date's fields, and its value).

    Lunar Hijri dates keep their parts but are not converted (the Iranian lunar calendar follows
    moon sightings, which no arithmetic predicts to the day)."""
    if parts.calendar == "hijri":
        year = parts.year if parts.year_digits != 2 else None  # 1437, 201 هجری; not "رمضان 37"
    else:
        year = _full_year(parts, reference)
    weekday = calendars.WEEKDAY_NAMES[parts.weekday] if parts.weekday is not None else None
    details = {"calendar": parts.calendar, "year": year, "month": parts.month, "day": parts.day, "weekday": weekday}
    if parts.day is None and parts.month is None and year is None and parts.weekday is not None:
        return {**details, **_resolve_weekday(parts, reference)}
    granularity = "day" if parts.day is not None else "month" if parts.month is not None else "year"
    if parts.first_day is not None or parts.last_year is not None:
        granularity = "period"
    start = end = None
    if year is not None and parts.calendar != "hijri":
        try:
            start, end = _span(parts, year)
        except (calendars.CalendarError, ValueError):
            start = end = None
    return {**details, "granularity": granularity, "first_date": start, "last_date": end, "value": iso_span(start, end)}


def _span(parts: _Parts, year: int) -> tuple[datetime.date, datetime.date]:
    calendar = parts.calendar
    if parts.day is not None:
        first_day = parts.first_day if parts.first_day is not None else parts.day
        return calendars.date_in(calendar, year, parts.month, first_day), calendars.date_in(calendar, year, parts.month, parts.day)
    if parts.month is not None:
        return calendars.month_span(calendar, year, parts.month)
    if parts.school_year:
        return _school_years(parts, year)
    if parts.last_year is not None:
        last_year = _full_last_year(parts.last_year, year)
        if last_year < year:
            raise ValueError(f"years {year} to {last_year} run backwards")
        return calendars.year_span(calendar, year)[0], calendars.year_span(calendar, last_year)[1]
    return calendars.year_span(calendar, year)


def _full_last_year(last_year: int, year: int) -> int:
    return last_year if last_year >= 100 else year // 100 * 100 + last_year  # "1395 و 96"


def _school_years(parts: _Parts, year: int) -> tuple[datetime.date, datetime.date]:
    """"سال تحصیلی 95 - 96", "سال زراعی 95-96": 1 Mehr 1395 to 31 Shahrivar 1396. One year alone does not
    tell which school year it is (the one starting or the one ending in it)."""
    if parts.last_year is None or _full_last_year(parts.last_year, year) != year + 1:
        raise ValueError(f"a school year from {year} is not written with its two years")
    return calendars.school_year_span(year)


def _resolve_weekday(parts: _Parts, reference: datetime.date | None) -> dict:
    """A bare weekday is the nearest such day on or before the reference (news reports the past), or
    on or after it in a clause told in the future; strictly before it with گذشته, strictly after it
    with آینده."""
    if reference is None:
        return {"granularity": "day", "first_date": None, "last_date": None, "value": None}
    if parts.relative_week:
        return _day_details(_weekday_of_week(parts.weekday, parts.relative, reference))
    if parts.told_ahead:
        return _day_details(reference + datetime.timedelta(days=(parts.weekday - reference.weekday()) % 7))
    days_back = (reference.weekday() - parts.weekday) % 7
    if parts.relative == _PREVIOUS and days_back == 0:
        days_back = 7
    date = reference - datetime.timedelta(days=days_back)
    if parts.relative == _NEXT:
        date = reference + datetime.timedelta(days=(parts.weekday - reference.weekday()) % 7 or 7)
    return _day_details(date)


def _weekday_of_week(weekday: int, relative: str | None, reference: datetime.date) -> datetime.date:
    """"جمعه هفته جاری", "شنبه هفته آینده": that weekday in this, the next or the last Iranian week."""
    weeks = {_PREVIOUS: -1, _NEXT: 1}.get(relative or _CURRENT, 0)
    return calendars.week_start(reference, weeks) + datetime.timedelta(days=(weekday - calendars.SATURDAY) % 7)


def _day_details(date: datetime.date) -> dict:
    year, month, day = calendars.from_gregorian(date)
    return {
        "granularity": "day", "year": year, "month": month, "day": day, "first_date": date, "last_date": date,
        "value": date.isoformat(),
    }

