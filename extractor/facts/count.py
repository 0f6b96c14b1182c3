"""Finds counts: a number followed by the noun it counts (22 واحد, 250 طرح); تن and نفر count people."""

from __future__ import annotations

import functools

import regex

from extractor import lexicons
from extractor.facts import tonne
from extractor.facts.candidates import Count
from extractor.facts.common import (
    DEMONSTRATIVES,
    SentenceContext,
    Word,
    high_value,
    makes_a_compound_verb,
    plain_number,
    qualifier_before,
    starts_a_verb,
    word_after,
    word_before,
)
from extractor.facts.rules import Registry, Rule
from extractor.numbers import NumberMatch, parse_number
from extractor.numbers.vocabulary import starting_words
from extractor.patterns import GAP, OPTIONAL_GAP, WORD, WORD_END, WORD_OR_NUMBER_START, WORD_START

# By key (ZWNJ removed): نفر and تن, and the adjectives of نفر ("تیم 23 نفره", "جمعیت 811 هزار نفری", "کمیته چهار
# نفره‌ای"): people too (not تنی: "کامیون 10 تنی" weighs).
_PEOPLE_WORDS = {"نفر": "person", "تن": "person", "نفری": "person", "نفره": "person", "نفرهای": "person"}
# "بند 7 و 8", "هفته‌های 17، 18 و 20": a label (or its plural), numbers and a conjunction before the number
# (searched backwards: see patterns.WORD_BEFORE).
_LABEL_AND_NUMBER_BEFORE = regex.compile(
    rf"(?r){WORD_START}(?P<label>[\p{{L}}\p{{M}}]+)(?:[ \u200c]?های?)?{GAP}(?:\d+{OPTIONAL_GAP}[،,]{OPTIONAL_GAP})*"
    rf"\d+{OPTIONAL_GAP}(?:و|تا|یا|،|,){OPTIONAL_GAP}\Z"
)
_LABEL_LOOK_BACK = 40
# A bare نیم or ربع before a noun makes a compound (نیم فصل, نیم کره, ربع سکه, ربع قرن): no count of a part.
_COMPOUND_PREFIXES = frozenset({"نیم", "ربع"})
_LATIN_LETTER = regex.compile(r"\p{Latin}")
_SCORE_BEFORE = regex.compile(rf"\d{OPTIONAL_GAP}[-–]{OPTIONAL_GAP}\Z")  # "3-2", "5 - 1": a score or a range of digits
_SCORE_WORD_BEFORE = regex.compile(rf"{WORD_OR_NUMBER_START}(?P<first>[\p{{L}}\p{{M}}\d]+){GAP}بر{GAP}\Z")  # "سه بر دو"
_LONGEST_NUMBER_WORD = 16  # how far back "سه بر" is looked for
_TONNE_WORD = "تن"
_PERSON_CLASSIFIER = "نفر"
_LIST_SEPARATOR_AFTER = regex.compile(rf"{OPTIONAL_GAP}(?:[،,]|و{GAP})")
_LIST_LEADS = frozenset({"با", "به"})
_LONGEST_LIST_GAP = 120
_CLAUSE_END = regex.compile(r"[.؛:!?\n]")
_BAN = "محرومیت"
_PERSON_AFTER = regex.compile(rf"{GAP}(?:نفر|تن){WORD_END}")
_CASUALTY_LOOK_AHEAD = 40


@functools.cache
def _not_counted_nouns() -> frozenset[str]:
    """Words after a number that are not what it counts: function words, units other finders own."""
    words = [*lexicons.column("function_words", "word"), *lexicons.column("months", "name")]
    words += lexicons.column("weekdays", "name")
    words += [form for word in lexicons.column("currencies", "word") for form in (word, *lexicons.suffixed_forms(word))]
    words += lexicons.column("uncounted_words", "word")  # "دو برابر", "سه جانبه", "یک چهارم نهایی"
    words += ["درصد", "درصدی", *lexicons.column("time_units", "word")]
    words += [scale + "ی" for scale in lexicons.column("scales", "word")]  # "جمعیت 8 میلیونی" counts nothing
    words += lexicons.column("verbs", "word")  # "بیش از 5 خواهد شد"
    # "سه بر صفر ایران را شکست داد", "جام ملت‌های 2015 آسیا": a place is never what a number counts.
    words += lexicons.single_word_places()
    return frozenset(map(lexicons.canonical, words))


def _starts_a_place(word: Word | None, text: str) -> bool:
    """"2 ایالات متحده", "5 کره جنوبی", "استان چهار محال و بختیاری": the word starts a place name of
    several words."""
    return word is not None and any(
        text.startswith(name, word.start) and not text[word.start + len(name) : word.start + len(name) + 1].isalpha()
        for name in lexicons.places_starting_with(word.text)
    )


