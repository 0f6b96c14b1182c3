"""Finds times of day: ساعت 17, ساعت 21:35, 12:12, صبح امروز, شامگاه یکشنبه, چهارشنبه شب, امشب;
a time joins the day the text gives with it (ساعت 17 روز پنجشنبه) into one fact, as news annotators do."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from dataclasses import replace

import regex

from extractor import lexicons
from extractor.facts.candidates import Date, Time
from extractor.facts.common import SentenceContext, start_with_word_before
from extractor.facts.rules import Needs, Registry, Rule, Trait, derived
from extractor.numbers import whole_number
from extractor.patterns import GAP, OPTIONAL_GAP, WHOLE_WORD_OR_NUMBER_END, WHOLE_WORD_OR_NUMBER_START, WORD_END

# Directions from the moment of writing (lexicons/relative_directions.tsv) that hours are counted in:
# not جاری, and not بعد ("دو ساعت بعد" is after the event told).
_HOURS_DIRECTIONS = ("previous", "recent", "next")
_JOIN_TO_DAY = regex.compile(rf"[ \u200c،,]*(?:روز{GAP})?\Z|\A[ \u200c،,]*(?:روز{GAP})?")
# Times that name their own day: امشب is tonight; دیشب and "شب گذشته" (rule last_night) last night.
_NIGHT_DAY_OFFSETS = {"امشب": 0, "دیشب": -1}
_LAST_DAY_OFFSET = -1
_MINUTES_OF = {"نیم": 30, "ربع": 15}  # "ساعت هفت و نیم": 7:30
_HALF_OR_QUARTER = "|".join(_MINUTES_OF)


@functools.cache
def _parts_of_day() -> dict[str, str]:
    return {lexicons.canonical(row["word"]): row["part"] for row in lexicons.rows("parts_of_day")}


def _hours_from_now() -> str:
    """"24 ساعت گذشته", "دو ساعت دیگر", "سه ساعت پیش" (not "یک ساعت قبل از بازی": before the match, not
    now), right after a number."""
    directions = [row["word"] for row in lexicons.rows("relative_directions") if row["direction"] in _HOURS_DIRECTIONS]
    return rf"{GAP}ساعت{GAP}{lexicons.alternation(directions)}{WORD_END}(?!(?<=پیش|قبل){GAP}از{WORD_END})"


@functools.cache
def _part_after() -> regex.Pattern[str]:
    part = lexicons.alternation(lexicons.column("parts_of_day", "word"))
    return regex.compile(rf"{GAP}(?P<part>{part}){WHOLE_WORD_OR_NUMBER_END}")


@functools.cache
def _patterns() -> dict[str, str]:
    """Each rule's pattern, by the rule's name, assembled from the fragments named here."""
    part = lexicons.alternation(lexicons.column("parts_of_day", "word"))
    weekday = lexicons.alternation(lexicons.column("weekdays", "name"))
    # "ساعت بیست و یک"; not "ساعت یازده و چهل دقیقه" (minutes_said) or "ساعت هفت و نیم" (half_or_quarter).
    hour_words = rf"\p{{L}}+(?: و (?!{_HALF_OR_QUARTER})\p{{L}}+(?!{GAP}دقیقه))?"
    hour = rf"(?P<hour>\d{{1,2}})(?::(?P<minute>\d{{2}}))?|(?P<hour_words>{hour_words})"
    minutes = (
        rf"{GAP}و{GAP}(?:(?P<minutes_said>\d{{1,2}}|\p{{L}}+(?: و \p{{L}}+)?){GAP}دقیقه"
        rf"|(?P<half_or_quarter>{_HALF_OR_QUARTER}){WORD_END})"
    )
    until = rf"{GAP}(?:تا|الی){GAP}(?:ساعت{GAP})?(?P<until>\d{{1,2}}(?::\d{{2}})?)"
    # "ساعت 10 صبح الی 20": a part of day before the end hour is the start's; after it, the end's.
    # "ساعت 21 امشب", "ساعت 19 دیشب", "ساعت 10 شب گذشته": the night, or "گذشته", names the day.
    night = rf"(?P<night>{lexicons.alternation(list(_NIGHT_DAY_OFFSETS))})"
    part_of_last_day = rf"(?P<part>{part})(?P<last_day>{GAP}گذشته)"
    clock = (
        rf"ساعت{GAP}(?:{hour})(?:{minutes})?(?:(?:{GAP}(?P<start_part>{part}))?{until})?"  # a start's part only before an end
        rf"(?:{GAP}(?:{part_of_last_day}|(?P<part>{part})|{night}))?"
    )
    # Not inside a word joined by ZWNJ: "دوشنبه شب‌های هر هفته" is every Monday night, no one time.
    start, end = WHOLE_WORD_OR_NUMBER_START, WHOLE_WORD_OR_NUMBER_END
    patterns = {
        "clock": clock,
        "digits_clock": r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?!:?\d)",
        "part_of_day": rf"(?P<part>{part})(?={GAP}(?:روز{GAP})?(?:امروز|دیروز|فردا|گذشته|{weekday}|\d))",
        "day+part_of_day": rf"(?P<day_word>امروز|دیروز|فردا|{weekday}){GAP}(?P<part>{part})",
        "night": night,
        "last_night": part_of_last_day,  # شب گذشته, شامگاه گذشته: of the day before
    }
    return {rule: f"{start}(?:{pattern}){end}" for rule, pattern in patterns.items()}


def _pattern(rule: str) -> Callable[[], str]:
    return lambda: _patterns()[rule]


def _parts_of_day_first_words() -> list[str]:
    return [word.split()[0] for word in lexicons.column("parts_of_day", "word")]


_DAY_WORDS = ("امروز", "دیروز", "فردا", "شنبه", "جمعه")  # the days a part of day is said with (every weekday ends so)
# "صبح امروز", "عصر 5 مرداد": a part of day before its day, or a date's digits.
_PART_BEFORE_A_DAY = Needs(
    words=_parts_of_day_first_words,
    test=lambda sentence: sentence.has_digits or any(word in sentence.text for word in (*_DAY_WORDS, "گذشته")),
)
_OF_A_DAY = frozenset({Trait.TIME_OF_A_DAY})  # امشب, سه‌شنبه شب, صبح امروز: a clock right after joins them
RULES = Registry((
    Rule("clock", _pattern("clock"), Needs(words=("ساعت",)), traits=frozenset({Trait.CLOCK})),
    Rule("digits_clock", _pattern("digits_clock"), Needs(text=(":",), test=lambda sentence: sentence.has_digits)),
    Rule("part_of_day", _pattern("part_of_day"), _PART_BEFORE_A_DAY, traits=_OF_A_DAY),
    Rule("day+part_of_day", _pattern("day+part_of_day"), Needs(words=_parts_of_day_first_words, text=_DAY_WORDS), traits=_OF_A_DAY),
    Rule("night", _pattern("night"), Needs(words=tuple(_NIGHT_DAY_OFFSETS)), traits=_OF_A_DAY),
    Rule("last_night", _pattern("last_night"), Needs(words=_parts_of_day_first_words, text=("گذشته",)), traits=_OF_A_DAY),  # شب گذشته: of the day before
))
_HOURS_FROM_NOW = Rule("hours_from_now", _hours_from_now)  # after a number
NUMBER_RULES = Registry((_HOURS_FROM_NOW,))


def find(sentence: SentenceContext, days: list[Date]) -> list[Time]:
    """Time candidates, each grown over a day (among the date candidates `days`) named beside it."""
    found = []
    for rule, match in RULES.matches(sentence):
        candidate = _time(sentence, rule, match, days)
        if candidate is not None:
            found.append(candidate)
    return _with_time_zone(sentence.text, _with_clock_after(sentence.text, found)) + _counted_hours(sentence)


@functools.cache
def _time_zone() -> regex.Pattern[str]:
    """"ساعت 19 به وقت محلی", "ساعت 21:40 (به وقت تهران)": the time zone stated right after a time."""
    zones = lexicons.alternation([*lexicons.column("time_zone_words", "word"), *lexicons.single_word_places()])
    return regex.compile(
        rf"{OPTIONAL_GAP}(?P<open>\({OPTIONAL_GAP})?به{GAP}وقت{GAP}(?P<zone>{zones}){WORD_END}(?(open){OPTIONAL_GAP}\))"
    )


def _with_time_zone(text: str, found: list[Time]) -> list[Time]:
    """Each time, grown over the time zone stated right after it (kept as written in `time_zone`)."""
    zoned = []
    for candidate in found:
        zone = _time_zone().match(text, candidate.end)
        if zone is not None:
            candidate = replace(candidate, end=zone.end(), time_zone=zone.group("zone"))
        zoned.append(candidate)
    return zoned


def _with_clock_after(text: str, found: list[Time]) -> list[Time]:
    """"امشب ساعت 21", "سه‌شنبه شب ساعت 10 و 35 دقیقه", "صبح امروز ساعت 9": a time of day with a clock
    right after it is one time, as annotators mark it (not "فردا از ساعت 18": from then on)."""
    merged: list[Time] = []
    for candidate in sorted(found, key=lambda candidate: candidate.start):
        previous = merged[-1] if merged else None
        if previous is not None and _clock_right_after(text, previous, candidate):
            merged[-1] = _time_of_day_and_clock(previous, candidate)
        else:
            merged.append(candidate)
    return merged


def _clock_right_after(text: str, time_of_day: Time, clock: Time) -> bool:
    """Whether `clock` says ساعت right after `time_of_day`, on no other day (in "صبح امروز ساعت 9" the
    clock has grown over امروز, the day they share)."""
    if not time_of_day.rule.has(Trait.TIME_OF_A_DAY) or not clock.rule.has(Trait.CLOCK) or clock.start < time_of_day.start:
        return False
    if clock.date not in (None, time_of_day.date):
        return False
    clock_word = text.find("ساعت", clock.start, clock.end)
    return clock_word >= time_of_day.end and not text[time_of_day.end : clock_word].strip(" \u200c")


def _time_of_day_and_clock(time_of_day: Time, clock: Time) -> Time:
    part = clock.part_of_day or time_of_day.part_of_day
    hour, minute, day = _on_24_hour_clock(clock.hour, part), clock.minute, time_of_day.date
    return Time(
        time_of_day.start, clock.end, derived(f"{time_of_day.rule.name}+clock"), _value(day, hour, minute),
        hour=hour, minute=minute, part_of_day=part, date=day,
    )


def _value(day: datetime.date | None, hour: int | None, minute: int | None) -> str | None:
    """"2016-06-14T21:30", "21:30" without a day, "2016-06-14" without a clock."""
    if hour is not None:
        hour_and_minute = f"{hour:02d}:{minute or 0:02d}"
        return f"{day.isoformat()}T{hour_and_minute}" if day else hour_and_minute
    return day.isoformat() if day is not None else None


def _time(sentence: SentenceContext, rule: Rule, match: regex.Match[str], days: list[Date]) -> Time | None:
    """The time a match says, grown over its day; None for an hour no clock has (ساعت 25, 12:75)."""
    hour, minute = _clock(match)
    if hour is not None and not (0 <= hour <= 24 and 0 <= (minute or 0) < 60):
        return None
    part = _part(match) or _start_part(match)
    start = match.start()
    if match.groupdict().get("until"):  # "از ساعت 8:30 تا 12 شب": a part after the range is the end's
        hour = _on_24_hour_clock(hour, _start_part(match))
        start = start_with_word_before(sentence.text, start, "از", look_back=4)
    else:
        hour = _on_24_hour_clock(hour, part)
    return _with_day(sentence, rule, start, match.end(), (hour, minute, part), _own_day_offset(match), days)


def _own_day_offset(match: regex.Match[str]) -> int | None:
    """Days from the reference to the day the time names itself: امشب 0; دیشب, "شب گذشته" -1; else None."""
    groups = match.groupdict()
    if groups.get("night"):
        return _NIGHT_DAY_OFFSETS[groups["night"]]
    return _LAST_DAY_OFFSET if groups.get("last_day") else None


def _start_part(match: regex.Match[str]) -> str | None:
    said = match.groupdict().get("start_part")
    return _parts_of_day()[lexicons.canonical(said)] if said else None


def _counted_hours(sentence: SentenceContext) -> list[Time]:
    """"طی 24 ساعت گذشته", "48 ساعت آینده", "دو ساعت دیگر", "سه ساعت پیش": hours counted from the moment
    of writing (which no reference date tells: value null)."""
    found = []
    for number in sentence.single_numbers:
        hours = _HOURS_FROM_NOW.compiled.match(sentence.text, number.end)
        if hours and not number.is_ordinal:
            start = start_with_word_before(sentence.text, number.start, "طی", look_back=5)
            found.append(Time(start, hours.end(), _HOURS_FROM_NOW, None))
    return found


def _clock(match: regex.Match[str]) -> tuple[int | None, int | None]:
    """(hour, minute) of "ساعت 21:35", "ساعت 11 و 20 دقیقه", "ساعت یازده و چهل دقیقه", "ساعت 7 و نیم"; -1 for a number
    no clock has, refused by the range check; (None, None) without a clock."""
    groups = match.groupdict()
    if groups.get("minutes_said"):
        minute = whole_number(groups["minutes_said"], cardinal_only=True)
        minute = -1 if minute is None else minute
    elif groups.get("half_or_quarter"):
        minute = _MINUTES_OF[groups["half_or_quarter"]]
    else:
        minute = int(groups["minute"]) if groups.get("minute") else 0
    if groups.get("hour"):
        return int(groups["hour"]), minute
    if groups.get("hour_words"):
        hour = whole_number(groups["hour_words"], cardinal_only=True)
        return (-1, None) if hour is None else (hour, minute)
    return None, None


# "ساعت 5 عصر" is 17:00, "ساعت 8 شب" 20:00, "ساعت 1 بعدازظهر" 13:00, "ساعت 2 بامداد" 02:00; "ساعت 12 شب"
# is 24:00, the end of the day it names.
_AFTERNOON_HOURS = {"afternoon": range(1, 12), "evening": range(1, 12), "night": range(6, 12), "noon": range(1, 5)}
_MIDNIGHT_HOURS = {"night": 12, "midnight": 12}
_END_OF_DAY = 24


def _on_24_hour_clock(hour: int | None, part: str | None) -> int | None:
    """The hour as a 24-hour clock reads it, from the hour said and the part of the day said with it."""
    if hour is None or part is None:
        return hour
    if hour in _AFTERNOON_HOURS.get(part, ()):
        return hour + 12
    return _END_OF_DAY if _MIDNIGHT_HOURS.get(part) == hour else hour


def _part(match: regex.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("night"):
        return "night"
    if groups.get("part"):
        return _parts_of_day()[lexicons.canonical(groups["part"])]
    return None


def _with_day(
    sentence: SentenceContext,
    rule: Rule,
    start: int,
    end: int,
    clock: tuple[int | None, int | None, str | None],
    own_day_offset: int | None,
    days: list[Date],
) -> Time:
    """The time as a fact: grown over the day beside or inside it, or on the day it names itself."""
    hour, minute, part = clock
    day = _adjacent_day(sentence.text, start, end, days) or _inner_day(start, end, days)
    resolved_day = None
    if day is not None:
        start, end = min(start, day.start), max(end, day.end)
        part_after = _part_after().match(sentence.text, end) if part is None and end == day.end else None
        if part_after:  # "ساعت 21 و 30 دقیقه سه‌شنبه شب": the part of day after the day is the clock's
            end, part = part_after.end(), _parts_of_day()[lexicons.canonical(part_after.group("part"))]
            hour = _on_24_hour_clock(hour, part)
        if day.granularity == "day" and day.first_date is not None:
            resolved_day = day.first_date
    elif own_day_offset is not None and sentence.reference_date is not None:
        resolved_day = sentence.reference_date + datetime.timedelta(days=own_day_offset)
    return Time(start, end, rule, _value(resolved_day, hour, minute), hour=hour, minute=minute, part_of_day=part, date=resolved_day)


def _inner_day(start: int, end: int, days: list[Date]) -> Date | None:
    """The day named inside the time itself: چهارشنبه in "چهارشنبه شب"."""
    inside = [day for day in days if start <= day.start and day.end <= end]
    return max(inside, key=lambda day: day.end - day.start) if inside else None


def _adjacent_day(text: str, start: int, end: int, days: list[Date]) -> Date | None:
    """A day that touches the time, only spaces, a comma or روز between: "ساعت 17 روز پنجشنبه"; not a
    year ("جام ملت‌های 2021 شب گذشته": the event's year, then last night)."""
    for day in sorted(days, key=lambda candidate: candidate.start - candidate.end):
        if day.granularity != "day":
            continue
        if day.start >= end and _JOIN_TO_DAY.fullmatch(text[end : day.start]):
            return day
        if day.end <= start and _JOIN_TO_DAY.fullmatch(text[day.end : start]):
            return day
    return None
