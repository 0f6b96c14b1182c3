"""Owns what every fact finder shares: the sentence handed to each, and the words around a number."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction

import regex

from extractor import lexicons
from extractor.facts.candidates import Amount
from extractor.facts.rules import derived
from extractor.numbers import NumberMatch, exact, find_numbers
from extractor.patterns import GAP, OPTIONAL_GAP, WORD_AFTER, WORD_BEFORE, WORD_START, re_agrees, right_before

_WORD_AFTER = regex.compile(WORD_AFTER)
DEMONSTRATIVES = frozenset({"این", "آن", "همین"})  # "این منطقه", "این افراد": what follows is a noun
_NOT_WORD = regex.compile(r"[^\p{L}\p{M}\d]+")
_NOT_WORD_WITH_RE = re.compile(r"[\W_]+")  # the same with re (fewer instructions), where the engines agree
_DIGIT = regex.compile(r"\d")
_LONGEST_WORD = 40  # look no further back than this for the word before a number
_WORD_BEFORE = regex.compile(WORD_BEFORE)


@functools.cache
def _word_right_before(word: str) -> regex.Pattern[str]:
    return regex.compile(right_before(word))


def start_with_word_before(text: str, start: int, word: str, look_back: int) -> int:
    """`start`, moved back over `word` when it stands right before it (found within `look_back`
    characters): از in "از 4 تا 9 مهر", طی in "طی 24 ساعت گذشته"."""
    before = _word_right_before(word).search(text, max(0, start - look_back), start)
    return before.start() if before else start


_RANGE_BETWEEN_AMOUNTS = regex.compile(rf"{GAP}(?:تا|الی){OPTIONAL_GAP}")  # "تا10 هزار ریال": joined to the digits too
_RANGE_OPENERS = ("از", "بین")


def joined_ranges(text: str, found: list[Amount], high_fields: Callable[[Amount], dict]) -> list[Amount]:
    """"از 5 میلیون ریال تا 40 میلیون ریال", "بین 1.2 درصد تا 7.9 درصد": two amounts of one unit joined
    into a range, from از or بین before the first (as annotators mark it); `high_fields` gives the
    fields the second amount sets (value_high, and for money value_irr_high)."""
    joined: list[Amount] = []
    for candidate in sorted(found, key=lambda candidate: candidate.start):
        previous = joined[-1] if joined else None
        if (
            previous is not None and previous.unit == candidate.unit and previous.value_high is None
            and _RANGE_BETWEEN_AMOUNTS.fullmatch(text, previous.end, candidate.start)
        ):
            start = min(start_with_word_before(text, previous.start, word, look_back=5) for word in _RANGE_OPENERS)
            rule = derived(previous.rule.name + "..range")
            joined[-1] = replace(previous, start=start, end=candidate.end, rule=rule, **high_fields(candidate))
        else:
            joined.append(candidate)
    return joined


def amount_words() -> str:
    """A regex alternation of the words that make the number before them an amount (currencies, درصد):
    "سال 12 درصد", "دسامبر 23 دلار" name no year."""
    return lexicons.alternation([*lexicons.column("currencies", "word"), "درصد"])


@functools.cache
def _era_calendars() -> dict[str, str]:
    return {lexicons.canonical(row["era"]): row["calendar"] for row in lexicons.rows("eras")}


def era_calendar(era: str) -> str:
    """The calendar an era after a year names (lexicons/eras.tsv): شمسی jalali, هجری قمری hijri, م gregorian."""
    return _era_calendars()[lexicons.canonical(era)]


_FIRST_GREGORIAN_YEAR, _LAST_GREGORIAN_YEAR = 1700, 2199


def written_year_calendar(year_text: str, era: str | None = None) -> str | None:
    """The calendar a written year names: its era's (1437 هجری قمری), else Gregorian for four digits from
    1700 to 2199 (2014), else None (1395, 95: the calendar of the words around it)."""
    if era:
        return era_calendar(era)
    if len(year_text) == 4 and _FIRST_GREGORIAN_YEAR <= int(year_text) <= _LAST_GREGORIAN_YEAR:
        return "gregorian"
    return None


def era_alternation(spelled_out: bool = False, without: str | None = None) -> str:
    """A regex alternation of the eras; `spelled_out`: not the one-letter abbreviations (ش, ق, م), which
    only a four-digit year makes an era; `without`: leave out one calendar's eras."""
    rows = lexicons.rows("eras")
    return lexicons.alternation(
        [row["era"] for row in rows if (len(row["era"]) > 1 or not spelled_out) and row["calendar"] != without]
    )


