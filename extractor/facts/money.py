"""Finds amounts of money: a number (or range) and a currency word, its adjective (تومانی) or symbol,
compound amounts with a subunit (چهار دلار و 25 سنت), and amounts whose currency is implied after a
money noun (وام 160 میلیونی, سقف وام 80 میلیون تعیین شد)."""

from __future__ import annotations

import functools

import regex

from extractor import lexicons
from extractor.facts.price_unit import per_unit
from extractor.facts.candidates import Money
from extractor.facts.common import (
    SentenceContext,
    high_value,
    joined_ranges,
    makes_a_compound_verb,
    plain_number,
    qualifier_before,
    start_with_word_before,
    starts_a_verb,
    with_dash_ranges,
    word_after,
)
from extractor.facts.rules import Registry, Rule
from extractor.patterns import GAP, OPTIONAL_GAP, WORD_END, WORD_START, right_before

_AND = regex.compile(rf"{OPTIONAL_GAP}و{OPTIONAL_GAP}")
_RATE_BASES = (1, 10, 100, 1000)
_POUND = "pound"
_IRANIAN_UNITS = ("rial", "toman")
_RATE_GAP = regex.compile(rf"(?:{GAP}[\p{{L}}\p{{M}}]+){{0,3}}{GAP}")  # the currency's country at most


@functools.cache
def _currencies() -> dict[str, tuple[str, int | None]]:
    """Currency word (canonical) -> (unit, rials per unit)."""
    currencies = {}
    for row in lexicons.rows("currencies"):
        rials = int(row["rial_per_unit"]) if row["rial_per_unit"] else None
        currencies[lexicons.canonical(row["word"])] = (row["unit"], rials)
    return currencies


def _currency_after() -> str:
    """A currency word (or its adjective, تومانی) right after a number; درام and راند (also "drama" and
    "round") only with their country after them (درام ارمنستان), سنت without its adjective (سنتی:
    "traditional")."""
    rows = lexicons.rows("currencies")
    alone = [row["word"] for row in rows if row["alone"] == "yes"]
    adjectives = [form for row in rows for form in lexicons.currency_adjectives(row)]
    with_country = lexicons.alternation([row["word"] for row in rows if row["alone"] == "no"])
    countries = lexicons.alternation([row["name"] for row in lexicons.rows("places") if row["kind"] == "country"])
    currency = rf"{lexicons.alternation([*alone, *adjectives])}|{with_country}(?={GAP}{countries}{WORD_END})"
    return rf"{OPTIONAL_GAP}(?P<currency>{currency}){WORD_END}"


def _symbol_before() -> str:
    """A currency symbol right before a number: "$45.5", "€ 10", "£3 میلیارد"."""
    symbols = lexicons.alternation([row["word"] for row in lexicons.rows("currencies") if not row["word"][0].isalpha()])
    return rf"(?P<currency>{symbols}){OPTIONAL_GAP}\Z"


@functools.cache
def _weight_before() -> regex.Pattern[str]:
    words = lexicons.alternation(lexicons.column("weight_words", "word"))
    return regex.compile(rf"{WORD_START}{words}{WORD_END}")


@functools.cache
def _subunits() -> dict[str, tuple[str, int]]:
    return {row["currency"]: (row["subunit"], int(row["per_currency"])) for row in lexicons.rows("currency_subunits")}


def _currency(word: str) -> tuple[str, int | None, Rule]:
    """(unit, rials per unit, rule) of a matched currency word or adjective."""
    key = lexicons.canonical(word)
    if key in _currencies():
        return (*_currencies()[key], _NUMBER_AND_CURRENCY)
    return (*_currencies()[_currency_adjectives()[key]], _NUMBER_AND_CURRENCY_ADJECTIVE)


@functools.cache
def _currency_adjectives() -> dict[str, str]:
    """Each currency adjective (تومانی, یورویی, and the ezafe یوروی) -> its currency word, both canonical."""
    rows = lexicons.rows("currencies")
    return {
        lexicons.canonical(form): lexicons.canonical(row["word"])
        for row in rows for form in lexicons.currency_adjectives(row)
    }


