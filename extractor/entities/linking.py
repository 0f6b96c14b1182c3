"""Owns entity linking within one document: a bare surname (سیجانی) or a famous short name (ترامپ)
stands for the full name said elsewhere; a speaker the text names becomes a PERSON; a speaker known
only by title (رئیس سازمان ...) is named when the text puts a name beside that title."""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

import regex

from extractor import lexicons
from extractor.entities.patterns import first_names, stop_words
from extractor.entities.recognizer import Mention
from extractor.models import Speaker
from extractor.patterns import WORD

_SHORTER_NAME_RULE = "surname_of_full_name"
_MOST_NAME_WORDS = 4
_SPEAKER_RULE = "speaker"
# "رئیس سازمان صنعت قم، محمود سیجانی" and "محمود سیجانی، رئیس سازمان صنعت قم": at most a comma between.
_COMMAS = "،,"
_SPACES = " \u200c"
_LONGEST_GAP = 32
# How far from a full name its shorter form may stand and still be linked to it: longer than any article
# of the shared news corpora (47,233 characters), so it matters only in texts of many articles.
LINK_REACH = 50_000
_TAKEN = b"\x01"
# Up to this many names to find again, each is a scan of the text (str.find, in C); more are found
# through an index of the text's word pieces, so the time stays linear in the text's length.
_FEW_FORMS = 16
_NAME_PIECE = regex.compile(r"[\p{L}\p{M}\u200c]+")


@functools.cache
def _famous_short_names() -> dict[str, str]:
    return {row["short"]: row["name"] for row in lexicons.rows("people") if row["short"]}


def link(text: str, mentions: list[Mention], speakers: list[Speaker | None], paragraph_starts: Sequence[int]) -> list[Mention]:
    """The mentions, with canonical names set, plus the bare surnames and named speakers found again.
    `speakers[i]` speaks in the paragraph that starts at `paragraph_starts[i]`. A shorter form stands
    for a full name said within LINK_REACH characters of it (a surname in one article of a long text
    is not the person of another article far away), and the first such name wins."""
    forms = _shorter_forms(text, mentions, speakers, paragraph_starts)
    linked = [_with_canonical(text, mention, forms) for mention in mentions]
    taken = bytearray(len(text))  # 1 where a mention stands: an overlap check costs the mention's length, not the mentions'
    for mention in linked:
        taken[mention.start : mention.end] = _TAKEN * (mention.end - mention.start)
    occurrences = _occurrences if len(forms) <= _FEW_FORMS else _indexed_occurrences(text)
    for shorter in sorted(forms, key=len, reverse=True):
        for start in occurrences(text, shorter):
            end = start + len(shorter)
            full = forms[shorter].near(start)
            if full is not None and _TAKEN not in taken[start:end]:
                rule = _SPEAKER_RULE if shorter == full else _SHORTER_NAME_RULE
                linked.append(Mention("PERSON", start, end, rule, None if shorter == full else full))
                taken[start:end] = _TAKEN * (end - start)
    return sorted(linked, key=lambda mention: mention.start)


class _FullNames:
    """Where the full names a shorter form may stand for are said: the text's full names (in text order)
    first, then its speakers' names (in text order), as the first found wins."""

    def __init__(self) -> None:
        self._said: tuple[tuple[list[int], list[str]], ...] = (([], []), ([], []))  # names, then speakers

    def add(self, position: int, full: str, by_speaker: bool) -> None:
        positions, names = self._said[by_speaker]
        positions.append(position)
        names.append(full)

    def near(self, position: int) -> str | None:
        """The first full name said within LINK_REACH characters of `position`, or None."""
        for positions, names in self._said:
            index = bisect.bisect_left(positions, position - LINK_REACH)
            if index < len(positions) and positions[index] <= position + LINK_REACH:
                return names[index]
        return None


