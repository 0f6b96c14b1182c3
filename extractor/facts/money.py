"""Finds amounts of money: a number (or range) and a currency word, its adjective (تومانی) or symbol,
and compound amounts with a subunit (چهار دلار و 25 سنت)."""

from __future__ import annotations

import functools

import regex

from extractor import lexicons
from extractor.facts.common import (
    Candidate,
    SentenceContext,
    high_value,
    plain_number,
    qualifier_before,
)

_ADJECTIVE_SUFFIX = "ی"
_GAP = "[ \u200c]*"


@functools.cache
def _currencies() -> dict[str, tuple[str, int | None]]:
    """Currency word (canonical) -> (unit, rials per unit)."""
    currencies = {}
    for row in lexicons.rows("currencies"):
        rials = int(row["rial_per_unit"]) if row["rial_per_unit"] else None
        currencies[lexicons.canonical(row["word"])] = (row["unit"], rials)
    return currencies


@functools.cache
def _currency_after() -> regex.Pattern[str]:
    """A currency word (or its adjective, تومانی) right after a number."""
    words = lexicons.column("currencies", "word")
    alternation = lexicons.alternation([*words, *(word + _ADJECTIVE_SUFFIX for word in words if word[0].isalpha())])
    return regex.compile(rf"{_GAP}(?P<currency>{alternation})(?![\p{{L}}\p{{M}}])")


@functools.cache
def _subunits() -> dict[str, tuple[str, int]]:
    return {row["currency"]: (row["subunit"], int(row["per_currency"])) for row in lexicons.rows("currency_subunits")}


def _currency(word: str) -> tuple[str, int | None, str]:
    """(unit, rials per unit, rule) of a matched currency word or adjective."""
    key = lexicons.canonical(word)
    if key in _currencies():
        return (*_currencies()[key], "number+currency")
    return (*_currencies()[key[: -len(_ADJECTIVE_SUFFIX)]], "number+currency_adjective")


def find(sentence: SentenceContext) -> list[Candidate]:
    found = []
    numbers = sentence.quantities
    for index, number in enumerate(numbers):
        currency = _currency_after().match(sentence.text, number.end)
        if not currency:
            continue
        unit, rials_per_unit, rule = _currency(currency.group("currency"))
        value, end = plain_number(number.value), currency.end()
        compound = _subunit_part(sentence, numbers[index + 1 :], unit, end) if not number.is_range else None
        if compound:
            value, end, rule = compound[0] + value, compound[1], "number+currency+subunit"
        qualifier, qualifier_span = qualifier_before(sentence.text, number.start)
        high = high_value(number)
        details = {
            "value_high": high,
            "value_irr": plain_number(number.value * rials_per_unit) if rials_per_unit else None,
            "value_irr_high": plain_number(number.high * rials_per_unit) if rials_per_unit and high else None,
        }
        found.append(Candidate("money", number.start, end, rule, value, unit, qualifier, details, qualifier_span))
    return found


def _subunit_part(sentence: SentenceContext, following: list, unit: str, end: int) -> tuple[float, int] | None:
    """("و 25 سنت" after "چهار دلار") -> (0.25, end of سنت)."""
    if unit not in _subunits() or not following:
        return None
    subunit, per_currency = _subunits()[unit]
    number = following[0]
    joiner = regex.compile(rf"{_GAP}و{_GAP}").match(sentence.text, end)
    if not joiner or joiner.end() != number.start or number.is_range:
        return None
    word = regex.compile(rf"{_GAP}{regex.escape(subunit)}(?![\p{{L}}\p{{M}}])").match(sentence.text, number.end)
    if not word:
        return None
    return float(number.value) / per_currency, word.end()
