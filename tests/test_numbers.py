from decimal import Decimal

import pytest
from support import corpus_lines

from extractor import lexicons
from extractor.numbers import find_numbers, parse_number
from extractor.normalize import normalize


def _expected(value):
    return Decimal(str(value)) if isinstance(value, float) else value


@pytest.mark.parametrize("case", corpus_lines("numbers"))
def test_numbers_parse_corpus(case):
    parsed = parse_number(normalize(case["text"]))
    assert parsed is not None, case["text"]
    assert (parsed.value, parsed.is_ordinal) == (_expected(case["value"]), case["is_ordinal"])


@pytest.mark.parametrize("case", corpus_lines("numbers"))
def test_numbers_find_whole_expression_in_running_text(case):
    text = normalize(f"گزارش {case['text']} واحد")
    matches = find_numbers(text)
    assert [match.text for match in matches] == [normalize(case["text"])]


@pytest.mark.parametrize("case", corpus_lines("numbers_negative"))
def test_numbers_negative_corpus_finds_nothing(case):
    assert find_numbers(case["text"]) == []
    assert parse_number(case["text"]) is None


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
    assert parse_number(row["word"]).is_ordinal


@pytest.mark.parametrize(
    "text",
    ["20 و 5", "پنج و بیست", "دو هزار و سه هزار", "1402/05/12", "2 3"],
)
def test_numbers_refuse_sums_that_break_place_value(text):
    assert parse_number(text) is None


def test_numbers_never_found_inside_words():
    assert find_numbers("درصد پنجشنبه رسید دهد هفتگی سیجانی") == []