@functools.cache
def school_year_words() -> frozenset[str]:
    """The kinds of year after سال that begin on 1 Mehr: تحصیلی (school), زراعی (farming), آبی (water);
    a fiscal year (مالی) is the calendar year."""
    return frozenset(row["word"] for row in lexicons.rows("year_kinds") if row["first_month"] == "7")


def sentence_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """A sentence's words (ZWNJ removed, lower-cased), for finders to skip patterns whose words are
    absent; and the same with the parts of each word joined by ZWNJ ("سال‌جاری": سالجاری, سال, جاری), for
    the finders whose phrases may be written joined (the number and month checks want whole words:
    "می‌شود" is no می). One lower-casing and one engine check for both."""
    lowered = text.lower()
    splitter = _word_splitter(lowered)
    if "\u200c" not in lowered:
        words = frozenset(splitter.split(lowered))
        return words, words
    words = frozenset(splitter.split(lowered.replace("\u200c", "")))
    return words, words.union(splitter.split(lowered))  # a ZWNJ splits as any other non-letter


def split_words(text: str) -> list[str]:
    """The words of `text` in order, lower-cased, split at spaces, punctuation and ZWNJ."""
    lowered = text.lower()
    return _word_splitter(lowered).split(lowered)


def _word_splitter(text: str) -> re.Pattern[str] | regex.Pattern[str]:
    """The pattern that splits `text` into words: `re`'s where it reads every character as `regex` does."""
    return _NOT_WORD_WITH_RE if re_agrees(text) else _NOT_WORD


@dataclass(frozen=True)
class SentenceContext:
    """One sentence handed to every finder: its text, its numbers, the date to resolve against, its
    words and those with the parts of joined words (`sentence_words`), and where the
    people it names end (when the entities were recognized), and whether it holds a digit."""

    text: str
    numbers: list[NumberMatch]
    reference_date: datetime.date | None
    words: frozenset[str]
    word_parts: frozenset[str]
    name_ends: frozenset[int] = frozenset()
    has_digits: bool = False
    # The numbers that are one exact value (not a range, not a vague ده‌ها); and the numbers and ranges
    # that are not ordinals and not vague: what amounts and counts stand on.
    single_numbers: list[NumberMatch] = field(default_factory=list)
    quantities: list[NumberMatch] = field(default_factory=list)

    @classmethod
    def read(cls, text: str, reference_date: datetime.date | None, name_ends: frozenset[int] = frozenset()) -> SentenceContext:
        words, word_parts = sentence_words(text)
        numbers = find_numbers(text, words)
        has_digits = any(number.has_digits for number in numbers) or _DIGIT.search(text) is not None
        return cls(
            text, numbers, reference_date, words, word_parts, name_ends, has_digits,
            [number for number in numbers if not number.is_range and not number.is_vague],
            [number for number in numbers if not number.is_vague and not number.is_ordinal],
        )


_DASH = regex.compile(rf"{OPTIONAL_GAP}[-–]{OPTIONAL_GAP}")
_PLAIN_DIGITS = regex.compile(r"\d+(?:\.\d+)?")
_SCALES = frozenset(Decimal(10) ** power for power in (0, 3, 6, 9, 12))  # none, هزار, میلیون, میلیارد, هزار میلیارد


def with_dash_ranges(text: str, numbers: list[NumberMatch]) -> list[NumberMatch]:
    """The numbers, with two joined by a dash read as one range: "20-30 هزار" is 20,000 to 30,000 (the
    scale after the second is shared), "600-500 میلیارد" 500 to 600 billion (either end may come first).
    For the finders whose unit tells a range from a score (5-1) or a code: money and percent."""
    merged: list[NumberMatch] = []
    for number in numbers:
        low = merged[-1] if merged else None
        dash_range = _dash_range(text, low, number) if low is not None else None
        if dash_range is not None:
            merged[-1] = dash_range
        else:
            merged.append(number)
    return merged


