"""Owns the Persian number grammar: finds number expressions in text and computes their exact values.

>>> [(match.text, match.value) for match in find_numbers("2 هزار و 300 واحد و بیش از 90 درصد")]
[('2 هزار و 300', 2300), ('90', 90)]
>>> find_numbers("روز پنجشنبه درصد")
[]
>>> parse_number("یک میلیون و دویست هزار").value
1200000
>>> parse_number("۲ تا ۳ هزار").value, parse_number("۲ تا ۳ هزار").high
(2000, 3000)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import regex

from extractor import arguments, lexicons
from extractor.numbers.grammar import Expression, expressions
from extractor.numbers.tokens import DIGITS_PATTERN, Tokens, digits_value, tokenize
from extractor.numbers.vocabulary import (
    FRACTION,
    ORDINAL,
    SCALE,
    UNIT,
    VAGUE,
    fold_arabic_letters,
    joined_to_a_unit,
    starting_words,
    vocabulary,
)

_WHOLE_WORD_KINDS = frozenset({UNIT, SCALE, ORDINAL, FRACTION})

# A text that is one signed run of digits needs no grammar: the common case, read at once.
_SIGNED_DIGITS = regex.compile(rf"\s*(?P<minus>[-−])?(?P<digits>{DIGITS_PATTERN})\s*")

# In running text, words that are numbers only inside a longer expression: "نه" alone is mostly "no, not".
_NOT_A_NUMBER_ALONE = frozenset({"نه"})
_TEN = "ده"
_WORD_BEFORE_TEN = regex.compile(r"(?r)(?<![\p{L}\p{M}\u200c])([\p{L}\p{M}]+) \Z")
_LONGEST_DEH_COMPOUND = 12


@dataclass(frozen=True)
class ParsedNumber:
    """The value of a number expression.

    `value` is exact: an int when whole, otherwise a Decimal. For a range it is the low end and `high`
    the high end; for a vague quantity (ده‌ها, چند صد) it is None and `vague_magnitude` says its order.
    """

    value: int | Decimal | None
    is_ordinal: bool = False
    high: int | Decimal | None = None
    vague_magnitude: int | None = None

    @property
    def is_range(self) -> bool:
        return self.high is not None

    @property
    def is_vague(self) -> bool:
        return self.vague_magnitude is not None


@dataclass(frozen=True)
class NumberMatch(ParsedNumber):
    """A number expression found in running text, with its span and surface text."""

    start: int = 0
    end: int = 0
    text: str = ""
    has_digits: bool = False
    is_bare_one: bool = False  # "یک" alone: in running text mostly the indefinite article


def exact(value: int | Fraction | None) -> int | Decimal | None:
    """An int when whole, otherwise a Decimal (exact when the fraction terminates)."""
    if value is None or isinstance(value, int):
        return value
    if value.denominator == 1:
        return value.numerator
    return Decimal(value.numerator) / Decimal(value.denominator)


def _match(text: str, tokens: Tokens, expression: Expression) -> NumberMatch:
    start, end = tokens.starts[expression.first], tokens.ends[expression.last]
    return NumberMatch(
        value=exact(expression.value),
        is_ordinal=expression.is_ordinal,
        high=exact(expression.high),
        vague_magnitude=expression.vague_magnitude,
        start=start,
        end=end,
        text=text[start:end],
        has_digits=expression.has_digits,
        is_bare_one=expression.is_bare_one,
    )


_NOT_LETTERS = regex.compile(r"[^\p{L}\p{M}\u200c]+")
_DIGIT = regex.compile(r"\d")


def _may_hold_numbers(text: str, words: frozenset[str] | None) -> bool:
    """False when the text has no digit and no word that can start a number: most sentences, at once."""
    if _DIGIT.search(text):
        return True
    if words is None:
        words = frozenset(_NOT_LETTERS.split(fold_arabic_letters(text).replace("\u200c", "")))
    return not starting_words().isdisjoint(words) or not joined_to_a_unit().keys().isdisjoint(words)


def find_numbers(text: str, words: frozenset[str] | None = None) -> list[NumberMatch]:
    """Every number expression in running text, left to right, the longest reading, none split in two.

    `words`: the text's words (each ZWNJ-joined word whole, ZWNJ removed, and in parts; Arabic letters
    already Persian), when the caller has them.
    """
    if not _may_hold_numbers(arguments.text(text), words):
        return []
    tokens = tokenize(text)
    matches = [_match(text, tokens, expression) for expression in expressions(tokens)]
    return [match for match in matches if match.text not in _NOT_A_NUMBER_ALONE and not _is_deh_suffix(text, match)]


def _is_deh_suffix(text: str, match: NumberMatch) -> bool:
    """"زیان ده", "سود ده", "فرمان ده": ده written apart as the suffix "giving" (lexicons/deh_compound_words.tsv)."""
    if match.text != _TEN:
        return False
    before = _WORD_BEFORE_TEN.search(text, max(0, match.start - _LONGEST_DEH_COMPOUND), match.start)
    return before is not None and before.group(1) in _deh_compound_words()


@functools.cache
def _deh_compound_words() -> frozenset[str]:
    return frozenset(lexicons.column("deh_compound_words", "word"))


def _single_word(text: str) -> ParsedNumber | None:
    """One number word alone ("بیست", "چهاردهم", "صدها"): read from the vocabulary at once."""
    word = vocabulary().get(text.strip())
    if word is None or not word.alone:
        return None
    if word.kind in _WHOLE_WORD_KINDS:
        return ParsedNumber(exact(word.value), is_ordinal=word.kind == ORDINAL)
    if word.kind == VAGUE:
        return ParsedNumber(None, vague_magnitude=word.value)
    return None


def parse_number(text: str) -> ParsedNumber | None:
    """`text` as one number expression, or None when it is not exactly one number.

    >>> parse_number("چهاردهم")
    ParsedNumber(value=14, is_ordinal=True, high=None, vague_magnitude=None)
    >>> parse_number("درصد") is None
    True
    """
    digits_only = _SIGNED_DIGITS.fullmatch(arguments.text(text))
    if digits_only:
        value = digits_value(digits_only.group("digits"))
        if value is None:
            return None
        return ParsedNumber(exact(-value if digits_only.group("minus") else value))
    single_word = _single_word(text)
    if single_word is not None:
        return single_word
    tokens = tokenize(text)
    found = expressions(tokens)
    if len(found) != 1 or found[0].first != 0 or found[0].last != len(tokens) - 1:
        return None
    expression = found[0]
    if text[: tokens.starts[0]].strip() or text[tokens.ends[-1] :].strip():  # "(5)", "5!"
        return None
    return ParsedNumber(exact(expression.value), expression.is_ordinal, exact(expression.high), expression.vague_magnitude)


def whole_number(text: str, cardinal_only: bool = False) -> int | None:
    """`text` as one whole number (14 from "چهاردهم", "14"), or None: no number, a vague one (صدها), a
    fraction, or with `cardinal_only` an ordinal.

    >>> whole_number("بیست و پنجم"), whole_number("صدها"), whole_number("دوم", cardinal_only=True)
    (25, None, None)
    """
    parsed = parse_number(text)
    if parsed is None or parsed.value is None or parsed.value != int(parsed.value):
        return None
    return None if cardinal_only and parsed.is_ordinal else int(parsed.value)


__all__ = ["NumberMatch", "ParsedNumber", "exact", "find_numbers", "parse_number", "whole_number"]
