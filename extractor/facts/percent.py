"""Finds percentages: a number (or range) followed by درصد, درصدی, در صد, % or ٪; and percentage points,
written واحد درصد ("نرخ بیکاری 2 واحد درصد کاهش یافت")."""

from __future__ import annotations

import regex

from extractor.facts.candidates import Percent
from extractor.facts.common import (
    SentenceContext,
    high_value,
    joined_ranges,
    plain_number,
    qualifier_before,
    start_with_word_before,
    with_dash_ranges,
)
from extractor.numbers import NumberMatch
from extractor.facts.rules import Registry, Rule
from extractor.patterns import GAP, OPTIONAL_GAP, WORD_END

_TO = regex.compile(rf"{GAP}به{GAP}")


def _percent_sign() -> str:
    """A percent sign right after the number (matched there): the number's own, or, for a shared sign,
    the next number's."""
    return rf"{OPTIONAL_GAP}(?:(?P<points>واحد{GAP}درصدی?)|%|٪|درصدی|درصد|در صد){WORD_END}"


_NUMBER_AND_PERCENT = Rule("number+percent", _percent_sign)
_NUMBER_AND_POINTS = Rule("number+percentage_point", _percent_sign)
_NUMBER_AND_SHARED_PERCENT = Rule("number+shared_percent", _percent_sign)  # "از 17.4 به 29.5 درصد": 17.4 too
_NUMBER_AND_SHARED_POINTS = Rule("number+shared_percentage_point", _percent_sign)
RULES = Registry((_NUMBER_AND_PERCENT, _NUMBER_AND_POINTS, _NUMBER_AND_SHARED_PERCENT, _NUMBER_AND_SHARED_POINTS))
_BY_SIGN = {  # (shared, percentage points) -> rule
    (False, False): _NUMBER_AND_PERCENT, (False, True): _NUMBER_AND_POINTS,
    (True, False): _NUMBER_AND_SHARED_PERCENT, (True, True): _NUMBER_AND_SHARED_POINTS,
}


def find(sentence: SentenceContext) -> list[Percent]:
    found = []
    numbers = with_dash_ranges(sentence.text, sentence.quantities)
    for number, following in zip(numbers, [*numbers[1:], None]):
        sign = _NUMBER_AND_PERCENT.compiled.match(sentence.text, number.end) or _shared_sign(sentence.text, number, following)
        if not sign:
            continue
        qualifier, qualifier_span = qualifier_before(sentence.text, number.start)
        points = sign.group("points") is not None
        shared = sign.start() > number.end  # the sign of the number after "به"
        found.append(
            Percent(
                number.start, number.end if shared else sign.end(), _BY_SIGN[shared, points],
                plain_number(number.value), "percentage_point" if points else "percent", qualifier, qualifier_span,
                value_high=high_value(number),
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
    return _NUMBER_AND_SHARED_PERCENT.compiled.match(text, following.end)
