"""Owns attribution: who each paragraph quotes (سیجانی گفت:, وی افزود:) and the reporting agency."""

from __future__ import annotations

import functools

import regex

from extractor import lexicons
from extractor.models import Speaker
from extractor.patterns import GAP, OPTIONAL_GAP, WORD_END, WORD_START

_MAX_SUBJECT_WORDS = 10
_DEMONSTRATIVES = ("این", "همین")
_MOST_NAME_WORDS = 3
# Words that end the subject of a speech verb: "X روز چهارشنبه ... افزود", "X در ادامه گفت".
_SUBJECT_END = regex.compile(
    rf"{GAP}(?:روز|در|با|ضمن|طی|هنگام|همچنین|نیز|امروز|دیروز|پیش از|پس از|بعد از|صبح|عصر|شامگاه|امشب|هم){WORD_END}"
)


@functools.cache
def _agency_pattern() -> regex.Pattern[str]:
    agency = lexicons.alternation(lexicons.column("agencies", "name"))
    return regex.compile(
        rf"(?:به گزارش|به نقل از)(?:{GAP}[^،:.\n]{{0,40}}?)??{GAP}[\"«]?(?P<agency>{agency}){WORD_END}[\"»]?"
        rf"|خبرگزاری{GAP}(?P<agency>{agency}){WORD_END}"
    )


@functools.cache
def _quote_pattern() -> regex.Pattern[str]:
    verb = lexicons.alternation(lexicons.column("speech_verbs", "phrase"))
    return regex.compile(rf"{WORD_START}{verb}{OPTIONAL_GAP}:")


@functools.cache
def _report_prefix() -> regex.Pattern[str]:
    return regex.compile(rf"^(?:{_agency_pattern().pattern})[^،:]*،{OPTIONAL_GAP}")


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(map(lexicons.canonical, lexicons.column("titles", "word")))


@functools.cache
def _agency_names() -> dict[str, str]:
    return {lexicons.canonical(name): name for name in lexicons.column("agencies", "name")}


def source_agency(text: str) -> str | None:
    """The agency the text reports through, spelled as in the lexicon: "به گزارش ایرنا" -> ایرنا."""
    match = _agency_pattern().search(text)
    return _agency_names()[lexicons.canonical(match.group("agency"))] if match else None


def speakers(paragraphs: list[str]) -> list[Speaker | None]:
    """The speaker each paragraph quotes, pronouns and bare surnames resolved to earlier speakers."""
    resolved: list[Speaker | None] = []
    last: Speaker | None = None
    by_surname: dict[str, str] = {}  # each surname -> the full name of the latest speaker first named with it
    named: set[str] = set()
    for paragraph in paragraphs:
        subject = _quoted_subject(paragraph)
        speaker = _speaker(subject, last, by_surname) if subject else None
        if speaker is not None:
            last = speaker
            if speaker.name and speaker.name not in named:
                named.add(speaker.name)
                by_surname[speaker.name.split()[-1]] = speaker.name
        resolved.append(speaker)
    return resolved


def name_alternating_title(speakers: list[Speaker | None]) -> list[Speaker | None]:
    """"محمود سیجانی گفت", then "رئیس سازمان صنعت قم گفت", then "سیجانی افزود": when an article quotes one
    named person and one title with no name, in turns (the title's quotes between his), and no one else,
    the title's quotes are his: named, with name_inferred set."""
    names = {speaker.name for speaker in speakers if speaker and speaker.name}
    titles = {speaker.title for speaker in speakers if speaker and speaker.title and not speaker.name}
    if len(names) != 1 or len(titles) != 1:
        return speakers
    (name,), (title,) = names, titles
    if any(speaker and speaker.name == name and speaker.title not in (None, title) for speaker in speakers):
        return speakers  # he is quoted under another title: the untitled role is someone else's
    named_at = [index for index, speaker in enumerate(speakers) if speaker and speaker.name]
    titled_at = [index for index, speaker in enumerate(speakers) if speaker and not speaker.name]
    if not (named_at[0] < titled_at[-1] and titled_at[0] < named_at[-1]):
        return speakers  # not in turns: all of one before all of the other
    return [
        speaker.model_copy(update={"name": name, "name_inferred": True}) if speaker and not speaker.name else speaker
        for speaker in speakers
    ]


def _quoted_subject(paragraph: str) -> str | None:
    """The words before the speech verb of "... گفت:", without the report prefix and adverbials."""
    quote = _quote_pattern().search(paragraph)
    if not quote:
        return None
    clause = _report_prefix().sub("", paragraph[: quote.start()]).strip()
    end = _SUBJECT_END.search(clause)
    subject = (clause[: end.start()] if end else clause).strip(" ،,")
    if not subject or len(subject.split()) > _MAX_SUBJECT_WORDS:
        return None
    return subject


def _speaker(subject: str, last: Speaker | None, by_surname: dict[str, str]) -> Speaker | None:
    # "وی", "وی در ادامه", and "این مسئول", "این مقام مسئول", "این نماینده": the last speaker again.
    first_word = subject.split()[0]
    if first_word in lexicons.words("pronouns", "word") or first_word in _DEMONSTRATIVES and len(subject.split()) > 1:
        if last is None:
            return None
        return last.model_copy(update={"mention": first_word if first_word in lexicons.words("pronouns", "word") else subject})
    name, title = _name_and_title(subject)
    if name is None:
        return Speaker(title=title, mention=subject)
    full_name = by_surname.get(name, name)
    return Speaker(name=full_name, title=title, mention=subject)


def _name_and_title(subject: str) -> tuple[str | None, str | None]:
    """"محمود سیجانی رئیس سازمان صنعت قم" and "رئیس سازمان صنعت قم، محمود سیجانی" -> (name, title);
    "رئیس سازمان صنعت قم" -> (None, title); "سیجانی" -> (name, None)."""
    words = subject.split()
    title_at = next((index for index in range(len(words)) if _is_title_at(words, index)), None)
    if title_at is None:
        return subject, None
    if title_at > 0:
        return " ".join(words[:title_at]).strip(" ،,"), " ".join(words[title_at:])
    title, comma, name = subject.rpartition("،")
    return (name.strip(), title.strip()) if comma and _may_be_a_name(name) else (None, subject)


def _may_be_a_name(words: str) -> bool:
    """"محمود سیجانی" after a title's comma; not "معدن و تجارت قم", the rest of an organization's name."""
    return 0 < len(words.split()) <= _MOST_NAME_WORDS and not lexicons.words("function_words", "word").intersection(words.split())


def _is_title_at(words: list[str], index: int) -> bool:
    return lexicons.canonical(words[index]) in _titles() or lexicons.canonical(" ".join(words[index : index + 2])) in _titles()
