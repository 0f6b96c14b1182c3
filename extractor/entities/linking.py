"""Owns entity linking within one document: a bare surname (سیجانی) or a famous short name (ترامپ)
stands for the full name said elsewhere; a speaker the text names becomes a PERSON; a speaker known
only by title (رئیس سازمان ...) is named when the text puts a name beside that title."""

from __future__ import annotations

import functools
import unicodedata

import regex

from extractor import lexicons
from extractor.entities.patterns import first_names, stop_words
from extractor.entities.recognizer import Mention
from extractor.entities.tokens import WORD
from extractor.models import Speaker

_SHORTER_NAME_RULE = "surname_of_full_name"
_MOST_NAME_WORDS = 4
_SPEAKER_RULE = "speaker"
# "رئیس سازمان صنعت قم، محمود سیجانی" and "محمود سیجانی، رئیس سازمان صنعت قم": at most a comma between.
_BESIDE = regex.compile(r"[ \u200c]*[،,]?[ \u200c]*")


@functools.cache
def _famous_short_names() -> dict[str, str]:
    return {row["short"]: row["name"] for row in lexicons.rows("people") if row["short"]}


def link(text: str, mentions: list[Mention], speakers: list[Speaker | None]) -> list[Mention]:
    """The mentions, with canonical names set, plus the bare surnames and named speakers found again."""
    to_find = _shorter_forms(text, mentions, speakers)
    canonical = {**to_find, **_famous_short_names()}
    linked = [_with_canonical(text, mention, canonical) for mention in mentions]
    taken = [(mention.start, mention.end) for mention in linked]
    for shorter in sorted(to_find, key=len, reverse=True):
        full = to_find[shorter]
        for start in _occurrences(text, shorter):
            end = start + len(shorter)
            if all(end <= taken_start or taken_end <= start for taken_start, taken_end in taken):
                rule = _SPEAKER_RULE if shorter == full else _SHORTER_NAME_RULE
                linked.append(Mention("PERSON", start, end, rule, None if shorter == full else full))
                taken.append((start, end))
    return sorted(linked, key=lambda mention: mention.start)


def _occurrences(text: str, word: str):
    """Where `word` stands as a whole word in `text` (str.find: far cheaper than a pattern per text)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or _is_word_edge(text[start - 1])) and (end == len(text) or _is_word_edge(text[end])):
            yield start
        start = text.find(word, start + 1)


def _every(text: str, phrase: str):
    """(start, end) of each occurrence of `phrase` in `text`, left to right, none overlapping (str.find,
    not a pattern compiled per text)."""
    start = text.find(phrase)
    while start >= 0:
        yield start, start + len(phrase)
        start = text.find(phrase, start + len(phrase))


def _is_word_edge(character: str) -> bool:
    return not (character.isalpha() or character == "\u200c" or unicodedata.category(character).startswith("M"))


def _shorter_forms(text: str, mentions: list[Mention], speakers: list[Speaker | None]) -> dict[str, str]:
    """What to find again, each shorter form -> the full name: the surnames of this text's full names
    (سیجانی -> محمود سیجانی) and its speakers as quoted. Famous short names (ترامپ) need no search:
    the lexicon finds them."""
    forms: dict[str, str] = {}
    for mention in mentions:
        words = text[mention.start : mention.end].split()
        if mention.label == "PERSON" and len(words) > 1 and _may_be_surname(words[-1]):
            forms.setdefault(words[-1], " ".join(words))
    for speaker in speakers:
        if speaker is not None and speaker.name and _looks_like_a_name(speaker.mention):
            forms.setdefault(speaker.name, speaker.name)
            forms.setdefault(speaker.mention, speaker.name)
    return {shorter: full for shorter, full in forms.items() if shorter not in _famous_short_names()}


def _looks_like_a_name(mention: str) -> bool:
    """"سیجانی", "محمود سیجانی": a few name words; not "وی", not "یکی از مراجع تقلید"."""
    words = mention.split()
    return len(words) <= _MOST_NAME_WORDS and all(WORD.fullmatch(word) and word not in stop_words() for word in words)


def _may_be_surname(word: str) -> bool:
    """Letters, and no first name: "رضا" in "امام رضا" stands for no one alone, nor does "(ع)"."""
    return WORD.fullmatch(word) is not None and word not in first_names()


def _with_canonical(text: str, mention: Mention, full_names: dict[str, str]) -> Mention:
    surface = text[mention.start : mention.end]
    full = full_names.get(surface)
    if mention.label != "PERSON" or full is None or full == surface:
        return mention
    return Mention(mention.label, mention.start, mention.end, mention.rule, full)


def name_titled_speakers(text: str, mentions: list[Mention], speakers: list[Speaker | None]) -> list[Speaker | None]:
    """Speakers known only by title, named when the text writes a PERSON right beside that title."""
    people = [mention for mention in mentions if mention.label == "PERSON"]
    named = []
    for speaker in speakers:
        name = _name_beside(text, speaker.title, people) if speaker and speaker.title and not speaker.name else None
        named.append(speaker.model_copy(update={"name": name}) if name else speaker)
    return named


def _name_beside(text: str, title: str, people: list[Mention]) -> str | None:
    for start, end in _every(text, title):
        for person in people:
            before = _BESIDE.fullmatch(text, person.end, start) if person.end <= start else None
            after = _BESIDE.fullmatch(text, end, person.start) if end <= person.start else None
            if before or after:
                return person.canonical or text[person.start : person.end]
    return None
