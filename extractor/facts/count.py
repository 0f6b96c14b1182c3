"""Finds counts: a number followed by the noun it counts (22 واحد, 250 طرح); تن and نفر count people."""

from __future__ import annotations

import functools

from extractor import lexicons
from extractor.facts.common import (
    Candidate,
    SentenceContext,
    Word,
    high_value,
    plain_number,
    qualifier_before,
    word_after,
    word_before,
)

_PEOPLE_WORDS = {"نفر": "person", "تن": "person"}
_TONNE_WORD = "تن"


@functools.cache
def _not_counted_nouns() -> frozenset[str]:
    """Words after a number that are not what it counts: function words, units other finders own."""
    words = [*lexicons.column("function_words", "word"), *lexicons.column("months", "name")]
    words += lexicons.column("weekdays", "name")
    words += [word + suffix for word in lexicons.column("currencies", "word") for suffix in ("", "ی")]
    words += ["درصد", "درصدی", *lexicons.column("time_units", "word")]
    words += [scale + "ی" for scale in lexicons.column("scales", "word")]  # "جمعیت 8 میلیونی" counts nothing
    words += lexicons.column("verbs", "word")  # "بیش از 5 خواهد شد"
    return frozenset(map(lexicons.canonical, words))


def _makes_a_verb(noun: Word, text: str) -> bool:
    """"یک بر صفر شکست داد", "10.5 نام دارد": the word after the number makes a verb with the light verb
    after it; it counts nothing."""
    if noun.key not in lexicons.words("compound_verb_words", "word"):
        return False
    following = word_after(text, noun.end)
    return following is not None and following.text in lexicons.words("light_verbs", "word")


@functools.cache
def _number_labels() -> frozenset[str]:
    return frozenset(map(lexicons.canonical, lexicons.column("number_labels", "word")))


@functools.cache
def _mass_nouns() -> frozenset[str]:
    return frozenset(map(lexicons.canonical, lexicons.column("mass_nouns", "word")))


def _unit(noun: Word, text: str) -> tuple[str, str]:
    """(unit, rule) for the counted noun; تن before a mass noun (هزار تن گندم) weighs, it does not count."""
    if noun.text == _TONNE_WORD:
        following = word_after(text, noun.end)
        if following is not None and following.key in _mass_nouns():
            return "tonne", "number+tonne"
    if noun.text in _PEOPLE_WORDS:
        return _PEOPLE_WORDS[noun.text], "number+people_word"
    return noun.text, "number+noun"


def find(sentence: SentenceContext) -> list[Candidate]:
    found = []
    for number in sentence.quantities:
        if number.is_bare_one:
            continue
        noun = word_after(sentence.text, number.end)
        if noun is None or noun.key in _not_counted_nouns() or _makes_a_verb(noun, sentence.text):
            continue
        label = word_before(sentence.text, number.start)
        if label is not None and label.key in _number_labels():
            continue
        unit, rule = _unit(noun, sentence.text)
        qualifier, qualifier_span = qualifier_before(sentence.text, number.start)
        details = {"value_high": high_value(number)}
        found.append(
            Candidate(
                "count", number.start, noun.end, rule, plain_number(number.value), unit, qualifier, details,
                qualifier_span,
            )
        )
    return found
