"""Finds durations, lengths of time rather than points in it: سه روز, دو هفته, 24 ساعت, 10 ساله."""

from __future__ import annotations

import functools

import regex

from extractor import lexicons
from extractor.facts.common import Candidate, SentenceContext, high_value, plain_number, qualifier_before
from extractor.patterns import WORD_END


_HALF = 0.5


@functools.cache
def _unit_after() -> tuple[regex.Pattern[str], dict[str, str]]:
    rows = lexicons.rows("time_units")
    words = [row["word"] for row in rows]
    # "10 ساله", "سه ماهه", "دو روزه": the adjective forms name a duration too.
    alternation = lexicons.alternation([*words, *(word + "ه" for word in words)])
    units = {lexicons.canonical(row["word"]): row["unit"] for row in rows}
    units.update({lexicons.canonical(row["word"] + "ه"): row["unit"] for row in rows})
    # "یک سال و نیم", "دو ماه و نیم", "یک سال‌ونیم": and a half.
    half = rf"(?P<half>[ \u200c]+و[ \u200c]*نیم{WORD_END})"
    # "یک هفته‌نامه" is a weekly paper, "ماه‌نامه" a monthly (not "دو هفته‌ای", a two weeks' one).
    unit = rf"(?P<unit>{alternation})(?![\p{{L}}\p{{M}}]|\u200cنامه)"
    return regex.compile(rf"[ \u200c]*{unit}{half}?"), units


def find(sentence: SentenceContext) -> list[Candidate]:
    pattern, units = _unit_after()
    found = []
    for number in sentence.quantities:
        match = pattern.match(sentence.text, number.end)
        if not match or number.is_bare_one and match.group("unit") == "روز":
            continue
        qualifier, qualifier_span = qualifier_before(sentence.text, number.start)
        with_half = match.group("half") is not None and not number.is_range  # no half of "دو تا سه سال"
        value = plain_number(number.value) + (_HALF if with_half else 0)
        found.append(
            Candidate(
                "duration", number.start, match.end() if with_half else match.end("unit"), "number+time_unit", value,
                units[lexicons.canonical(match.group("unit"))], qualifier, {"value_high": high_value(number)},
                qualifier_span,
            )
        )
    return found
