"""Finds percentages: a number (or range) followed by درصد, درصدی, در صد, % or ٪; and percentage points,
written واحد درصد ("نرخ بیکاری 2 واحد درصد کاهش یافت")."""

from __future__ import annotations

import regex

from extractor.facts.common import Candidate, SentenceContext, high_value, plain_number, qualifier_before, with_dash_ranges

_PERCENT_SIGN = regex.compile(r"[ \u200c]*(?:(?P<points>واحد[ \u200c]+درصدی?)|%|٪|درصدی|درصد|در صد)(?![\p{L}\p{M}])")


def find(sentence: SentenceContext) -> list[Candidate]:
    found = []
    for number in with_dash_ranges(sentence.text, sentence.quantities):
        sign = _PERCENT_SIGN.match(sentence.text, number.end)
        if not sign:
            continue
        qualifier, qualifier_span = qualifier_before(sentence.text, number.start)
        details = {"value_high": high_value(number)}
        unit = "percentage_point" if sign.group("points") else "percent"
        found.append(
            Candidate(
                "percent", number.start, sign.end(), f"number+{unit}", plain_number(number.value), unit,
                qualifier, details, qualifier_span,
            )
        )
    return found
