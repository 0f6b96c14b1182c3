"""Finds percentages: a number (or range) followed by درصد, درصدی, در صد, % or ٪; and percentage points,
written واحد درصد ("نرخ بیکاری 2 واحد درصد کاهش یافت")."""

from __future__ import annotations

import regex

from extractor.facts.common import (
    Candidate,
    SentenceContext,
    high_value,
    joined_ranges,
    plain_number,
    qualifier_before,
    start_with_word_before,
    with_dash_ranges,
)
from extractor.numbers import NumberMatch
from extractor.patterns import WORD_END

_PERCENT_SIGN = regex.compile(rf"[ \u200c]*(?:(?P<points>واحد[ \u200c]+درصدی?)|%|٪|درصدی|درصد|در صد){WORD_END}")
_TO = regex.compile(r"[ \u200c]+به[ \u200c]+")


def find(sentence: SentenceContext) -> list[Candidate]:
    found = []
    numbers = with_dash_ranges(sentence.text, sentence.quantities)
    for number, following in zip(numbers, [*numbers[1:], None]):
        sign = _PERCENT_SIGN.match(sentence.text, number.end) or _shared_sign(sentence.text, number, following)
        if not sign:
            continue
        qualifier, qualifier_span = qualifier_before(sentence.text, number.start)
        details = {"value_high": high_value(number)}
        unit = "percentage_point" if sign.group("points") else "percent"
        shared = sign.start() > number.end  # the sign of the number after "به"
        found.append(
            Candidate(
                "percent", number.start, number.end if shared else sign.end(),
                f"number+shared_{unit}" if shared else f"number+{unit}", plain_number(number.value), unit,
                qualifier, details, qualifier_span,
            )
        )
    return joined_ranges(sentence.text, found, lambda candidate: {"value_high": candidate.value})


def _shared_sign(text: str, number: NumberMatch, following: NumberMatch | None) -> regex.Match[str] | None:
    """"از 17.4 به 29.5 درصد": the first number of a change is a percentage too, by the second's sign."""
    if following is None or start_with_word_before(text, number.start, "از", look_back=5) == number.start:
        return None
    to = _TO.match(text, number.end)
    if to is None or to.end() != following.start:
        return None
    return _PERCENT_SIGN.match(text, following.end)
