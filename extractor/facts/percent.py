"""Finds percentages: a number (or range) followed by درصد, درصدی, در صد, % or ٪."""

from __future__ import annotations

import regex

from extractor.facts.common import Candidate, SentenceContext, high_value, plain_number, qualifier_before

_PERCENT_SIGN = regex.compile(r"[ \u200c]*(?:%|٪|درصدی|درصد|در صد)(?![\p{L}\p{M}])")


def find(sentence: SentenceContext) -> list[Candidate]:
    found = []
    for number in sentence.quantities:
        sign = _PERCENT_SIGN.match(sentence.text, number.end)
        if not sign:
            continue
        qualifier, qualifier_span = qualifier_before(sentence.text, number.start)
        details = {"value_high": high_value(number)}
        found.append(
            Candidate(
                "percent", number.start, sign.end(), "number+percent", plain_number(number.value), "percent",
                qualifier, details, qualifier_span,
            )
        )
    return found
