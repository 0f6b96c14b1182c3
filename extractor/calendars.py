"""Owns calendar arithmetic: Jalali (Solar Hijri) dates to and from Gregorian dates, and the Gregorian
days of a day, month or year named in either calendar.

The leap-year rule is the astronomical table of Borkowski's algorithm (as used by jalaali-js),
exact for Jalali years 1 to 3177; month lengths are 31 x 6, 30 x 5, then 29 or 30.
"""

from __future__ import annotations

import datetime
import functools

_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178)


class CalendarError(ValueError):
    """A date that does not exist in its calendar (month 13, Esfand 30 in a common year, ...)."""


def _div(a: int, b: int) -> int:
    """Integer division truncating toward zero, as the reference algorithm is written."""
    return int(a / b)


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


@functools.cache
def _year_facts(jalali_year: int) -> tuple[int, int]:
    """(leap index, March day on which the Jalali year begins); leap index 0 means a leap year."""
    if not _BREAKS[0] < jalali_year < _BREAKS[-1]:
        raise CalendarError(f"Jalali year {jalali_year} is outside the supported range")
    gregorian_year = jalali_year + 621
    leap_jalali = -14
    previous_break = _BREAKS[0]
    jump = 0
    for current_break in _BREAKS[1:]:
        jump = current_break - previous_break
        if jalali_year < current_break:
            break
        leap_jalali += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        previous_break = current_break
    years_since_break = jalali_year - previous_break
    leap_jalali += _div(years_since_break, 33) * 8 + _div(_mod(years_since_break, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - years_since_break == 4:
        leap_jalali += 1
    leap_gregorian = _div(gregorian_year, 4) - _div((_div(gregorian_year, 100) + 1) * 3, 4) - 150
    march_day = 20 + leap_jalali - leap_gregorian
    if jump - years_since_break < 6:
        years_since_break = years_since_break - jump + _div(jump + 4, 33) * 33
    leap = _mod(_mod(years_since_break + 1, 33) - 1, 4)
    return (4 if leap == -1 else leap), march_day


def is_leap_year(jalali_year: int) -> bool:
    return _year_facts(jalali_year)[0] == 0


def month_length(jalali_year: int, month: int) -> int:
    if not 1 <= month <= 12:
        raise CalendarError(f"Jalali month {month} does not exist")
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_leap_year(jalali_year) else 29


def year_start(jalali_year: int) -> datetime.date:
    """The Gregorian date of Nowruz, the first day of `jalali_year`."""
    return datetime.date(jalali_year + 621, 3, _year_facts(jalali_year)[1])


def to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of Jalali year/month/day.

    >>> to_gregorian(1397, 4, 14)
    datetime.date(2018, 7, 5)
    """
    if not 1 <= day <= month_length(year, month):
        raise CalendarError(f"Jalali date {year}/{month}/{day} does not exist")
    days_before_month = (month - 1) * 31 - max(0, month - 7)
    return year_start(year) + datetime.timedelta(days=days_before_month + day - 1)


# Reference dates khabar resolves against: centuries inside the calendar's reach on both sides, so that
# "قرن گذشته" or "سال آینده" stay inside it too.
REFERENCE_YEARS = range(1000, 3001)


def reference_date_problem(date: datetime.date) -> str | None:
    """Why `date` cannot be a reference date, or None when it can."""
    if date.year not in REFERENCE_YEARS:
        return f"reference date {date.isoformat()} is outside the years {REFERENCE_YEARS.start} to {REFERENCE_YEARS.stop - 1}"
    return None


def reaches(date: datetime.date) -> bool:
    """Whether the Jalali calendar here reaches `date` (Gregorian years 562 to 3797)."""
    return _BREAKS[0] < date.year - 622 and date.year - 620 < _BREAKS[-1]


def from_gregorian(date: datetime.date) -> tuple[int, int, int]:
    """The Jalali (year, month, day) of a Gregorian date.

    >>> from_gregorian(datetime.date(2018, 7, 4))
    (1397, 4, 13)
    """
    year = date.year - 621
    if date < year_start(year):
        year -= 1
    day_of_year = (date - year_start(year)).days
    if day_of_year < 6 * 31:
        return year, day_of_year // 31 + 1, day_of_year % 31 + 1
    day_of_year -= 6 * 31
    return year, day_of_year // 30 + 7, day_of_year % 30 + 1


def year_end(jalali_year: int) -> datetime.date:
    return year_start(jalali_year + 1) - datetime.timedelta(days=1)


_GREGORIAN = "gregorian"


def date_in(calendar: str, year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of year/month/day in `calendar` ("jalali" or "gregorian")."""
    if calendar == _GREGORIAN:
        return datetime.date(year, month, day)
    return to_gregorian(year, month, day)


def month_span(calendar: str, year: int, month: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a month of `calendar`, as Gregorian dates."""
    if calendar == _GREGORIAN:
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return datetime.date(year, month, 1), following - datetime.timedelta(days=1)
    return to_gregorian(year, month, 1), to_gregorian(year, month, month_length(year, month))


def year_span(calendar: str, year: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a year of `calendar`, as Gregorian dates."""
    if calendar == _GREGORIAN:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return year_start(year), year_end(year)


SATURDAY = 5  # Python's weekday number of the first day of the Iranian week
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # by date.weekday()


def week_start(date: datetime.date, weeks: int = 0) -> datetime.date:
    """The Saturday that begins the Iranian week (Saturday to Friday) holding `date`, moved by `weeks`."""
    return date - datetime.timedelta(days=(date.weekday() - SATURDAY) % 7) + datetime.timedelta(weeks=weeks)


_MEHR = 7  # the school, farming and water years begin on 1 Mehr


def school_year_span(jalali_year: int) -> tuple[datetime.date, datetime.date]:
    """The school year (also the farming and water year) that begins in `jalali_year`: 1 Mehr to the
    last day of Shahrivar of the next year, as Gregorian dates."""
    return to_gregorian(jalali_year, _MEHR, 1), to_gregorian(jalali_year + 1, _MEHR, 1) - datetime.timedelta(days=1)


def school_year_of(date: datetime.date) -> int:
    """The Jalali year in which the school year holding `date` began."""
    year, month, _ = from_gregorian(date)
    return year if month >= _MEHR else year - 1