def _scale_adjective() -> str:
    """"وام 160 میلیونی", "سرمایه‌گذاری 881 میلیاردی": an amount whose currency the reader supplies."""
    scales = lexicons.alternation(lexicons.column("scales", "word"))
    return rf"{OPTIONAL_GAP}(?P<scale>{scales})ی{WORD_END}"


_LARGE_SCALE_AT_END = regex.compile(r"(?:میلیون|میلیارد|بیلیون|تریلیون)\Z")
_MONEY_VERB = regex.compile(rf"{GAP}(?:خرج|هزینه|پرداخت|واریز){GAP}(?:کرد|کرده|کند|کنند|کردند|شد|شده|شود){WORD_END}")
_ENDS_A_PHRASE = regex.compile(rf"{OPTIONAL_GAP}(?:[.،,؛:!?)]|\n|\Z)")


def _counts_nothing_after(text: str, end: int) -> bool:
    """Whether what follows a number leaves it counting nothing: the phrase ends, or a verb or a compound
    verb begins ("80 میلیون تعیین شد", "به 300 میلیارد رسید")."""
    if _ENDS_A_PHRASE.match(text, end):
        return True
    following = word_after(text, end)
    if following is None or starts_a_verb(text, following.start) or following.text in lexicons.words("verbs", "word"):
        return True
    return makes_a_compound_verb(following, text)


# Patterns matched right after the number, but the symbol's, found right before it.
_NUMBER_AND_CURRENCY = Rule("number+currency", _currency_after)
_NUMBER_AND_CURRENCY_ADJECTIVE = Rule("number+currency_adjective", _currency_after)
_NUMBER_CURRENCY_AND_SUBUNIT = Rule("number+currency+subunit", _currency_after)  # "چهار دلار و 25 سنت"
_SYMBOL_AND_NUMBER = Rule("currency_symbol+number", _symbol_before)
_IMPLIED_CURRENCY = Rule("money_noun+number+scale_adjective", _scale_adjective)
_IMPLIED_CURRENCY_AFTER_A_SCALE = Rule("money_noun+number+scale")  # "سقف وام 80 میلیون تعیین شد"
RULES = Registry((
    _NUMBER_AND_CURRENCY, _NUMBER_AND_CURRENCY_ADJECTIVE, _NUMBER_CURRENCY_AND_SUBUNIT, _SYMBOL_AND_NUMBER,
    _IMPLIED_CURRENCY, _IMPLIED_CURRENCY_AFTER_A_SCALE,
))


@functools.cache
def _scale_values() -> dict[str, int]:
    return {row["word"]: 10 ** int(row["power_of_ten"]) for row in lexicons.rows("scales")}


@functools.cache
def _money_noun_before(words_between: int) -> regex.Pattern[str]:
    """A money noun, and at most `words_between` words, right before the number."""
    nouns = lexicons.alternation(lexicons.column("money_nouns", "word"))
    return regex.compile(right_before(rf"{nouns}(?:{GAP}\p{{L}}+){{0,{words_between}}}", backwards=True))


def _start_at_from(text: str, start: int) -> int:
    """Where a range starts: at "از" in "از سه تا 40 دلار", as annotators mark it."""
    return start_with_word_before(text, start, "از", look_back=5)


def _from_before_range(sentence: SentenceContext, number) -> int:
    return _start_at_from(sentence.text, number.start) if number.is_range else number.start


