"""The input policies (docs/input.md): what the library does with unusual but real text, and with
arguments of the wrong type; each family of the reliability campaign, and the fuzzers' crashers."""

from __future__ import annotations

import datetime
import json

import pytest
from support import CORPUS, assert_span_invariants

from extractor import extract, find_numbers, parse_number
from extractor.errors import ReferenceDateError
from extractor.numbers.tokens import LONGEST_WHOLE_PART, MOST_DECIMAL_DIGITS

SAMPLE = (CORPUS / "documents" / "qom_industry_irna.txt").read_text(encoding="utf-8")


def _facts(text: str, **options) -> list[tuple]:
    return [(fact.kind, fact.text, fact.value) for fact in extract(text, **options).facts]


@pytest.mark.parametrize(
    "line_break", ["\r", "\r\n", "\u2028", "\u2029", "\x0c", "\x0b", "\x85", "\x1c"], ids=repr
)
def test_input_policy_every_line_break_gives_the_paragraphs_and_facts_of_lf(line_break):
    expected = extract(SAMPLE, reference_date=datetime.date(2018, 7, 4))
    raw = SAMPLE.replace("\n", line_break)
    document = extract(raw, reference_date=datetime.date(2018, 7, 4))
    assert document.text == expected.text
    assert [fact.model_dump(exclude={"raw_span"}) for fact in document.facts] == [
        fact.model_dump(exclude={"raw_span"}) for fact in expected.facts
    ]
    assert len(document.duplicates) == len(expected.duplicates)
    assert_span_invariants(document, raw)


@pytest.mark.parametrize("control", ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\x9f"], ids=repr)
def test_input_policy_a_control_character_is_a_space(control):
    raw = f"قیمت 30{control}میلیارد تومان است"
    document = extract(raw)
    assert [(fact.text, fact.value) for fact in document.facts] == [("30 میلیارد تومان", 30_000_000_000)]
    assert_span_invariants(document, raw)


def test_input_policy_lone_surrogates_become_replacement_characters_one_for_one():
    raw = json.loads('"\\ud800 قیمت 30 درصد \\udfff"')
    document = extract(raw, document_id=json.loads('"id-\\udc80"'))
    assert document.text == "\ufffd قیمت 30 درصد \ufffd"
    assert document.id == "id-\ufffd"
    assert document.facts[0].raw_span.start == raw.index("30")
    assert_span_invariants(document, raw)
    json.loads(document.model_dump_json().encode("utf-8"))


@pytest.mark.parametrize(
    "text",
    ["1" * 4400, "5 و " + "1" * 4400 + " و 6", "1." + "0" * 400 + "1", "9" * 31 + " تومان", "²", "3² متر", "\U00011f50 درصد"],
    ids=["4400 digits", "4400 digits inside", "400 decimal zeros", "31 digits", "superscript", "superscript after", "Kawi digit"],
)
def test_input_policy_numbers_past_the_limits_are_no_numbers_and_never_raise(text):
    assert all(match.value is None or abs(match.value) < 10**LONGEST_WHOLE_PART for match in find_numbers(text))
    parse_number(text)
    assert_span_invariants(extract(text), text)


def test_input_policy_number_limits():
    assert parse_number("9" * LONGEST_WHOLE_PART).value == int("9" * LONGEST_WHOLE_PART)
    assert parse_number("9" * (LONGEST_WHOLE_PART + 1)) is None
    assert parse_number("0" * 40 + "7").value == 7  # leading zeros are no digits of the value
    assert str(parse_number("1." + "2" * (MOST_DECIMAL_DIGITS - 1)).value) == "1." + "2" * (MOST_DECIMAL_DIGITS - 1)
    assert parse_number("1." + "2" * MOST_DECIMAL_DIGITS) is None
    assert _facts("999999999999999999 بیلیارد تومان") == []  # a scale word past 30 digits (10**33)
    assert _facts("چند هزار " + "هزار " * 12 + "تومان") == []


@pytest.mark.parametrize("text", ["رشد 30 percent بود", "5 million نفر آمدند", "It grew 30 percent to 5 million dollars."])
def test_input_policy_english_quantities_are_left_alone(text):
    assert [fact for fact in extract(text).facts if fact.kind == "count"] == []


def test_input_policy_persian_after_english_still_counted():
    assert _facts("در نسخه iOS 12 واحد تولید شد") == [("count", "12 واحد", 12)]


@pytest.mark.parametrize(
    "reference_date",
    [
        datetime.date(2018, 7, 4),
        datetime.datetime(2018, 7, 4, 23, 30),
        "2018-07-04",
        "2018-07-04T10:00:00",
    ],
    ids=["date", "datetime", "ISO date", "ISO date and time"],
)
def test_input_policy_reference_date_types(reference_date):
    document = extract("روز پنجشنبه 14 تیرماه جاری", reference_date=reference_date)
    assert document.reference_date == datetime.date(2018, 7, 4)
    assert document.facts[0].value == "2018-07-05"


def test_input_policy_reference_date_as_a_jdatetime_date():
    jdatetime = pytest.importorskip("jdatetime")
    document = extract("روز پنجشنبه", reference_date=jdatetime.date(1397, 4, 13))
    assert document.reference_date == datetime.date(2018, 7, 4)


@pytest.mark.parametrize("reference_date", [5, 2018.5, b"2018-07-04", [2018, 7, 4]], ids=repr)
def test_input_policy_reference_date_of_another_type_is_a_type_error(reference_date):
    with pytest.raises(TypeError, match="reference_date must be datetime.date, datetime.datetime, an ISO 8601 string"):
        extract("روز پنجشنبه", reference_date=reference_date)


def test_input_policy_reference_date_strings_and_years_that_are_no_reference_date():
    with pytest.raises(ValueError, match="reference_date 'fardā' is not an ISO 8601 date"):
        extract("روز پنجشنبه", reference_date="fardā")
    with pytest.raises(ReferenceDateError, match="outside the years"):
        extract("روز پنجشنبه", reference_date="0999-12-31")


@pytest.mark.parametrize("function", [extract, parse_number, find_numbers], ids=lambda function: function.__name__)
def test_input_policy_text_of_another_type_is_a_type_error(function):
    with pytest.raises(TypeError, match=r"text must be a str, not bytes: decode it first"):
        function(b"12")
    with pytest.raises(TypeError, match=r"text must be a str, not NoneType"):
        function(None)


# Inputs the fuzzers (bench/fuzz.py) found, each once a crash or a broken invariant, reduced by hand.
FUZZ_FINDINGS = {
    "number word joined to a unit with ZWNJ inside it": ("شری\u200cن\u200cهروز ن\u200cهروز", None),
    "months of a year beyond the calendar": ("این طرح در شش ماهه پایانی سال 3713 اجرا شد", "2018-07-04"),
    "half of a year beyond the calendar": ("نیمه دوم سال 8000 کاهش یافت.", None),
    "a number read into a ligature's expansion": ("فروش 6﷽ شد و ۱۰۰ ﷼", None),
}


@pytest.mark.parametrize("text, reference_date", FUZZ_FINDINGS.values(), ids=FUZZ_FINDINGS.keys())
def test_input_policy_fuzz_findings(text, reference_date):
    assert_span_invariants(extract(text, reference_date=reference_date), text)
