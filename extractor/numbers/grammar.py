"""Owns the grammar: groups tokens into number expressions, ranges and vague quantities, valued exactly.

An expression obeys place value. "2 هزار و 300" is 2300 and "بیست و پنج" is 25, but "20 و 5" is two
numbers and "پنج و بیست" no sum. A scale multiplies what stands before it when that is smaller
("سه هزار و ۵۰۰ میلیارد" is 3,500 billion) and is added otherwise ("دو میلیون و سیصد هزار").
A "-م" ordinal after a smaller number is a denominator: "سه چهارم" is 3/4, "دوازده و پنج دهم" 12.5.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from extractor.numbers.tokens import LONGEST_WHOLE_PART, Tokens
from extractor.numbers.vocabulary import (
    AND,
    DIGITS,
    FEW,
    FRACTION,
    HUNDRED,
    NEGATIVE,
    ORDINAL,
    ORDINAL_SUFFIX,
    OTHER,
    POSITIVE,
    RANGE_BETWEEN,
    RANGE_TO,
    SCALE,
    UNIT,
    VAGUE,
    WEEKDAY_TAIL,
    Word,
)

_STARTS = frozenset({DIGITS, UNIT, SCALE, ORDINAL, FRACTION})
_SIGNS = frozenset({NEGATIVE, POSITIVE})
_MAGNITUDE_WORDS = frozenset({10, 100})  # چند ده, چند صد, and "ده هزارم", "صد میلیونم" (with a scale)


# Every number is smaller than this (tokens.LONGEST_WHOLE_PART digits at most).
LARGEST = 10**LONGEST_WHOLE_PART


class Expression(NamedTuple):
    """A number found among the tokens: token indices (inclusive) and its values."""

    first: int
    last: int
    value: int | Fraction | None  # the low end of a range; None when vague
    high: int | Fraction | None = None  # the high end of a range
    is_ordinal: bool = False
    vague_magnitude: int | None = None  # ده‌ها -> 10, "چند هزار" -> 1000
    has_digits: bool = False
    top_scale: int | None = None
    is_bare_one: bool = False


class _Builder:
    """Adds tokens to one expression; `accept` refuses a token that breaks place value."""

    __slots__ = ("total", "group", "limit", "last_scale", "top_scale", "closed", "ordinal", "fraction",
                 "last_kind", "hundred_ok", "parts", "has_digits")

    def __init__(self) -> None:
        self.total: int | Fraction = 0
        self.group: int | Fraction = 0  # the part below the last scale
        self.limit: int | None = None  # a following part must stay below this
        self.last_scale: int | None = None
        self.top_scale: int | None = None
        self.closed = False  # digits or a fraction end a group: only a scale may follow
        self.ordinal = False
        self.fraction = False  # a numerator over a denominator: یک سوم, پنج دهم
        self.last_kind = ""
        self.hundred_ok = False  # a single unit word: "دو صد" is 200
        self.parts = 0
        self.has_digits = False

    @property
    def value(self) -> int | Fraction:
        return self.total + self.group

    @property
    def is_whole(self) -> bool:
        return not self.ordinal and not self.fraction and self.value == int(self.value)

    def accept(self, word: Word, after_and: bool) -> bool:
        if self.ordinal or (self.fraction and word.kind != SCALE):
            return False
        step = _STEPS.get(word.kind)
        if step is None or not step(self, word, after_and):
            return False
        self.parts += 1
        self.last_kind = word.kind
        self.has_digits = self.has_digits or word.kind == DIGITS
        return True

    def divide(self, denominator: int) -> bool:
        """Turn a whole number of words into a proper fraction: "سه" + "چهارم" is 3/4."""
        if self.has_digits or not self.is_whole or not 0 < self.value < denominator:
            return False
        self.total, self.group = 0, Fraction(self.value, denominator)
        self.fraction = self.closed = True
        return True

    def add_fraction(self, fraction: Fraction) -> bool:
        """Add a fractional part after "و": "دوازده و پنج دهم" is 12.5."""
        if not self.is_whole or not 0 < fraction < 1:  # after digits too: "98 و سه دهم"
            return False
        self.group += fraction
        self.closed = True
        return True

    def _digits(self, word: Word, after_and: bool) -> bool:
        if self.parts == 0:
            self.group, self.closed = word.value, True
            return True
        # After a scale, with و or right after it: "2 هزار و 300", "یک میلیون 500 هزار", "سه هزار 200 نفر".
        right_after_scale = after_and or self.last_kind == SCALE
        fits_after_scale = right_after_scale and self.group == 0 and self.last_scale and word.value < self.last_scale
        fits_after_words = after_and and self.last_kind == UNIT and self.limit and word.value < self.limit  # "صد و 50"
        if not (fits_after_scale or fits_after_words) or word.value != int(word.value):
            return False
        self.group, self.closed = self.group + word.value, True
        return True

    def _unit(self, word: Word, after_and: bool) -> bool:
        if self.parts == 0:
            self.group, self.limit, self.hundred_ok = word.value, word.place, word.value < 10
            return True
        if self.closed:
            return False
        if word.value == HUNDRED and not after_and and self.hundred_ok:
            self.group, self.limit, self.hundred_ok = self.group * HUNDRED, HUNDRED, False
            return True
        juxtaposed_words = after_and or self.last_kind in (UNIT, SCALE)
        if self.limit is None or word.value >= self.limit or not juxtaposed_words:
            return False
        self.group += word.value
        self.limit, self.hundred_ok = word.place, False
        return True

    def _scale(self, word: Word, after_and: bool) -> bool:
        scale = word.value
        if after_and:
            return False
        if self.parts and self.total and self.last_scale and self.total < scale and scale > self.last_scale:
            self.total = (self.total + self.group) * scale  # "سه هزار و ۵۰۰ میلیارد"
        elif self.parts == 0 or self.last_scale is None:
            self.total += (self.group or 1) * scale
        elif scale < self.last_scale and self.group:
            self.total += self.group * scale  # "دو میلیون و سیصد هزار"
        else:
            return False
        self.top_scale = max(self.top_scale or 0, scale)
        self.group, self.limit, self.last_scale = 0, scale, scale
        self.closed = self.hundred_ok = self.fraction = False
        return True

    def _fraction_word(self, word: Word, after_and: bool) -> bool:
        if self.parts == 0:
            self.group, self.closed = word.value, True
            return True
        if after_and and self.group and self.group == int(self.group) and not self.closed:
            self.group, self.closed = self.group + word.value, True  # "یک و نیم"
            return True
        if not after_and and self.last_kind == UNIT and not self.total:
            self.group, self.closed = self.group * word.value, True  # "سه ربع"
            return True
        return False

    def _ordinal(self, word: Word, after_and: bool) -> bool:
        if self.parts == 0:
            self.group, self.ordinal = word.value, True
            return True
        if self.closed:
            return False
        if word.is_scale_ordinal and not word.is_denominator:  # "سه هزارمین": the 3000th
            if not self._scale(word, after_and):
                return False
            self.ordinal = True
            return True
        continues = after_and or self.last_kind in (UNIT, SCALE)  # "بیست و یکم", colloquial "بیست یکم"
        if not continues or self.limit is None or word.value >= self.limit:
            return False
        self.group, self.ordinal = self.group + word.value, True
        return True

    def _ordinal_suffix(self, word: Word, after_and: bool) -> bool:
        if after_and or self.last_kind not in (UNIT, DIGITS, SCALE) or self.group != int(self.group):
            return False
        self.ordinal = True  # "سی ام", "20ام"
        return True


_STEPS = {
    DIGITS: _Builder._digits,
    UNIT: _Builder._unit,
    SCALE: _Builder._scale,
    FRACTION: _Builder._fraction_word,
    ORDINAL: _Builder._ordinal,
    ORDINAL_SUFFIX: _Builder._ordinal_suffix,
}


def _denominator_at(tokens: Tokens, index: int) -> tuple[int, int] | None:
    """(denominator, last token) for "چهارم", "دهم", "هزارم" or "ده هزارم" at `index`."""
    words, joined = tokens.words, tokens.joined
    word = words[index]
    if word.kind == ORDINAL and word.is_denominator:
        return word.value, index
    following = index + 1
    if (
        word.kind == UNIT and word.value in _MAGNITUDE_WORDS and following < len(words) and joined[following]
        and words[following].is_scale_ordinal and words[following].is_denominator
    ):
        return word.value * words[following].value, following
    return None


def _denominator_ahead(tokens: Tokens, first: int) -> bool:
    """Whether a denominator word stands in the run of joined tokens that starts at `first`."""
    if not tokens.has_denominator:
        return False
    words, joined = tokens.words, tokens.joined
    index = first
    while index < len(words) and (index == first or joined[index]):
        if words[index].is_denominator:
            return True
        index += 1
    return False


def _extend(tokens: Tokens, builder: _Builder, last: int, fraction_parts: bool = True) -> int:
    """Extend the expression ending at token `last` as far as the grammar allows; the new last token.

    With `fraction_parts`, a fractional part is tried first after each "و".
    """
    words, joined = tokens.words, tokens.joined
    while last + 1 < len(words) and joined[last + 1]:
        following = last + 1
        if words[following].kind != AND:
            if builder.accept(words[following], after_and=False):
                last = following
                continue
            denominator = _denominator_at(tokens, following)
            if denominator is None or not builder.divide(denominator[0]):
                break
            last = denominator[1]
            continue
        after_and = following + 1
        if after_and >= len(words) or not joined[after_and]:
            break
        fraction = _fraction_from(tokens, after_and) if fraction_parts else None
        if fraction is not None and builder.add_fraction(fraction[0]):
            last = fraction[1]
            continue
        if not builder.accept(words[after_and], after_and=True):
            break
        last = after_and
    return last


def _fraction_from(tokens: Tokens, first: int) -> tuple[Fraction, int] | None:
    """A proper fraction in words from token `first`: "پنج دهم" in "دوازده و پنج دهم"."""
    builder = _Builder()
    if not builder.accept(tokens.words[first], after_and=False):
        return None
    last = _extend(tokens, builder, first, fraction_parts=False)  # a numerator is whole
    return (Fraction(builder.value), last) if builder.fraction else None


def _read(tokens: Tokens, index: int, fraction_parts: bool) -> tuple[_Builder, int]:
    builder = _Builder()
    builder.accept(tokens.words[index], after_and=False)
    return builder, _extend(tokens, builder, index, fraction_parts)


def _expression_at(tokens: Tokens, first: int) -> Expression:
    """The longest expression starting at token `first` (a number start, or منفی before one)."""
    words = tokens.words
    negative = words[first].kind == NEGATIVE
    index = first + 1 if words[first].kind in _SIGNS else first
    builder, last = _read(tokens, index, fraction_parts=False)
    if not builder.fraction and _denominator_ahead(tokens, index):
        # Not one fraction as a whole ("هشتاد و سه صدم" is 0.83): a whole part and a fraction,
        # "یکصد و بیست و پنج صدم" is 100.25 (as number writers spell it), not 125 and a stray "صدم".
        builder, last = _read(tokens, index, fraction_parts=True)
    single = words[index]
    return Expression(
        first,
        last,
        -builder.value if negative else builder.value,
        is_ordinal=builder.ordinal,
        has_digits=builder.has_digits,
        top_scale=builder.top_scale,
        is_bare_one=last == index and single.kind == UNIT and single.value == 1,
    )


def _names_a_weekday(tokens: Tokens, expression: Expression) -> bool:
    """"سه شنبه", "پنج شنبه": a number word written apart from شنبه is part of a weekday's name."""
    following = expression.last + 1
    return (
        expression.first == expression.last and following < len(tokens)
        and tokens.joined[following] and tokens.words[following].kind == WEEKDAY_TAIL
    )


