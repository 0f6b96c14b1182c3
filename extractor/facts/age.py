"""Finds ages: N ساله said of a person. "بازیکن 27 ساله", "دروازه‌بان اسپانیایی 30 ساله", "وحید امیری 32
ساله" (after a person noun, also indefinite: "مردی 45 ساله", a noun and its adjective, or a first name and a
surname in ی; a qualifier between: "خانم حدودا 65 ساله"), and "او 32 ساله شد", "18 ساله بودم" (before a
copula); the ages of several people at once ("دو برادر 14 و 16 ساله": both); N سال before سن or داشتن ("با
30 سال سن", "با 36 سال و یک ماه سن", "تنها 49 سال داشت") or after سن ("میانگین سنی آنان 34 سال است"); and age
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
from extractor.numbers import NumberMatch, whole_number
from extractor.patterns import GAP, OPTIONAL_GAP, WORD_END

# Each rule's pattern is matched right after a number.
_YEARS_OLD_OF_A_PERSON = Rule("person+number+years_old", lambda: rf"{OPTIONAL_GAP}ساله{WORD_END}")
_YEARS_UNDER_A_LIMIT = Rule("limit+number+years", lambda: rf"{OPTIONAL_GAP}ساله?{WORD_END}")
_YEARS_OF_AGE = Rule("number+years_of_age", lambda: rf"{OPTIONAL_GAP}سال{WORD_END}")
RULES = Registry((_YEARS_OLD_OF_A_PERSON, _YEARS_UNDER_A_LIMIT, _YEARS_OF_AGE))
_AGE_WORD = regex.compile(rf"{GAP}سن{WORD_END}")  # "۲۶ سال سن دارم"
_AND_MONTHS = regex.compile(rf"{GAP}و{GAP}(?P<months>\d{{1,2}}|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده){GAP}ماه{WORD_END}")
_AGE_NOUNS = frozenset({"سن", "سنی"})  # "میانگین سنی آنان 34 سال": the words before say it is an age
_PHRASE_ENDS = frozenset({"و", "سال"})
_LIST_JOINER = regex.compile(rf"{OPTIONAL_GAP}(?:و|،|,){OPTIONAL_GAP}")  # "14 و 16 ساله", "22، 23 و 24 ساله"
_ADJECTIVE_ENDING = "ی"  # اسپانیایی, برزیلی; and the surnames امیری, مظاهری
_NAME_BEFORE = regex.compile(r"(?r)(?P<word>[\p{L}\u200c]+)[\"»”]?\s*[،,]?\s*\Z")  # a word, its closing quote, a comma
_LONGEST_NAME = 30
_SUFFIXES = regex.compile(r"(?:ای|های|ها|ی|ان|مان|تان|شان)$")
_THAT = "که"  # "بازیکنی که 17 ساله است"
_PLURAL_WITH_EZAFE = "های"  # "بازیکنان قراردادهای یک ساله": a noun, not an adjective


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
    if _is_person_noun(nearest) or (farther and (farther[0], nearest) in _person_nouns_in_two_words()):
        return True
    if farther and nearest.endswith(_ADJECTIVE_ENDING) and not nearest.endswith(_PLURAL_WITH_EZAFE) and (farther[0] in _person_nouns() or farther[0] in lexicons.starting_first_names()):
        return True
    return _before_a_copula(text, end, nearest) or _after_an_unknown_name(text, number_start)


def _is_person_noun(word: str) -> bool:
    """A person noun, or one with the indefinite ی ("مردی 45 ساله", "دختری 12ساله")."""
    nouns = _person_nouns()
    return word in nouns or (word.endswith(_ADJECTIVE_ENDING) and word[:-1] in nouns)


def _after_an_unknown_name(text: str, number_start: int) -> bool:
    """"پوگبا 23 ساله", "گریژمان 28 ساله", "به نام «م.ت» 29 ساله", "«راعد ابوزید»، 14 ساله": right after a
    word that no dictionary of Persian holds, with or without its suffixes (قدمتی, تلاش‌های, قراردادمان
    are known): in news, a name, most often foreign or an initial."""
    before = _NAME_BEFORE.search(text, max(0, number_start - _LONGEST_NAME), number_start)
    if before is None:
        return False
    word = before.group("word").replace("\u200c", "")
    known = lexicons.dictionary_words()
    return word not in known and _SUFFIXES.sub("", word) not in known and not word.isdigit()


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


def _age_end(text: str, start: int, words_before: int, number_end: int, name_ends: frozenset[int]) -> tuple[int, Rule, int] | None:
    """(end, rule, months past the years) of the age told by the number (or list of numbers) from `start`
    to `number_end`, or None; the words that say whose age it is end at `words_before` (`start`, or its
    qualifier's start: "خانم حدودا 65 ساله")."""
    years_old = _YEARS_OLD_OF_A_PERSON.compiled.match(text, number_end)
    if years_old and _said_of_a_person(text, words_before, years_old.end(), name_ends):
        return years_old.end(), _YEARS_OLD_OF_A_PERSON, 0
    years = _YEARS_UNDER_A_LIMIT.compiled.match(text, number_end)
    if years and _after_an_age_limit(text, start):
        return years.end(), _YEARS_UNDER_A_LIMIT, 0
    years = _YEARS_OF_AGE.compiled.match(text, number_end)  # not ساله: "قدمتی 800 ساله دارد", "قرارداد دو ساله داشت"
    if years is None:
        return None
    months = _AND_MONTHS.match(text, years.end())
    end = months.end() if months else years.end()
    if _years_of_age(text, end) or (months is None and _after_an_age_noun(text, words_before)):
        return end, _YEARS_OF_AGE, (whole_number(months["months"]) or 0) if months else 0
    return None


def _years_of_age(text: str, end: int) -> bool:
    """"با 30 سال سن", "۲۶ سال سن دارم", "تنها 49 سال داشت": years of age, or years had (not "10 سال سابقه
    دارد")."""
    if _AGE_WORD.match(text, end):
        return True
    verb = word_after(text, end)
    return verb is not None and verb.text in lexicons.words("age_verbs", "word")


def _after_an_age_noun(text: str, start: int) -> bool:
    """"میانگین سنی آنان 34 سال", "سن او 40 سال است": سن among the three words before the number, in its
    phrase (not "50 سال سن و 30 سال سابقه")."""
    for _ in range(3):
        word = word_before(text, start)
        if word is None or text[word.end : start].strip(" \u200c") or word.key in _PHRASE_ENDS:
            return False
        if word.key in _AGE_NOUNS:
            return True
        start = word.start
    return False


def _lists(numbers: list[NumberMatch], text: str) -> list[list[NumberMatch]]:
    """The numbers in runs joined by و or a comma ("14 و 16"), each run in text order."""
    runs: list[list[NumberMatch]] = []
    for number in sorted(numbers, key=lambda number: number.start):
        if runs and _LIST_JOINER.fullmatch(text, runs[-1][-1].end, number.start):
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


def find(sentence: SentenceContext) -> list[Age]:
    text, found = sentence.text, []
    for run in _lists(sentence.quantities, text):
        first, last = run[0], run[-1]
        if not _YEARS_UNDER_A_LIMIT.compiled.match(text, last.end):
            continue  # no سال or ساله after the last number: no age (the cheap test, first)
        qualifier, qualifier_span = qualifier_before(text, first.start)
        age = _age_end(text, first.start, qualifier_span[0] if qualifier_span else first.start, last.end, sentence.name_ends)
        if age is None and len(run) > 1:  # not a list of ages: the last number alone ("2، 16 ساله" is rare)
            run, first = [last], last
            qualifier, qualifier_span = qualifier_before(text, last.start)
            age = _age_end(text, last.start, qualifier_span[0] if qualifier_span else last.start, last.end, sentence.name_ends)
        if age is None:
            continue
        end, rule, months = age
        for number in run:
            value = plain_number(number.value) if not months else round(float(number.value) + months / 12, 4)
            found.append(
                Age(
                    number.start, end if number is last else number.end, rule, value, "year", qualifier,
                    qualifier_span if number is first else None, value_high=high_value(number),
                )
            )
    return found
