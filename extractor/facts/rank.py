"""Finds ranks: رتبه, مقام, جایگاه or رده followed by an ordinal or a number (رتبه چهاردهم = 14)."""

from __future__ import annotations

import regex

from extractor.facts.common import Candidate, SentenceContext
from extractor.patterns import WORD_START

_RANK_WORD = regex.compile(rf"{WORD_START}(?:رتبه|مقام|جایگاه|رده)[ \u200c]+\Z")


def find(sentence: SentenceContext) -> list[Candidate]:
    found = []
    for number in sentence.single_numbers:
        rank_word = _RANK_WORD.search(sentence.text, max(0, number.start - 12), number.start)
        if not rank_word or number.value != int(number.value) or number.value < 1:
            continue
        rule = "rank_word+ordinal" if number.is_ordinal else "rank_word+number"
        found.append(Candidate("rank", rank_word.start(), number.end, rule, int(number.value)))
    return found