def _is_magnitude_word(word: Word) -> bool:
    return word.kind == SCALE or (word.kind == UNIT and word.value in _MAGNITUDE_WORDS)


def _vague_at(tokens: Tokens, first: int) -> Expression | None:
    """"ده‌ها", "صدها هزار", "چند صد", "چندین هزار": a magnitude, never an exact number."""
    words, joined = tokens.words, tokens.joined
    word = words[first]
    if word.kind == VAGUE:
        magnitude, last = word.value, first
    elif word.kind == FEW and first + 1 < len(words) and joined[first + 1] and _is_magnitude_word(words[first + 1]):
        magnitude, last = words[first + 1].value, first + 1
    else:
        return None
    while last + 1 < len(words) and joined[last + 1] and words[last + 1].kind == SCALE:
        magnitude *= words[last + 1].value
        last += 1
    return Expression(first, last, None, vague_magnitude=magnitude)


def expressions(tokens: Tokens) -> list[Expression]:
    """Every number, range and vague quantity among the tokens, left to right, none split in two."""
    words, joined = tokens.words, tokens.joined
    found: list[Expression] = []
    index = 0
    while index < len(words):
        kind = words[index].kind
        if kind == OTHER:
            index += 1
            continue
        signed = kind in _SIGNS and index + 1 < len(words) and joined[index + 1] and words[index + 1].kind in _STARTS
        if (kind in _STARTS and words[index].alone) or signed:
            expression = _expression_at(tokens, index)
        else:
            expression = _vague_at(tokens, index)
        if expression is None or _names_a_weekday(tokens, expression):
            index += 1
            continue
        if not _too_large(expression):
            found.append(expression)
        index = expression.last + 1
    return _merge_ranges(found, tokens)


