"""Finds durations, lengths of time rather than points in it: سه روز, دو هفته, 24 ساعت, 10 ساله."""

from __future__ import annotations

import functools

from extractor import lexicons
from extractor.facts.candidates import Duration
from extractor.facts.common import SentenceContext, high_value, plain_number, qualifier_before
from extractor.facts.rules import Registry, Rule
from extractor.patterns import GAP, OPTIONAL_GAP, WORD_END


_HALF = 0.5


def _unit_after() -> str:
    """A unit of time right after the number (matched there)."""
    words = lexicons.column("time_units", "word")
    # "10 ساله", "سه ماهه", "دو روزه": the adjective forms name a duration too.
    alternation = lexicons.alternation([*words, *(word + "ه" for word in words)])
    # "یک سال و نیم", "دو ماه و نیم", "یک سال‌ونیم": and a half.
    half = rf"(?P<half>{GAP}و{OPTIONAL_GAP}نیم{WORD_END})"
    # "یک هفته‌نامه" is a weekly paper, "ماه‌نامه" a monthly (not "دو هفته‌ای", a two weeks' one).
    unit = rf"(?P<unit>{alternation})(?![\p{{L}}\p{{M}}]|\u200cنامه)"
    return rf"{OPTIONAL_GAP}{unit}{half}?"


_NUMBER_AND_TIME_UNIT = Rule("number+time_unit", _unit_after)
RULES = Registry((_NUMBER_AND_TIME_UNIT,))


@functools.cache
def _units() -> dict[str, str]:
    """Each unit word and its adjective (سال, ساله), canonical -> the unit."""
    rows = lexicons.rows("time_units")
    units = {lexicons.canonical(row["word"]): row["unit"] for row in rows}
    units.update({lexicons.canonical(row["word"] + "ه"): row["unit"] for row in rows})
    return units


def find(sentence: SentenceContext) -> list[Duration]:
    pattern, units = _NUMBER_AND_TIME_UNIT.compiled, _units()
    found = []
    for number in sentence.quantities:
        match = pattern.match(sentence.text, number.end)
        if not match or number.is_bare_one and match.group("unit") == "روز":
            continue
        qualifier, qualifier_span = qualifier_before(sentence.text, number.start)
        with_half = match.group("half") is not None and not number.is_range  # no half of "دو تا سه سال"
        value = plain_number(number.value) + (_HALF if with_half else 0)
        found.append(
            Duration(
                number.start, match.end() if with_half else match.end("unit"), _NUMBER_AND_TIME_UNIT, value,
                units[lexicons.canonical(match.group("unit"))], qualifier, qualifier_span, value_high=high_value(number),
            )
        )
    return found
