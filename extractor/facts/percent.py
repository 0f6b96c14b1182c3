"""Finds percentages: a number followed by درصد, درصدی, در صد, % or ٪."""

from __future__ import annotations

import regex

from extractor.facts.common import Candidate, SentenceContext, plain_number, qualifier_before

_PERCENT_SIGN = regex.compile(r"[ \u200c]*(?:%|٪|درصدی|درصد|در صد)(?![\p{L}\p{M}])")


def find(sentence: SentenceContext) -> list[Candidate]:
    found = []
    for number in sentence.single_numbers:
        sign = _PERCENT_SIGN.match(sentence.text, number.end)
        if number.is_ordinal or not sign:
            continue
        start, qualifier = qualifier_before(sentence.text, number.start)
        found.append(
            Candidate("percent", start, sign.end(), "number+percent", plain_number(number.value), "percent", qualifier)
        )
    return found