def _too_large(expression: Expression) -> bool:
    """Whether scale words took a number past the limit (30 digits, as for digits): "۹۹ هزار میلیارد
    میلیارد"; "چند هزار هزار هزار ...". Such an expression is no number."""
    sizes = (expression.value, expression.high, expression.vague_magnitude)
    return any(size is not None and abs(size) >= LARGEST for size in sizes)


def _merge_ranges(found: list[Expression], tokens: Tokens) -> list[Expression]:
    """"۲ تا ۳ هزار" (2000 to 3000: the scale is shared), "۱۰ الی ۱۵", "بین ۲۰ و ۳۰"."""
    if len(found) < 2:
        return found
    words, joined = tokens.words, tokens.joined
    merged: list[Expression] = []
    index = 0
    while index < len(found):
        low = found[index]
        high = found[index + 1] if index + 1 < len(found) else None
        between = low.first > 0 and words[low.first - 1].kind == RANGE_BETWEEN and joined[low.first]
        connector = low.last + 1
        joins = connector < len(words) and (
            words[connector].kind == RANGE_TO or (between and words[connector].kind == AND)
        )
        if (
            high is None or not joins or high.first != connector + 1 or not (joined[connector] and joined[high.first])
            or not _rangeable(low) or not _rangeable(high)
        ):
            merged.append(low)
            index += 1
            continue
        low_value = low.value
        if low.top_scale is None and high.top_scale and low_value * high.top_scale <= high.value:
            low_value *= high.top_scale
        first = low.first - 1 if between else low.first
        merged.append(
            Expression(first, high.last, low_value, high.value, has_digits=low.has_digits or high.has_digits,
                       top_scale=high.top_scale)
        )
        index += 2
    return merged


def _rangeable(expression: Expression) -> bool:
    return expression.value is not None and expression.high is None and not expression.is_ordinal
