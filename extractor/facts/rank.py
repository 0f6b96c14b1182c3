"""Finds ranks: a rank word (lexicons/rank_words.tsv: رتبه, مقام, ...) followed by an ordinal or a number
(رتبه چهاردهم = 14), the ezafe written out or not (رتبه ی سی و هفتم, رتبه‌ی پنجاه و سومین)."""

from __future__ import annotations

from extractor import lexicons
from extractor.facts.candidates import Rank
from extractor.facts.common import SentenceContext
from extractor.facts.rules import Registry, Rule
from extractor.patterns import right_before

_LOOK_BACK = 14  # how far before the number the rank word is looked for
_EZAFE = "(?:[ \u200c]ی)?"  # "رتبه ی", "رتبه‌ی" (not مکانی, a surname)


def _rank_word_before() -> str:
    """A rank word, with its ezafe when written, right before the number (searched for there)."""
    return right_before(lexicons.alternation(lexicons.column("rank_words", "word")) + _EZAFE)


_RANK_WORD_AND_ORDINAL = Rule("rank_word+ordinal", _rank_word_before)
_RANK_WORD_AND_NUMBER = Rule("rank_word+number", _rank_word_before)
RULES = Registry((_RANK_WORD_AND_ORDINAL, _RANK_WORD_AND_NUMBER))


def find(sentence: SentenceContext) -> list[Rank]:
    found = []
    for number in sentence.single_numbers:
        rule = _RANK_WORD_AND_ORDINAL if number.is_ordinal else _RANK_WORD_AND_NUMBER
        rank_word = rule.compiled.search(sentence.text, max(0, number.start - _LOOK_BACK), number.start)
        if not rank_word or number.value != int(number.value) or number.value < 1:
            continue
        found.append(Rank(rank_word.start(), number.end, rule, int(number.value)))
    return found
