"""Finds amounts of money: a number followed by a currency word or its adjective (تومانی, ریالی)."""

from __future__ import annotations

import functools

from extractor import lexicons
from extractor.facts.common import Candidate, SentenceContext, plain_number, qualifier_before, word_after

_ADJECTIVE_SUFFIX = "ی"


@functools.cache
def _currencies() -> dict[str, tuple[str, int | None, str]]:
    """Currency word (and its adjective) -> (unit, rials per unit, rule name)."""
    currencies = {}
    for row in lexicons.rows("currencies"):
        rials = int(row["rial_per_unit"]) if row["rial_per_unit"] else None
        currencies[lexicons.canonical(row["word"])] = (row["unit"], rials, "number+currency")
        currencies[lexicons.canonical(row["word"] + _ADJECTIVE_SUFFIX)] = (row["unit"], rials, "number+currency_adjective")
    return currencies


def find(sentence: SentenceContext) -> list[Candidate]:
    found = []
    for number in sentence.single_numbers:
        word = word_after(sentence.text, number.end)
        if number.is_ordinal or word is None or word.key not in _currencies():
            continue
        unit, rials_per_unit, rule = _currencies()[word.key]
        start, qualifier = qualifier_before(sentence.text, number.start)
        value = plain_number(number.value)
        value_irr = plain_number(number.value * rials_per_unit) if rials_per_unit else None
        found.append(
            Candidate("money", start, word.end, rule, value, unit, qualifier, {"value_irr": value_irr})
        )
    return found
