"""Consistency notes: each check, and the lists and partial breakdowns it must leave alone."""

import datetime

import pytest

from extractor import extract

REFERENCE = datetime.date(2018, 7, 4)


def _notes(text):
    return [(note.kind, note.message) for note in extract(text, reference_date=REFERENCE).notes]


def test_notes_parts_above_their_total():
    text = "در قم 2 هزار و 300 واحد وجود دارد که از این تعداد 2 هزار و 256 واحد کوچک، 75 واحد متوسط و 63 واحد بزرگ است."
    assert _notes(text) == [("parts_do_not_add_up", "2,256 + 75 + 63 = 2,394, not the stated total 2,300 (واحد)")]


@pytest.mark.parametrize(
    "text",
    [
        "در قم 2 هزار و 300 واحد وجود دارد که از این تعداد 2 هزار و 200 واحد کوچک و 100 واحد بزرگ است.",
        "در قم 300 واحد وجود دارد که از این تعداد 100 واحد کوچک و 50 واحد بزرگ است.",
        "تاکنون 326 نفر پزشک، 182 نفر پرستار و 199 نفر امدادگر اعزام شده‌اند.",
        "بیش از 9 هزار نفر اعزام شدند که از این تعداد 5 هزار و 200 نفر دختر و 4 هزار و 750 نفر پسر بودند.",
    ],
    ids=["adds up", "a partial breakdown", "a list, no total", "a total with بیش از"],
)
def test_notes_no_note_where_parts_may_be_right(text):
    assert _notes(text) == []


def test_notes_weekday_contradicting_its_date():
    assert _notes("جلسه روز شنبه 14 تیر 1397 برگزار شد.") == [
        ("weekday_contradicts_date", "the text says saturday, but 2018-07-05 is a thursday")
    ]
    assert _notes("جلسه روز پنجشنبه 14 تیر 1397 برگزار شد.") == []


def test_notes_same_quantity_restated_in_the_body_with_another_value():
    headline = "تعداد کارکنان شرکت ملی نفت 500 نفر است"
    body = "مدیر شرکت گفت: برنامه ادامه دارد.\nدر این گزارش تعداد کارکنان شرکت ملی نفت 450 نفر اعلام شد."
    assert _notes(f"{headline}\n{body}") == [
        ("same_quantity_different_values", "کارکنان شرکت ملی نفت: 500 and later 450 (person)")
    ]


def test_notes_two_values_within_the_body_are_two_quantities():
    text = "خبر\nگزارش\nقیمت هر کیلوگرم گوشت مرغ 15 هزار تومان بود.\nاکنون هر کیلوگرم گوشت مرغ 14 هزار تومان است."
    assert _notes(text) == []


def test_notes_point_at_their_facts():
    document = extract("جلسه روز شنبه 14 تیر 1397 برگزار شد.", reference_date=REFERENCE)
    (note,) = document.notes
    assert [document.facts[index].text for index in note.facts] == ["روز شنبه 14 تیر 1397"]
