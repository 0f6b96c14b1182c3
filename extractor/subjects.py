"""Owns what a quantity measures and where: the subject noun phrase of a count, money or percent fact
(واحد صنعتی فعال استان, اعتبار, صنعت استان) and the place its sentence puts it in (در قم)."""

from __future__ import annotations

import functools

import regex

from extractor import lexicons
from extractor.entities import Mention
from extractor.patterns import GAP, WORD, WORD_START

MEASURED_KINDS = ("count", "money", "percent")
_MOST_WORDS_AFTER = 3
_MOST_WORDS_BEFORE = 4
_GAP = regex.compile(GAP)
_PART_OF = "از"  # "30 درصد از جمعیت": the percentage of what follows از
_IN_PLACE = regex.compile(rf"{WORD_START}در{GAP}(?:(?:استان|شهر|شهرستان|کشور){GAP})?$")


@functools.cache
def _stop_words() -> frozenset[str]:
    """Words a subject never holds: prepositions, verbs, pronouns, qualifiers, and words of relation."""
    phrases = [
        *lexicons.column("function_words", "word"),
        *lexicons.column("verbs", "word"),
        *lexicons.column("speech_verbs", "phrase"),
        *lexicons.column("pronouns", "word"),
        *lexicons.column("qualifiers", "phrase"),
        *lexicons.column("verb_nouns", "word"),
        *lexicons.column("subject_stop_words", "word"),
    ]
    return frozenset(word for phrase in phrases for word in phrase.split())


def subject(
    text: str, kind: str, start: int, end: int, sentence_start: int, sentence_end: int, counted_noun: str | None = None
) -> str | None:
    """The noun phrase the quantity text[start:end] measures, within its sentence; `counted_noun` is a
    count's noun as its finder read it.

    A count's own noun leads the words after it (22 واحد + صنعتی فعال استان); money and percent take
    the words after them (90 درصد صنعت استان, 28 میلیارد تومان اعتبار); when none follow, the words
    before (با اعتبار 30 میلیارد, کارکنان شرکت 500 نفر).
    """
    after = _words_after(text, end, sentence_end, skip_part_of=kind == "percent")
    if kind == "count" and after:
        return " ".join([counted_noun, *after])
    if after:
        return " ".join(after)
    before = _words_before(text, start, sentence_start)
    if kind == "count":  # "کارکنان شرکت 500 نفر است"; else only the counted noun: "برای 470 تن"
        return " ".join(before) or counted_noun
    return " ".join(before) or None


def location(text: str, start: int, end: int, sentence_start: int, sentence_end: int, places: list[Mention]) -> str | None:
    """The place the sentence puts the quantity in: the nearest LOC written after "در" in the sentence."""
    placed = [
        place for place in places
        if sentence_start <= place.start and place.end <= sentence_end and _IN_PLACE.search(text, sentence_start, place.start)
    ]
    if not placed:
        return None
    nearest = min(placed, key=lambda place: min(abs(place.start - end), abs(start - place.end)))
    return nearest.canonical or text[nearest.start : nearest.end]


def _words_after(text: str, position: int, limit: int, skip_part_of: bool) -> list[str]:
    words: list[str] = []
    for match in WORD.finditer(text, position, limit):
        gap = text[position : match.start()]
        if _GAP.fullmatch(gap) is None or len(words) == _MOST_WORDS_AFTER:
            break
        if skip_part_of and not words and match.group() == _PART_OF:
            position = match.end()
            continue
        if match.group() in _stop_words():
            break
        words.append(match.group())
        position = match.end()
    return words


def _words_before(text: str, position: int, limit: int) -> list[str]:
    words: list[str] = []
    for match in reversed(list(WORD.finditer(text, max(limit, position - 60), position))):
        if _GAP.fullmatch(text[match.end() : position]) is None or len(words) == _MOST_WORDS_BEFORE:
            break
        if match.group() in _stop_words():
            break
        words.insert(0, match.group())
        position = match.start()
    return words