def _dash_range(text: str, first: NumberMatch, second: NumberMatch) -> NumberMatch | None:
    """first-second as one range, or None: both digits (the first with no scale), a dash between."""
    leading = _PLAIN_DIGITS.match(second.text)
    if (
        first.is_range or second.is_range or first.is_ordinal or second.is_ordinal
        or not _PLAIN_DIGITS.fullmatch(first.text) or leading is None or not _DASH.fullmatch(text, first.end, second.start)
    ):
        return None
    written = Decimal(leading.group())
    scale = Decimal(second.value) / written if written else Decimal(1)
    if scale not in _SCALES:  # "20-30 هزار و 500": no one scale shared
        return None
    low, high = sorted((Decimal(first.value) * scale, Decimal(second.value)))
    if low == high:
        return None
    return NumberMatch(
        value=exact(Fraction(low)), high=exact(Fraction(high)), start=first.start, end=second.end,
        text=text[first.start : second.end], has_digits=True,
    )


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return lexicons.canonical(self.text)


def word_after(text: str, position: int) -> Word | None:
    """The word that follows `position`, skipping spaces (not punctuation)."""
    match = _WORD_AFTER.match(text, position)
    return Word(match.start(1), match.end(1), match.group(1)) if match else None


_VERB_PREFIXES = ("می\u200c", "نمی\u200c")


def starts_a_verb(text: str, start: int) -> bool:
    """Whether a verb with its prefix می or نمی joined by ZWNJ starts at `start` ("می‌دهم", "نمی‌رسد"):
    no noun and no month is written so."""
    return text.startswith(_VERB_PREFIXES, start)


def makes_a_compound_verb(word: Word, text: str) -> bool:
    """"شکست داد", "نام دارد", "تعیین شد": `word` and the light verb right after it make a verb (a number
    before them counts nothing)."""
    if word.key not in lexicons.words("compound_verb_words", "word"):
        return False
    following = word_after(text, word.end)
    return following is not None and following.text in lexicons.words("light_verbs", "word")


def word_before(text: str, position: int) -> Word | None:
    """The word that ends just before `position`, skipping spaces (not punctuation)."""
    match = _WORD_BEFORE.search(text, max(0, position - _LONGEST_WORD), position)
    return Word(match.start(1), match.end(1), match.group(1)) if match else None


@functools.cache
def _qualifier_pattern() -> tuple[regex.Pattern[str], dict[str, str]]:
    rows = lexicons.rows("qualifiers")
    alternation = lexicons.alternation([row["phrase"] for row in rows])
    pattern = regex.compile(rf"(?r){WORD_START}({alternation}){OPTIONAL_GAP}\Z")
    return pattern, {lexicons.canonical(row["phrase"]): row["qualifier"] for row in rows}


def qualifier_before(text: str, start: int) -> tuple[str, tuple[int, int] | None]:
    """(qualifier, its span) for the words just before a quantity: "بیش از 90" is more_than.

    The qualifier stays outside the fact's own span, as news annotators (PEYMA) mark quantities.
    """
    pattern, qualifiers = _qualifier_pattern()
    match = pattern.search(text, max(0, start - 20), start)
    if not match:
        return "exact", None
    return qualifiers[lexicons.canonical(match.group(1))], match.span(1)


def high_value(number: NumberMatch) -> int | float | None:
    return plain_number(number.high) if number.high is not None else None


def iso_span(start: datetime.date | None, end: datetime.date | None) -> str | None:
    """ISO 8601 for a resolved date: one day (2018-07-05) or an interval (2018-03-21/2019-03-20)."""
    if start is None or end is None:
        return None
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def plain_number(value: int | Decimal) -> int | float:
    """A JSON-friendly exact value: int when whole, float otherwise."""
    return value if isinstance(value, int) else float(value)
