"""Finds ages: N ساله said of a person. "بازیکن 27 ساله", "دروازه‌بان اسپانیایی 30 ساله", "وحید امیری 32
ساله" (after a person noun, a noun and its adjective, or a first name and a surname in ی), and "او 32 ساله
شد", "18 ساله بودم" (before a copula); N سال before سن or داشتن ("با 30 سال سن", "تنها 49 سال داشت"); and age
limits: "تیم زیر 23 سال", "کودکان زیر پنج سال", "بازیکنان بالای 30 سال". Elsewhere N ساله and N سال are
durations: قرارداد 6 ساله, محرومیت 2 ساله, "10 سال سابقه دارد"."""

from __future__ import annotations

import functools

import regex

from extractor import lexicons
from extractor.facts.candidates import Age
from extractor.facts.common import (
    SentenceContext,
    high_value,
    plain_number,
    qualifier_before,
    word_after,
    word_before,
)
from extractor.facts.rules import Registry, Rule
from extractor.patterns import GAP, OPTIONAL_GAP, WORD_END

# Each rule's pattern is matched right after a number.
_YEARS_OLD_OF_A_PERSON = Rule("person+number+years_old", lambda: rf"{OPTIONAL_GAP}ساله{WORD_END}")
_YEARS_UNDER_A_LIMIT = Rule("limit+number+years", lambda: rf"{OPTIONAL_GAP}ساله?{WORD_END}")
_YEARS_OF_AGE = Rule("number+years_of_age", lambda: rf"{OPTIONAL_GAP}سال{WORD_END}")
RULES = Registry((_YEARS_OLD_OF_A_PERSON, _YEARS_UNDER_A_LIMIT, _YEARS_OF_AGE))
_AGE_WORD = regex.compile(rf"{GAP}سن{WORD_END}")  # "۲۶ سال سن دارم"
_ADJECTIVE_ENDING = "ی"  # اسپانیایی, برزیلی; and the surnames امیری, مظاهری
_THAT = "که"  # "بازیکنی که 17 ساله است"


@functools.cache
def _person_nouns() -> frozenset[str]:
    return frozenset(map(lexicons.canonical, lexicons.column("person_nouns", "word")))


@functools.cache
def _person_nouns_in_two_words() -> frozenset[tuple[str, str]]:
    """The nouns written with ZWNJ, as two words: دروازه بان (not "و زیر" for وزیر)."""
    parts = (noun.replace("\u200c", " ").split() for noun in lexicons.column("person_nouns", "word"))
    return frozenset((words[0], words[1]) for words in parts if len(words) == 2)


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


def _said_of_a_person(text: str, number_start: int, end: int, name_ends: frozenset[int]) -> bool:
    if _after_a_name(text, number_start, name_ends):
        return True
    nearest, *farther = _two_words_before(text, number_start) or [""]
    if nearest in _person_nouns() or (farther and (farther[0], nearest) in _person_nouns_in_two_words()):
        return True
    if farther and nearest.endswith(_ADJECTIVE_ENDING) and (farther[0] in _person_nouns() or farther[0] in lexicons.starting_first_names()):
        return True
    return _before_a_copula(text, end, nearest)


def _after_a_name(text: str, number_start: int, name_ends: frozenset[int]) -> bool:
    """"نیمار 20 ساله", "جواد نکونام 33 ساله": right after a person the entity recognizer named."""
    before = word_before(text, number_start)
    return before is not None and before.end in name_ends


def _before_a_copula(text: str, end: int, word_before_number: str) -> bool:
    """"او 32 ساله شد", "18 ساله بودم", "که 17 ساله است": است and هست only after a pronoun or که, as a
    thing is N years too ("قرارداد با این تیم دو ساله است", "عقبه 60 ساله است")."""
    after = word_after(text, end)
    copulas = _copulas()
    if after is None or after.text not in copulas:
        return False
    needs_a_pronoun = copulas[after.text]
    return not needs_a_pronoun or word_before_number == _THAT or word_before_number in lexicons.words("pronouns", "word")


@functools.cache
def _copulas() -> dict[str, bool]:
    """Each copula, and whether it needs a pronoun or که before the number."""
    return {row["word"]: row["after_a_pronoun"] == "yes" for row in lexicons.rows("copulas")}


def _after_an_age_limit(text: str, number_start: int) -> bool:
    """"زیر 23 سال", "بالای 30 سال": an age group, the limit word right before the number."""
    before = word_before(text, number_start)
    return before is not None and before.text in lexicons.words("age_limit_words", "word")


def _age_end(text: str, number_start: int, number_end: int, name_ends: frozenset[int]) -> tuple[int, Rule] | None:
    """(end, rule) of the age a number starts, or None."""
    years_old = _YEARS_OLD_OF_A_PERSON.compiled.match(text, number_end)
    if years_old and _said_of_a_person(text, number_start, years_old.end(), name_ends):
        return years_old.end(), _YEARS_OLD_OF_A_PERSON
    years = _YEARS_UNDER_A_LIMIT.compiled.match(text, number_end)
    if years and _after_an_age_limit(text, number_start):
        return years.end(), _YEARS_UNDER_A_LIMIT
    years = _YEARS_OF_AGE.compiled.match(text, number_end)  # not ساله: "قدمتی 800 ساله دارد", "قرارداد دو ساله داشت"
    if years and _years_of_age(text, years.end()):
        return years.end(), _YEARS_OF_AGE
    return None


def _years_of_age(text: str, end: int) -> bool:
    """"با 30 سال سن", "۲۶ سال سن دارم", "تنها 49 سال داشت": years of age, or years had (not "10 سال سابقه
    دارد")."""
    if _AGE_WORD.match(text, end):
        return True
    verb = word_after(text, end)
    return verb is not None and verb.text in lexicons.words("age_verbs", "word")


def find(sentence: SentenceContext) -> list[Age]:
    found = []
    for number in sentence.quantities:
        age = _age_end(sentence.text, number.start, number.end, sentence.name_ends)
        if age is None:
            continue
        qualifier, qualifier_span = qualifier_before(sentence.text, number.start)
        found.append(
            Age(
                number.start, age[0], age[1], plain_number(number.value), "year", qualifier, qualifier_span,
                value_high=high_value(number),
            )
        )
    return found