def find(sentence: SentenceContext) -> list[Money]:
    found = _implied_currency(sentence)
    numbers = with_dash_ranges(sentence.text, sentence.quantities)
    for index, number in enumerate(numbers):
        currency = _NUMBER_AND_CURRENCY.compiled.match(sentence.text, number.end)
        symbol = None if currency else _SYMBOL_AND_NUMBER.compiled.search(sentence.text, max(0, number.start - 3), number.start)
        if not currency and not symbol:
            continue
        unit, rials_per_unit, rule = _currency((currency or symbol).group("currency"))
        if unit == _POUND and _weight_before().search(sentence.text, 0, number.start):
            continue  # "وزن آن 31 میلیون پوند است": a pound of weight
        value, end = plain_number(number.value), currency.end() if currency else number.end
        compound = _subunit_part(sentence, numbers[index + 1 :], unit, end) if not number.is_range else None
        if compound:
            value, end, rule = compound[0] + value, compound[1], _NUMBER_CURRENCY_AND_SUBUNIT
        if symbol:
            rule = _SYMBOL_AND_NUMBER
        start = symbol.start() if symbol else _from_before_range(sentence, number)
        qualifier, qualifier_span = qualifier_before(sentence.text, start)
        high = high_value(number)
        found.append(
            Money(
                start, end, rule, value, unit, qualifier, qualifier_span,
                per=per_unit(sentence.text, qualifier_span[0] if qualifier_span else start),
                value_high=high,
                value_irr=plain_number(number.value * rials_per_unit) if rials_per_unit else None,
                value_irr_high=plain_number(number.high * rials_per_unit) if rials_per_unit and high else None,
            )
        )
    return _without_rate_bases(sentence.text, joined_ranges(sentence.text, found, _range_end))


def _without_rate_bases(text: str, found: list[Money]) -> list[Money]:
    """"یکصد روپیه نپال 29 هزار ریال": the 100 rupees are the base of an exchange rate, a unit of
    measure rather than an amount (as annotated Persian news has it); the rials are the amount."""
    ordered = sorted(found, key=lambda candidate: candidate.start)
    bases = {
        id(base) for base, rate in zip(ordered, ordered[1:])
        if base.value in _RATE_BASES and base.unit not in _IRANIAN_UNITS and rate.unit in _IRANIAN_UNITS
        and _RATE_GAP.fullmatch(text, base.end, rate.start)
    }
    return [candidate for candidate in found if id(candidate) not in bases]


def _implied_currency(sentence: SentenceContext) -> list[Money]:
    """"وام 160 میلیونی" (a scale's adjective after the number), "سقف وام 80 میلیون تعیین شد" (a scale
    ending the number, which counts nothing): after a money noun, an amount in the currency the reader
    supplies (unit null); so too a number with such a scale before a verb of paying ("22 میلیارد خرج کرده")."""
    found, text = [], sentence.text
    for number in sentence.quantities:
        adjective = _IMPLIED_CURRENCY.compiled.match(text, number.end)
        bare_scale = not adjective and _LARGE_SCALE_AT_END.search(number.text) and _counts_nothing_after(text, number.end)
        if not (adjective or bare_scale):
            continue
        words_between = 1 if adjective else 3  # "سقف وام خرید مسکن 80 میلیون تعیین شد"
        spent = bare_scale and _MONEY_VERB.match(text, number.end)  # "بیش از 22 میلیارد خرج کرده"
        if not spent and not _money_noun_before(words_between).search(text, max(0, number.start - 60), number.start):
            continue
        scale = _scale_values()[adjective.group("scale")] if adjective else 1
        value = plain_number(number.value * scale)
        high = plain_number(number.high * scale) if number.high is not None else None
        qualifier, qualifier_span = qualifier_before(text, number.start)
        found.append(
            Money(
                _from_before_range(sentence, number), adjective.end() if adjective else number.end,
                _IMPLIED_CURRENCY if adjective else _IMPLIED_CURRENCY_AFTER_A_SCALE, value, None, qualifier,
                qualifier_span, value_high=high,
            )
        )
    return found


def _range_end(candidate: Money) -> dict:
    return {"value_high": candidate.value, "value_irr_high": candidate.value_irr}


@functools.cache
def _subunit_word(subunit: str) -> regex.Pattern[str]:
    return regex.compile(rf"{OPTIONAL_GAP}{regex.escape(subunit)}{WORD_END}")


def _subunit_part(sentence: SentenceContext, following: list, unit: str, end: int) -> tuple[float, int] | None:
    """("و 25 سنت" after "چهار دلار") -> (0.25, end of سنت)."""
    if unit not in _subunits() or not following:
        return None
    subunit, per_currency = _subunits()[unit]
    number = following[0]
    joiner = _AND.match(sentence.text, end)
    if not joiner or joiner.end() != number.start or number.is_range:
        return None
    word = _subunit_word(subunit).match(sentence.text, number.end)
    if not word:
        return None
    return float(number.value) / per_currency, word.end()
