"""Finds ages: N ساله said of a person. "بازیکن 27 ساله", "دروازه‌بان اسپانیایی 30 ساله", "وحید امیری 32
ساله" (after a person noun, a noun and its adjective, or a first name and a surname in ی), and "او 32 ساله
شد" (before a copula). Elsewhere N ساله is a duration: قرارداد 6 ساله, محرومیت 2 ساله."""

from __future__ import annotations

import functools

import regex

from extractor import lexicons
from extractor.entities.patterns import starting_first_names
from extractor.facts.common import (
    Candidate,
    SentenceContext,
    high_value,
    plain_number,
    qualifier_before,
    word_after,
    word_before,
)

_YEARS_OLD = regex.compile(r"[ \u200c]*ساله(?![\p{L}\p{M}])")
_ADJECTIVE_ENDING = "ی"  # اسپانیایی, برزیلی; and the surnames امیری, مظاهری


@functools.cache
def _person_nouns() -> frozenset[str]:
    return frozenset(map(lexicons.canonical, lexicons.column("person_nouns", "word")))


def _two_words_before(text: str, start: int) -> list[str]:
    """The keys of the (at most) two words right before `start`, nearest first; none across punctuation."""
    keys = []
    for _ in range(2):
        word = word_before(text, start)
        if word is None or text[word.end : start].strip(" \u200c"):
            break
        keys.append(word.key)
        start = word.start
    return keys


def _said_of_a_person(text: str, number_start: int, end: int) -> bool:
    nearest, *farther = _two_words_before(text, number_start) or [""]
    if nearest in _person_nouns() or (farther and farther[0] + nearest in _person_nouns()):  # دروازه بان
        return True
    if farther and nearest.endswith(_ADJECTIVE_ENDING) and (farther[0] in _person_nouns() or farther[0] in starting_first_names()):
        return True
    after = word_after(text, end)
    return after is not None and after.text in lexicons.words("copulas", "word")


def find(sentence: SentenceContext) -> list[Candidate]:
    found = []
    for number in sentence.quantities:
        years_old = _YEARS_OLD.match(sentence.text, number.end)
        if not years_old or not _said_of_a_person(sentence.text, number.start, years_old.end()):
            continue
        qualifier, qualifier_span = qualifier_before(sentence.text, number.start)
        found.append(
            Candidate(
                "age", number.start, years_old.end(), "person+number+years_old", plain_number(number.value), "year",
                qualifier, {"value_high": high_value(number)}, qualifier_span,
            )
        )
    return found
