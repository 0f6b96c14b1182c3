"""Owns whether تن after a number weighs (tonnes) or counts people: "5 هزار تن گندم" and "470 تن از کارگران"."""

from __future__ import annotations

import functools

import regex

from extractor import lexicons
from extractor.facts.common import DEMONSTRATIVES, Word, word_after, word_before
from extractor.patterns import GAP, OPTIONAL_GAP, WORD, WORD_END

_OF = "از"
_ANIMATE_PLURAL = regex.compile(r"..انی?$")  # Persian keeps the plural in ان for the living
_SCALE = regex.compile(r"(?:هزار|میلیون|میلیارد)")
_TONNE_AND_WEIGHT = regex.compile(rf"{GAP}و{OPTIONAL_GAP}\d+{OPTIONAL_GAP}(?:کیلوگرم|کیلو|گرم){WORD_END}")  # "358 تن و 270 کیلوگرم"


@functools.cache
def _mass_nouns() -> frozenset[str]:
    return frozenset(map(lexicons.canonical, lexicons.column("mass_nouns", "word")))


@functools.cache
def _tonne_contexts() -> dict[tuple[str, str], frozenset[str]]:
    """(position, reading) -> the words that, before the number or right after تن, read تن so."""
    contexts: dict[tuple[str, str], set[str]] = {}
    for row in lexicons.rows("tonne_contexts"):
        contexts.setdefault((row["position"], row["reading"]), set()).add(lexicons.canonical(row["word"]))
    return {key: frozenset(words) for key, words in contexts.items()}


def weighs(tonne: Word, number_start: int, text: str) -> bool:
    """Whether "N تن" weighs. People after a word of people right after تن ("470 تن از کارگران", "60 تن
    دیگر", "3 تن کشته") or right before the number ("خط تولید آن برای 80 تن فرصت شغلی"); tonnes before a
    mass noun or a word of tonnage ("5 هزار تن گندم", "63 میلیون تن تولید") or a smaller weight ("358 تن و
    270 کیلوگرم"), or after a word of tonnage anywhere before it in the sentence ("ظرفیت تولید سالانه 100
    هزار تن"); "تن از" weighs when no people follow از and a mass or a scale is there (`_of_a_mass`); people
    otherwise ("اشتغال برای 470 تن")."""
    following, preceding = word_after(text, tonne.end), word_before(text, number_start)
    if following is not None and following.key == _OF and _of_a_mass(text, number_start, tonne.start, following.end):
        return True
    if following is not None and following.key in _tonne_contexts()[("after", "person")]:
        return False
    if preceding is not None and preceding.key in _tonne_contexts()[("right_before", "person")]:
        return False
    if following is not None and (following.key in _mass_nouns() or following.key in _tonne_contexts()[("after", "tonne")]):
        return True  # "5 هزار تن گندم", "63 میلیون تن تولید"
    if _TONNE_AND_WEIGHT.match(text, tonne.end):
        return True
    return not _tonne_contexts()[("before", "tonne")].isdisjoint(map(lexicons.canonical, WORD.findall(text, 0, tonne.start)))


def _of_a_mass(text: str, number_start: int, tonne_start: int, of_end: int) -> bool:
    """"2 میلیون تن از اهداف برنامه در بخش فولاد", "800 هزار تن از سوی بخش خصوصی": after تن از no people,
    and a mass named in the sentence or a scale on the number (not "470 تن از کارگران")."""
    if _people_after(text, of_end):
        return False
    return _names_a_mass(text) or _SCALE.search(text, number_start, tonne_start) is not None


def _people_after(text: str, position: int) -> bool:
    """Whether people are named right after `position`: a person noun or pronoun, or a plural in ان, which
    Persian keeps for the living ("از کارگران", "از مأموران", "از کارکنانی", "از این افراد")."""
    word = word_after(text, position)
    if word is not None and word.text in DEMONSTRATIVES:
        word = word_after(text, word.end)
    if word is None:
        return False
    return word.key in _people_nouns() or _ANIMATE_PLURAL.search(word.key) is not None


@functools.cache
def _people_nouns() -> frozenset[str]:
    return frozenset(map(lexicons.canonical, [*lexicons.column("person_nouns", "word"), *lexicons.column("pronouns", "word")]))


def _names_a_mass(text: str) -> bool:
    return not _mass_nouns().isdisjoint(map(lexicons.canonical, WORD.findall(text)))
