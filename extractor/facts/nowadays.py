"""Owns when a bare امروز means "nowadays" rather than the day of writing: "امروز قدرت نرم تعیین کننده
است" speaks of these times; "وزیر امروز در نشست خبری گفت" of the day. The relative-date finder reads
every امروز as the day; the fact finders drop the ones this module reads as nowadays."""

from __future__ import annotations

import functools

import regex

from extractor import lexicons
from extractor.facts.candidates import Date
from extractor.facts.rules import Trait
from extractor.patterns import OPTIONAL_GAP, WORD_START

_TODAY = "امروز"
_CLAUSE_END = regex.compile(r"[.؛:!?«»]")
_WORD = regex.compile(r"[\p{L}\p{M}\u200c]+")
# Where امروز stands as an adverb: at the start of the sentence or a clause, or after a conjunction.
_ADVERB_POSITION = regex.compile(
    rf"(?r)(?:\A|[.؛:!?«»،,/]|{WORD_START}(?:و|که|اما|ولی|منتها|بلکه|اگر|چون|زیرا|بسا|نیز|هم|بطوریکه|تردید)){OPTIONAL_GAP}\Z"
)


def means_nowadays(text: str, day: Date) -> bool:
    """"امروز قدرت نرم تعیین کننده است", "امروز نیازمند آن هستیم": a bare امروز standing as an adverb
    in a clause that states how things are (است, هستند, دارد) and ties nothing to a day (کرد, گفت, شد,
    قرار است, سالروز) speaks of these times, not of the day of writing; not "امروز (سه شنبه)", "بازی
    امروز", "امروز در نشست خبری گفت", and not once joined to a date or a time (امروز هشتم شهریور, صبح امروز)."""
    if not day.rule.has(Trait.RELATIVE_DAY) or text[day.start : day.end] != _TODAY:
        return False
    if text[day.end :].lstrip().startswith("(") or not _ADVERB_POSITION.search(text, max(0, day.start - 16), day.start):
        return False  # "امروز (سه شنبه)"; "بازی امروز", "نشست امروز": today's match, today's meeting
    kinds = {_nowadays_clues().get(key) for key in _clause_keys(text, day.end)}
    return "state" in kinds and "dated" not in kinds


def _clause_keys(text: str, start: int) -> list[str]:
    """The canonical words of the clause from `start`, and of each two together (می باشد, قرار است)."""
    clause_end = _CLAUSE_END.search(text, start)
    words = [lexicons.canonical(word) for word in _WORD.findall(text, start, clause_end.start() if clause_end else len(text))]
    return [*words, *(first + second for first, second in zip(words, words[1:]))]


@functools.cache
def _nowadays_clues() -> dict[str, str]:
    """Words that state how things are ("state") or tie a clause to a day ("dated"), by canonical form."""
    return {lexicons.canonical(row["word"]): row["kind"] for row in lexicons.rows("nowadays_clues")}