def _occurrences(text: str, word: str):
    """Where `word` stands as a whole word in `text` (str.find: far cheaper than a pattern per text)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or _is_word_edge(text[start - 1])) and (end == len(text) or _is_word_edge(text[end])):
            yield start
        start = text.find(word, start + 1)


def _indexed_occurrences(text: str):
    """`_occurrences` for many forms at once: the text's word pieces indexed by where each starts, so a
    form is looked for only where its first piece stands, not by a scan of the whole text per form."""
    starts = defaultdict(list)
    for match in _NAME_PIECE.finditer(text):
        starts[match.group()].append(match.start())

    def occurrences(text: str, word: str):
        first = _NAME_PIECE.match(word)
        if first is None or first.start() != 0:
            yield from _occurrences(text, word)
            return
        for start in starts.get(first.group(), ()):
            end = start + len(word)
            if text.startswith(word, start) and (start == 0 or _is_word_edge(text[start - 1])) and (
                end == len(text) or _is_word_edge(text[end])
            ):
                yield start

    return occurrences


def _is_word_edge(character: str) -> bool:
    return not (character.isalpha() or character == "\u200c" or unicodedata.category(character).startswith("M"))


def _shorter_forms(
    text: str, mentions: list[Mention], speakers: list[Speaker | None], paragraph_starts: list[int]
) -> dict[str, _FullNames]:
    """What to find again, each shorter form -> where its full names are said: the surnames of this
    text's full names (سیجانی -> محمود سیجانی) and its speakers as quoted. Famous short names (ترامپ)
    need no search: the lexicon finds them."""
    forms: dict[str, _FullNames] = defaultdict(_FullNames)
    for mention in mentions:
        words = text[mention.start : mention.end].split()
        if mention.label == "PERSON" and len(words) > 1 and _may_be_surname(words[-1]):
            forms[words[-1]].add(mention.start, " ".join(words), by_speaker=False)
    for speaker, start in zip(speakers, paragraph_starts):
        if speaker is not None and speaker.name and _looks_like_a_name(speaker.mention):
            forms[speaker.name].add(start, speaker.name, by_speaker=True)
            forms[speaker.mention].add(start, speaker.name, by_speaker=True)
    return {shorter: full_names for shorter, full_names in forms.items() if shorter not in _famous_short_names()}


def _looks_like_a_name(mention: str) -> bool:
    """"سیجانی", "محمود سیجانی": a few name words; not "وی", not "یکی از مراجع تقلید"."""
    words = mention.split()
    return len(words) <= _MOST_NAME_WORDS and all(WORD.fullmatch(word) and word not in stop_words() for word in words)


def _may_be_surname(word: str) -> bool:
    """Letters, and no first name: "رضا" in "امام رضا" stands for no one alone, nor does "(ع)"."""
    return WORD.fullmatch(word) is not None and word not in first_names()


def _with_canonical(text: str, mention: Mention, forms: dict[str, _FullNames]) -> Mention:
    surface = text[mention.start : mention.end]
    full = _famous_short_names().get(surface)
    if full is None and surface in forms:
        full = forms[surface].near(mention.start)
    if mention.label != "PERSON" or full is None or full == surface:
        return mention
    return Mention(mention.label, mention.start, mention.end, mention.rule, full)


def name_titled_speakers(text: str, mentions: list[Mention], speakers: list[Speaker | None]) -> list[Speaker | None]:
    """Speakers known only by title, named when the text writes a PERSON right beside that title."""
    people = [mention for mention in mentions if mention.label == "PERSON"]
    titles = {speaker.title for speaker in speakers if speaker and speaker.title and not speaker.name}
    names = _names_beside(text, titles, people) if titles else {}
    named = []
    for speaker in speakers:
        name = names.get(speaker.title) if speaker and speaker.title and not speaker.name else None
        named.append(speaker.model_copy(update={"name": name}) if name else speaker)
    return named


def _names_beside(text: str, titles: set[str], people: list[Mention]) -> dict[str, str]:
    """Each title's name: the PERSON beside its first occurrence that has one beside it, a person before
    the title first. Found from the people's side (the few places a title beside each could stand), so
    the cost grows with the people named, not with people times titles times the text."""
    lengths = {len(title) for title in titles}
    first: dict[str, tuple[int, int, str]] = {}  # title -> (where it starts, the person's order, the name)
    for order, person in enumerate(people):
        name = person.canonical or text[person.start : person.end]
        for title_end in _gap_edges(text, person.start, backwards=True):
            for length in lengths:
                if title_end >= length:
                    _keep_first(first, text[title_end - length : title_end], titles, (title_end - length, order, name))
        for title_start in _gap_edges(text, person.end, backwards=False):
            for length in lengths:
                _keep_first(first, text[title_start : title_start + length], titles, (title_start, order, name))
    return {title: name for title, (_, _, name) in first.items()}


def _gap_edges(text: str, position: int, backwards: bool) -> list[int]:
    """The positions p such that the text between p and `position` is a gap between a title and a name:
    spaces or ZWNJ, and at most one comma (at most _LONGEST_GAP characters)."""
    step = -1 if backwards else 1
    edges = [position]
    commas = 0
    edge = position
    while len(edges) <= _LONGEST_GAP:
        index = edge - 1 if backwards else edge
        if not 0 <= index < len(text):
            break
        character = text[index]
        commas += character in _COMMAS
        if commas > 1 or (character not in _COMMAS and character not in _SPACES):
            break
        edge += step
        edges.append(edge)
    return edges


def _keep_first(first: dict[str, tuple[int, int, str]], title: str, titles: set[str], found: tuple[int, int, str]) -> None:
    if title in titles and (title not in first or found < first[title]):
        first[title] = found
