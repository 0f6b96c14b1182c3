"""Owns what a price is for: the unit in "هر کیلو گوشت ۴۵۰ هزار تومان", "بشکه‌ای 40 دلار", "کیلویی 20 هزار
تومان" (the amount stays the money fact; the unit it is per becomes its `per`)."""

from __future__ import annotations

import functools

import regex

from extractor import lexicons
from extractor.patterns import GAP, right_before

_LOOK_BACK = 60  # characters before an amount searched for its unit: هر, the unit and a few words


@functools.cache
def _pattern() -> regex.Pattern[str]:
    units = lexicons.alternation(lexicons.column("price_units", "word"))
    adjectives = lexicons.alternation([row["word"] for row in lexicons.rows("price_units") if row["adjective"] == "yes"])
    # "هر کیلو گوشت گوسفندی 450 هزار تومان", "هر متر مربع آپارتمان در تهران به 10 میلیون تومان": up to five
    # words (what is sold, where) between the unit and the amount.
    each = rf"هر{GAP}(?P<unit>{units})(?:{GAP}[\p{{L}}\p{{M}}][\p{{L}}\p{{M}}\u200c]*){{0,5}}"
    adjective = rf"(?P<unit>{adjectives})[ \u200c]?(?:ای|یی|ی)"
    return regex.compile(right_before(f"(?:{each}|{adjective})"))


@functools.cache
def _units() -> dict[str, str]:
    return {lexicons.canonical(word): word for word in lexicons.column("price_units", "word")}


def per_unit(text: str, start: int) -> str | None:
    """The unit a price that starts at `start` is per, as the lexicon writes it, or None."""
    match = _pattern().search(text, max(0, start - _LOOK_BACK), start)
    return _units()[lexicons.canonical(match.group("unit"))] if match else None
