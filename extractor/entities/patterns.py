"""Owns what the entity recognizer looks for: the lexicons as phrases to match, each under a match
key that says what a hit means (an entity, or a context word that starts one), and the words that
end a name.
"""

from __future__ import annotations

import functools
import itertools
from typing import NamedTuple

from extractor import lexicons

PLACE, CITY, ORGANIZATION, PERSON = "place", "city", "organization", "person"
# Cities are apart from the other places: a city is also its team ("فرانکفورت", "لیون"), which a trained
# model may know better (entities/merge.py); a country or a province is a place.
CITY_KINDS = frozenset({"iran_city", "world_city"})


class LexiconRule(NamedTuple):
    """An entity found by a lexicon alone: its label, its rule's name, and whether a number right before
    unmakes it (a famous person's short name: "۳ روحانی" counts clerics, "روحانی" alone is the president)."""

    label: str
    rule: str
    not_after_a_number: bool = False


# Keys of phrase matcher hits that are entities themselves: key -> its rule.
ENTITY_KEYS = {
    PLACE: LexiconRule("LOC", "place"),
    CITY: LexiconRule("LOC", "city"),
    ORGANIZATION: LexiconRule("ORG", "organization"),
    "agency": LexiconRule("ORG", "agency"),
    PERSON: LexiconRule("PERSON", "person"),
    "person_short": LexiconRule("PERSON", "person_short", not_after_a_number=True),
}
# Keys of hits that start an entity only together with the words after them (see context.py).
HEAD, FIRST_NAME, HONORIFIC, AGENCY_CONTEXT = "head", "first_name", "honorific", "agency_context"
RELIGIOUS_TITLE, MINISTER = "religious_title", "minister"
CREDIT, SPEAKER_CUE, TITLE = "credit", "speaker_cue", "title"
PLACE_HEAD, PLACE_AFTER_HEAD = "place_head", "place_after_head"
_SAYYID = ("سید", "سیده")  # "سید علی", "سیدمحمد": a descendant of the Prophet, written before the first name

_MOST_JOINED_GAPS = 3  # spelling variants (apart, ZWNJ, joined) only for names of up to four words


@functools.cache
def place_directions() -> frozenset[str]:
    """"شمال", "جنوب غرب": the place heads that are directions, which may stand before another head."""
    return frozenset(row["word"] for row in lexicons.rows("place_heads") if row["kind"] == "direction")


@functools.cache
def named_after_heads() -> dict[str, str]:
    """Head phrase (words apart, as the tokens write it) -> the label of a place or institution named after a person."""
    return {row["phrase"]: row["label"] for row in lexicons.rows("named_after_heads")}


@functools.cache
def stop_words() -> frozenset[str]:
    """Words that never belong to a name or an organization's specifier: they end it."""
    phrases = [
        *lexicons.column("function_words", "word"),
        *lexicons.column("verbs", "word"),
        *lexicons.column("titles", "word"),
        *lexicons.column("honorifics", "phrase"),
        *lexicons.column("speech_verbs", "phrase"),
        *lexicons.column("pronouns", "word"),
        *lexicons.column("months", "name"),
        *lexicons.column("weekdays", "name"),
        *(row["word"] for row in lexicons.rows("place_heads") if row["kind"] == "head"),  # not شرق, a paper too
        *lexicons.column("generic_modifiers", "word"),  # "شهید گمنام", "محقق برگزیده": no one's name
        *lexicons.column("qualifiers", "phrase"),  # "خانم حدودا 65 ساله": a quantity's qualifier, no name
        *lexicons.column("name_ending_words", "word"),  # "ها", "همچنین", "امسال": no name goes on over them
        *lexicons.column("verb_nouns", "word"),  # مورد بررسی قرار داد: where a name ends and the verb begins
        *lexicons.column("parts_of_day", "word"),  # "ظهر امروز": a time, no name before امروز
    ]
    # An organization's head starts a new name; only its first word ends the one before ("روابط عمومی").
    heads = [phrase.split()[0] for phrase in lexicons.column("organization_heads", "word")]
    return frozenset([*(word for phrase in phrases for word in phrase.split()), *heads])


def spellings(phrase: str) -> list[str]:
    """A lexicon phrase as Persian writes it: words apart, joined by ZWNJ, or run together."""
    words = phrase.split()
    if not 1 < len(words) <= _MOST_JOINED_GAPS + 1:
        return [phrase]
    variants = []
    for gaps in itertools.product((" ", "\u200c", ""), repeat=len(words) - 1):
        variants.append(words[0] + "".join(gap + word for gap, word in zip(gaps, words[1:])))
    return variants


def unambiguous_agencies() -> list[str]:
    """Agency names that are nothing else (ایرنا); فارس, مهر, سیما are also a province, a month, a face."""
    return [row["name"] for row in lexicons.rows("agencies") if row["alone"] == "yes"]


def phrases() -> dict[str, list[str]]:
    """Every phrase to match, by match key, in all its spellings; a phrase under two keys is hit under
    both, the key listed first first."""
    places = lexicons.rows("places")
    people = lexicons.rows("people")
    first_names = lexicons.rows("first_names")
    by_key = {
        PLACE: [row["name"] for row in places if row["alone"] == "yes" and row["kind"] not in CITY_KINDS],
        CITY: [row["name"] for row in places if row["alone"] == "yes" and row["kind"] in CITY_KINDS],
        # "استان قم", "شهرستان قوچان", "استان مرکزی" (مرکزی alone is "central": a place only after its head).
        PLACE_AFTER_HEAD: [row["name"] for row in places if row["alone"] == "no"],
        PLACE_HEAD: list(lexicons.column("place_heads", "word")),
        "agency": unambiguous_agencies(),  # before ORGANIZATION: a news agency in both is found as the agency
        ORGANIZATION: list(lexicons.column("organizations", "name")),
        PERSON: [row["name"] for row in people],
        "person_short": [row["short"] for row in people if row["short"]],
        HEAD: list(lexicons.column("organization_heads", "word")),
        FIRST_NAME: _with_sayyid([row["name"] for row in first_names if row["starts_a_name"] == "yes"]),
        HONORIFIC: list(lexicons.column("honorifics", "phrase")),
        AGENCY_CONTEXT: list(lexicons.column("agency_contexts", "phrase")),
        RELIGIOUS_TITLE: list(lexicons.column("religious_titles", "word")),
        MINISTER: list(lexicons.column("minister_titles", "word")),
        CREDIT: list(lexicons.column("credit_labels", "phrase")),
        SPEAKER_CUE: [*lexicons.column("speech_verbs", "phrase"), *lexicons.column("speaker_cues", "phrase")],
        TITLE: list(lexicons.column("titles", "word")),
    }
    return {key: sorted({variant for phrase in listed for variant in spellings(phrase)}) for key, listed in by_key.items()}


@functools.cache
def first_names() -> frozenset[str]:
    """Every first name, also those that start no name alone (امید, سید): they may follow one."""
    return frozenset(_with_sayyid(lexicons.column("first_names", "name")))


def _with_sayyid(names) -> list[str]:
    return [*names, *(f"{sayyid}{gap}{name}" for name in names for sayyid in _SAYYID for gap in ("", " "))]


@functools.cache
def agency_name_starts() -> frozenset[str]:
    """Context words that begin an agency's name (خبرگزاری فارس) rather than stand before it (به گزارش)."""
    return frozenset(row["phrase"] for row in lexicons.rows("agency_contexts") if row["in_name"] == "yes")
