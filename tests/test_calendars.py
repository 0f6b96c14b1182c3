import datetime

import pytest

from extractor import calendars


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [((1397, 4, 14), datetime.date(2018, 7, 5)), ((1403, 1, 1), datetime.date(2024, 3, 20)),
     ((1403, 12, 30), datetime.date(2025, 3, 20)), ((1404, 1, 1), datetime.date(2025, 3, 21))],
)
def test_calendars_known_dates(jalali, gregorian):
    assert calendars.to_gregorian(*jalali) == gregorian
    assert calendars.from_gregorian(gregorian) == jalali


def test_calendars_agree_with_jdatetime_every_day_1300_to_1500():
    jdatetime = pytest.importorskip("jdatetime")
    day = calendars.year_start(1300)
    while day < calendars.year_start(1500):
        expected = jdatetime.date.fromgregorian(date=day)
        assert calendars.from_gregorian(day) == (expected.year, expected.month, expected.day)
        assert calendars.to_gregorian(expected.year, expected.month, expected.day) == day
        day += datetime.timedelta(days=1)


@pytest.mark.parametrize(("year", "month", "day"), [(1402, 12, 30), (1400, 13, 1), (1400, 7, 31), (1400, 1, 0)])
def test_calendars_refuse_dates_that_do_not_exist(year, month, day):
    with pytest.raises(calendars.CalendarError):
        calendars.to_gregorian(year, month, day)


@pytest.mark.parametrize("year", [1, 999, 3001, 9999])
def test_calendars_reference_dates_outside_the_years_are_refused_clearly(year):
    from extractor import extract
    from extractor.errors import ReferenceDateError

    with pytest.raises(ReferenceDateError, match=f"reference date {datetime.date(year, 1, 1).isoformat()} is outside the years 1000 to 3000"):
        extract("سه روز پیش", reference_date=datetime.date(year, 1, 1))


@pytest.mark.parametrize("year", [1000, 3000])
def test_calendars_resolve_against_the_first_and_last_reference_years(year):
    """Every date finder stays inside the calendar's reach from the first and last reference years:
    a century back or forward, 2500 years back (unresolved), the year after."""
    from extractor import extract

    text = "قرن گذشته، سال آینده، دهه 60، 2500 سال پیش، 700 سال آینده، قرن 21 و 1402/05/12 آمد."
    facts = extract(text, reference_date=datetime.date(year, 6, 1)).facts
    assert [fact.kind for fact in facts if fact.kind == "date"]


def test_calendars_leave_a_season_beyond_their_reach_unresolved():
    """"تابستان 9999" raised from the calendar: a season of a year it does not reach is unresolved."""
    from extractor import extract

    (fact,) = extract("تابستان 9999 فرا می‌رسد.", reference_date=datetime.date(2016, 6, 16)).facts
    assert (fact.kind, fact.text, fact.value) == ("date", "تابستان 9999", None)