@functools.cache
def _number_labels() -> frozenset[str]:
    return frozenset(map(lexicons.canonical, lexicons.column("number_labels", "word")))


@functools.cache
def _listed_labels() -> frozenset[str]:
    """The labels whose numbers come in lists (بند 7 و 8); not سال: "سال 2015 و 20 نفر" counts 20."""
    return frozenset(lexicons.canonical(row["word"]) for row in lexicons.rows("number_labels") if row["listed"] == "yes")


@functools.cache
def _measure_unit_pattern() -> regex.Pattern[str]:
    return regex.compile(rf"{lexicons.alternation(lexicons.column('measure_units', 'phrase'))}{WORD_END}")


def _with_measure_unit(noun: Word, text: str) -> Word:
    """"300 متر مربع", "20 سانتی متر", "500 کیلو وات": a unit of measure written as several words is the
    unit (as written), not its first word (متر, سانتی, کیلو)."""
    unit = _measure_unit_pattern().match(text, noun.start)
    return Word(noun.start, unit.end(), unit.group()) if unit is not None and unit.end() > noun.end else noun


@functools.cache
def _classifiers() -> frozenset[str]:
    """The words that count (نفر, مورد, فقره, دستگاه, کشته): after a bare یک they make a count of one."""
    return frozenset(map(lexicons.canonical, lexicons.column("classifiers", "word")))


# The counted noun is the word after the number (common.word_after), or a unit of measure of several words.
_NUMBER_AND_NOUN = Rule("number+noun")
_NUMBER_OF_A_LIST_WITH_ITS_UNIT = Rule("list_number+unit_of_list")  # "زیره با 411، زعفران با 68 ... هکتار"
_NUMBER_AND_PEOPLE_WORD = Rule("number+people_word")
_NUMBER_AND_TONNE = Rule("number+tonne")
RULES = Registry((_NUMBER_AND_NOUN, _NUMBER_AND_PEOPLE_WORD, _NUMBER_AND_TONNE, _NUMBER_OF_A_LIST_WITH_ITS_UNIT))


def _unit(noun: Word, number_start: int, text: str) -> tuple[str, Rule]:
    """(unit, rule) for the counted noun; تن weighs when `tonne.weighs` says so, and counts people otherwise."""
    if noun.text == _TONNE_WORD and tonne.weighs(noun, number_start, text):
        return "tonne", _NUMBER_AND_TONNE
    people = _PEOPLE_WORDS.get(noun.key)
    return (people, _NUMBER_AND_PEOPLE_WORD) if people is not None else (noun.text, _NUMBER_AND_NOUN)


def _second_of_a_score(text: str, number_start: int) -> bool:
    """"شکست 5-1 سیتی", "سه بر دو مقابل ناپولی", "25 بر 23 مغلوب": the second number of a score."""
    if _SCORE_BEFORE.search(text, max(0, number_start - 4), number_start):
        return True
    score = _SCORE_WORD_BEFORE.search(text, max(0, number_start - _LONGEST_NUMBER_WORD), number_start)
    return score is not None and parse_number(score.group("first")) is not None


def _is_counted(noun: Word, number_start: int, text: str) -> bool:
    """Whether the word after a number is what the number counts: not a function word or a unit other
    finders own, not part of a verb, not a place, not a word in Latin letters, and the number is no
    label's (شماره 5)."""
    if _LATIN_LETTER.search(noun.text):
        return False  # "30 percent", "5 million": English is left alone, not read as a count of "percent"
    if noun.key in _not_counted_nouns() or noun.text in lexicons.starting_first_names() or makes_a_compound_verb(noun, text):
        return False  # "(55 یوسف سیدی)": the minute of a substitution and a player's name
    if starts_a_verb(text, noun.start):  # "به 98 می‌رسد"
        return False
    if noun.text in starting_words():
        return False  # "دو سه برابر": two or three times; a number word counts nothing
    if _second_of_a_score(text, number_start):
        return False
    if _starts_a_place(noun, text) or _starts_a_place(word_after(text, number_start), text):
        return False
    return not _labelled(text, number_start)


def _labelled(text: str, number_start: int) -> bool:
    """Whether the number is a label's: "شماره 5", and the second of "بند 7 و 8 پیش‌نویس" (not after a
    demonstrative: "این منطقه 74 تن زخمی شدند")."""
    label = word_before(text, number_start)
    if label is not None and label.key in _number_labels():
        demonstrative = word_before(text, label.start)  # "این منطقه 74 تن": this region, no label
        return demonstrative is None or demonstrative.text not in DEMONSTRATIVES
    listed = _LABEL_AND_NUMBER_BEFORE.search(text, max(0, number_start - _LABEL_LOOK_BACK), number_start)
    return listed is not None and lexicons.canonical(listed.group("label")) in _listed_labels()


