from decimal import Decimal

import pytest
from support import corpus_lines

from extractor import lexicons
from extractor.numbers import find_numbers, parse_number, whole_number


def _expected(value):
    """Corpus values: ints, decimals written as JSON numbers, and "1/3" for fractions that never end."""
    if isinstance(value, str):
        numerator, denominator = value.split("/")
        return Decimal(numerator) / Decimal(denominator)
    return Decimal(str(value)) if isinstance(value, float) else value


@pytest.mark.parametrize("case", corpus_lines("numbers"))
def test_numbers_parse_corpus(case):
    parsed = parse_number(case["text"])
    assert parsed is not None, case["text"]
    assert parsed.value == _expected(case["value"])
    assert parsed.is_ordinal == case["is_ordinal"]
    assert parsed.high == _expected(case.get("high"))
    assert parsed.vague_magnitude == case.get("vague_magnitude")


@pytest.mark.parametrize("case", corpus_lines("numbers"))
def test_numbers_find_whole_expression_in_running_text(case):
    if case.get("found_alone_in_text") is False:
        assert find_numbers(f"گزارش {case['text']} واحد") == []
        return
    text = f"گزارش {case['text']} واحد"
    assert [match.text for match in find_numbers(text)] == [case["text"]]


@pytest.mark.parametrize("case", corpus_lines("numbers_negative"))
def test_numbers_negative_corpus_finds_nothing(case):
    assert find_numbers(case["text"]) == []


@pytest.mark.parametrize("case", corpus_lines("numbers_in_text"))
def test_numbers_in_running_text(case):
    found = [(match.text, match.value) for match in find_numbers(case["text"])]
    assert found == [(text, _expected(value)) for text, value in case["numbers"]]


@pytest.mark.parametrize("row", lexicons.rows("number_words"), ids=lambda row: row["word"])
def test_numbers_every_number_word(row):
    assert parse_number(row["word"]).value == int(row["value"])


@pytest.mark.parametrize("row", lexicons.rows("scales"), ids=lambda row: row["word"])
def test_numbers_every_scale_word_and_boundary(row):
    scale = 10 ** int(row["power_of_ten"])
    assert parse_number(row["word"]).value == scale
    assert parse_number(f"دو {row['word']}").value == 2 * scale
    assert parse_number(f"999 {row['word']} و 999").value == 999 * scale + 999


@pytest.mark.parametrize("row", lexicons.rows("ordinals_irregular"), ids=lambda row: row["word"])
def test_numbers_every_irregular_ordinal(row):
    value = int(row["value"])
    if row["alone"] == "no":
        assert parse_number(row["word"]) is None
        parsed = parse_number(f"صد و {row['word']}")
        assert (parsed.value, parsed.is_ordinal) == (100 + value, True)
        return
    parsed = parse_number(row["word"])
    assert (parsed.value, parsed.is_ordinal) == (value, True)


@pytest.mark.parametrize("row", lexicons.rows("fractions"), ids=lambda row: row["word"])
def test_numbers_every_fraction_word(row):
    assert parse_number(row["word"]).value == Decimal(row["numerator"]) / Decimal(row["denominator"])


@pytest.mark.parametrize(
    "text",
    ["20 و 5", "پنج و بیست", "دو هزار و سه هزار", "1402/05/12", "2 3", "میلیون میلیون", "22:30", "7405/ 1175"],
)
def test_numbers_refuse_what_is_not_one_number(text):
    assert parse_number(text) is None


def test_numbers_values_are_int_when_whole():
    assert isinstance(parse_number("۳.۵ میلیارد").value, int)
    assert isinstance(parse_number("12.5").value, Decimal)


def test_whole_number_refuses_vague_fractional_and_asked_ordinal_numbers():
    assert whole_number("بیست و پنجم") == 25
    assert whole_number("14") == 14
    assert whole_number("صدها") is None
    assert whole_number("دو و نیم") is None
    assert whole_number("دوم", cardinal_only=True) is None
    assert whole_number("درصد") is None
