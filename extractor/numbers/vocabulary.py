"""Owns the number vocabulary: every word the grammar knows, derived from the lexicons.

Values come from `number_words` (words below a thousand) and `scales` (each with its power of ten);
ordinals (چهاردهم, دومین, سی‌ام), plurals of magnitude (ده‌ها, صدها, میلیون‌ها) and the joined
forms (یکصد, یکهزار) are derived from them, so one table fixes every spelling at once.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import NamedTuple

from extractor import lexicons

# Token kinds.
DIGITS = "digits"
OTHER = "other"  # a word or code that is no part of a number, ending any expression
UNIT = "unit"  # a word below a thousand: پنج, بیست, سیصد
SCALE = "scale"  # هزار, میلیون, ...
ORDINAL = "ordinal"  # چهاردهم, دومین, اول
FRACTION = "fraction"  # نیم, ربع
VAGUE = "vague"  # ده‌ها, صدها, هزاران
AND = "and"
NEGATIVE = "negative"
POSITIVE = "positive"
ORDINAL_SUFFIX = "ordinal_suffix"  # "ام" written apart: سی ام
RANGE_TO = "range_to"  # تا, الی
RANGE_BETWEEN = "range_between"  # بین
FEW = "few"  # چند, چندین
WEEKDAY_TAIL = "weekday_tail"  # شنبه: "سه شنبه" is Tuesday, not three

HUNDRED = 100
_PLURAL_SUFFIX = "ها"
_ONE = "یک"
# Ordinal spellings that are other words: سهم (share), سیم (wire); یکم and سوم are irregular.
_NO_REGULAR_ORDINAL = frozenset({"یک", "سه"})
_DIACRITICS = dict.fromkeys(range(0x064B, 0x0653))  # fathatan .. sukun, maddah


class Word(NamedTuple):  # a NamedTuple: built per digits token, and far cheaper than a dataclass
    kind: str
    value: int | Fraction | None = None
    place: int = 1  # a following part must stay below this: 20 -> 10, 300 -> 100, 7 -> 1
    is_scale_ordinal: bool = False  # هزارم, میلیونم
    is_denominator: bool = False  # the "-م" ordinals also name fractions: "سه چهارم", "پنج دهم", "دو هزارم"
    alone: bool = True  # can start a number; "سیم" (an old spelling of 30th) is "wire" unless after "و"


def fold_arabic_letters(text: str) -> str:
    """Arabic yeh and kaf as Persian ones (length-preserving, so offsets hold).

    Three `replace` calls: for a few letters they are far faster than `str.translate` on Persian text.
    """
    return text.replace("ي", "ی").replace("ى", "ی").replace("ك", "ک")


def lookup_key(token: str) -> str:
    """The vocabulary key of a token: without ZWNJ and diacritics, Arabic yeh and kaf folded to Persian."""
    return fold_arabic_letters(token.replace("\u200c", "").translate(_DIACRITICS))


def _place(value: int) -> int:
    if value == 10:  # "ده و چهار" is no number: 11 to 19 have words of their own
        return 1
    place = 1
    while value and value % (place * 10) == 0:
        place *= 10
    return place


def _ordinal_forms(word: str) -> tuple[tuple[str, bool], ...]:
    """(ordinal spelling, whether it can also be a denominator): چهارم (and "سه چهارم"), چهارمین."""
    if word.endswith("ی"):  # سی -> سیام, سی‌ام, سیامین
        return ((word + "ام", True), (word + "امین", False))
    return ((word + "م", True), (word + "مین", False))


@functools.cache
def vocabulary() -> dict[str, Word]:
    """Every number word, keyed by `lookup_key`."""
    cardinals = {row["word"]: int(row["value"]) for row in lexicons.rows("number_words")}
    scales = {row["word"]: 10 ** int(row["power_of_ten"]) for row in lexicons.rows("scales")}
    words: dict[str, Word] = {}
    for word, value in cardinals.items():
        words[word] = Word(UNIT, value, _place(value))
        if word not in _NO_REGULAR_ORDINAL:
            for form, denominator in _ordinal_forms(word):
                words[form] = Word(ORDINAL, value, _place(value), is_denominator=denominator)
    for word, value in scales.items():
        words[word] = Word(SCALE, value, value)
        for form, denominator in _ordinal_forms(word):
            words[form] = Word(ORDINAL, value, value, is_scale_ordinal=True, is_denominator=denominator)
    for word in ("صد", *scales):  # یکصد, یکهزار, یکمیلیون and their ordinals یکصدم, یکصدمین
        words.setdefault(_ONE + word, words[word])
        for form, _ in _ordinal_forms(word):
            words.setdefault(_ONE + form, words[form]._replace(is_denominator=False))
    for word in ("ده", "صد", *scales):  # ده‌ها, صدها, میلیون‌ها: "tens of", "hundreds of"
        magnitude = cardinals.get(word) or scales[word]
        words[word + _PLURAL_SUFFIX] = Word(VAGUE, magnitude)
    for row in lexicons.rows("ordinals_irregular"):
        value = int(row["value"])
        words[row["word"]] = Word(
            ORDINAL, value, _place(value), is_denominator=row["denominator"] == "yes", alone=row["alone"] == "yes"
        )
    for row in lexicons.rows("fractions"):
        words[row["word"]] = Word(FRACTION, Fraction(int(row["numerator"]), int(row["denominator"])))
    for row in lexicons.rows("vague_numbers"):
        words[row["word"]] = Word(VAGUE, int(row["magnitude"]))
    for row in lexicons.rows("number_joiners"):
        words[row["word"]] = Word(row["role"])
    return {lookup_key(word): entry for word, entry in words.items()}


_JOINED_NUMBERS = ("صد",)  # besides one to ten: "صدسال قبل"
_PERCENT_WORDS = ("درصد", "درصدی")


@functools.cache
def joined_to_a_unit() -> dict[str, int]:
    """A number word written joined to its unit, by lookup key: a small number and a time unit ("دوسال",
    "یک‌هفته", "صدسال"), a scale and a currency or its adjective ("5 هزارتومان", "2600 میلیاردریالی"),
    a number word below a hundred and درصد ("پنج‌درصد", "بیست‌درصدی"; not صددرصد, mostly the adverb
    "surely"), a number word below a thousand and a scale ("ده‌هزار", "صدهزار"); the value is the length
    of the number word, which the tokenizer splits off."""
    rows = lexicons.rows("number_words")
    numbers = [row["word"] for row in rows if 1 <= int(row["value"]) <= 10]
    # Below a hundred for درصد ("بیست‌درصد"; not صد), below a thousand for a scale ("سیصدهزار").
    below_a_hundred = [row["word"] for row in rows if 1 <= int(row["value"]) < 100 and row["word"].isalpha()]
    below_a_thousand = [row["word"] for row in rows if 1 <= int(row["value"]) < 1000 and row["word"].isalpha()]
    units = [unit for unit in lexicons.column("time_units", "word") if " " not in unit]
    scales = lexicons.column("scales", "word")
    return {
        **{lookup_key(number + unit): len(number) for number in (*numbers, *_JOINED_NUMBERS) for unit in units},
        **{lookup_key(scale + currency): len(scale) for scale in scales for currency in _currency_words()},
        **{lookup_key(number + percent): len(number) for number in below_a_hundred for percent in _PERCENT_WORDS},
        **{
            lookup_key(number + scale): len(number)
            for number in below_a_thousand
            for scale in scales
            if lookup_key(number + scale) not in vocabulary()
        },
    }


def _currency_words() -> list[str]:
    """The currencies written as one word, and their adjectives in one word (تومانی, یورویی)."""
    rows = [row for row in lexicons.rows("currencies") if row["alone"] == "yes" and row["word"].isalpha()]
    adjectives = [form for row in rows for form in lexicons.currency_adjectives(row)]
    return [word for word in (*(row["word"] for row in rows), *adjectives) if " " not in word]


@functools.cache
def starting_words() -> frozenset[str]:
    """The words that can begin a number, a sign or a vague quantity (not "و", "تا", ...)."""
    starts = {UNIT, SCALE, ORDINAL, FRACTION, VAGUE, NEGATIVE, POSITIVE, FEW}
    return frozenset(key for key, word in vocabulary().items() if word.kind in starts)