def _counts_one(noun: Word, number_start: int, sentence: SentenceContext) -> bool:
    """Whether a bare یک counts its noun (it is mostly the indefinite article: "یک طرح"): before a word
    that counts ("یک مورد", "یک دستگاه", "فوت یک تن") or the length of a ban ("یک جلسه محرومیت"); نفر,
    also "someone" ("وقتی یک نفر می‌آید"), only in a list of people ("12 نفر زن و یک نفر مرد"), after a
    qualifier ("حداقل یک نفر") or before a word of casualties or arrest ("یک نفر دستگیر شد")."""
    if noun.key not in _classifiers():
        penalty = word_after(sentence.text, noun.end)  # "یک جلسه محرومیت", "یک بازی محرومیت": a ban's length
        return penalty is not None and penalty.text == _BAN
    if noun.key != _PERSON_CLASSIFIER:
        return True
    text = sentence.text
    if qualifier_before(text, number_start)[1] is not None:
        return True
    if any(number.start != number_start and _PERSON_AFTER.match(text, number.end) for number in sentence.quantities):
        return True
    following = WORD.findall(text, noun.end, noun.end + _CASUALTY_LOOK_AHEAD)[:3]
    return not _casualty_words().isdisjoint(map(lexicons.canonical, following))


@functools.cache
def _casualty_words() -> frozenset[str]:
    return frozenset(map(lexicons.canonical, lexicons.column("casualty_words", "word")))


def _units_of_lists(sentence: SentenceContext, counts: list[Count]) -> list[Count]:
    """"فلفل با 450 هکتار، زیره با 411، زعفران با 68 و نعناع با 18 هکتار": a number with no noun of its own,
    followed by a list's comma or و, counts the unit of a count of the same list: one introduced by the
    same preposition (با, به), with no clause's end between them."""
    text, found = sentence.text, []
    counted_starts = {count.start for count in counts}
    leads: list[str | None] = []  # each count's lead word, found once and only when a number needs them
    for number in sentence.quantities:
        if number.start in counted_starts or not _LIST_SEPARATOR_AFTER.match(text, number.end):
            continue
        lead = _lead_word(text, number.start)
        if lead is None or lead not in _LIST_LEADS:
            continue
        leads = leads or [_lead_word(text, count.start) for count in counts]
        sibling = next(
            (count for count, count_lead in zip(counts, leads) if count_lead == lead and _same_list(text, number, count)),
            None,
        )
        if sibling is None:
            continue
        qualifier, qualifier_span = qualifier_before(text, number.start)
        found.append(
            Count(
                number.start, number.end, _NUMBER_OF_A_LIST_WITH_ITS_UNIT, plain_number(number.value), sibling.unit,
                qualifier, qualifier_span, value_high=high_value(number), counted_noun=sibling.counted_noun,
            )
        )
    return found


def _lead_word(text: str, start: int) -> str | None:
    """The word before a number, or before its qualifier ("با بیش از 270": با)."""
    qualifier_span = qualifier_before(text, start)[1]
    word = word_before(text, qualifier_span[0] if qualifier_span else start)
    return word.text if word is not None else None


def _same_list(text: str, number: NumberMatch, count: Count) -> bool:
    first_end, second_start = (number.end, count.start) if number.start < count.start else (count.end, number.start)
    between = text[first_end:second_start]
    return len(between) <= _LONGEST_LIST_GAP and _CLAUSE_END.search(between) is None


def find(sentence: SentenceContext) -> list[Count]:
    found = _found_counts(sentence)
    return found + _units_of_lists(sentence, found) if found else found


def _found_counts(sentence: SentenceContext) -> list[Count]:
    found = []
    for number in sentence.quantities:
        if number.text in _COMPOUND_PREFIXES:
            continue
        noun = word_after(sentence.text, number.end)
        noun = _with_measure_unit(noun, sentence.text) if noun is not None else None
        if noun is None or not _is_counted(noun, number.start, sentence.text):
            continue
        if number.is_bare_one and not _counts_one(noun, number.start, sentence):
            continue
        unit, rule = _unit(noun, number.start, sentence.text)
        qualifier, qualifier_span = qualifier_before(sentence.text, number.start)
        found.append(
            Count(
                number.start, noun.end, rule, plain_number(number.value), unit, qualifier, qualifier_span,
                value_high=high_value(number), counted_noun=noun.text,
            )
        )
    return found
