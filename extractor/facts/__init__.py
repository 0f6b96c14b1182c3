"""Runs every fact finder over each sentence and settles overlaps by one policy.

Policy: a count yields to any other fact that overlaps it (its number belongs to that fact); otherwise
the longest span wins, and between equally long spans the kind listed first in KIND_ORDER.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Sequence
from operator import attrgetter

from extractor import overlaps
from extractor.facts import (
    age,
    century,
    count,
    date,
    date_merge,
    decade,
    duration,
    money,
    nowadays,
    percent,
    rank,
    relative_date,
    time,
)
from extractor.facts.candidates import Candidate
from extractor.facts.common import SentenceContext

FINDERS = (money, percent, age, duration, rank, count)
DAY_FINDERS = (date, relative_date, decade, century)  # time grows over the days these find, so it runs after them
# Every rule of every finder: the sentence-wide ones, and those anchored at a number.
REGISTRIES = (
    *(finder.RULES for finder in (*DAY_FINDERS, time, *FINDERS)), relative_date.NUMBER_RULES, time.NUMBER_RULES,
)
KIND_ORDER = ("time", "date", "money", "percent", "age", "duration", "rank", "count")
_KIND_RANK = {kind: order for order, kind in enumerate(KIND_ORDER)}


def find_facts(
    text: str, start: int, end: int, reference_date: datetime.date | None, name_ends: Sequence[int] = ()
) -> list[Candidate]:
    """The facts of the sentence text[start:end], with spans into `text`, left to right. `name_ends`: where
    the people named in `text` end, in order (the entity recognizer's), for ages said of a name ("نیمار 20
    ساله")."""
    sentence_text = text[start:end]
    in_sentence = name_ends[bisect.bisect_right(name_ends, start) : bisect.bisect_right(name_ends, end)]
    sentence = SentenceContext.read(sentence_text, reference_date, frozenset(name_end - start for name_end in in_sentence))
    found_days = [candidate for finder in DAY_FINDERS for candidate in finder.find(sentence)]
    days = date_merge.merge(sentence_text, found_days, reference_date)
    times = time.find(sentence, days)  # "صبح امروز": a time, before امروز is read as "nowadays" below
    days = [day for day in days if not nowadays.means_nowadays(sentence_text, day)]
    candidates = [*days, *times]
    if sentence.numbers:  # every finder in FINDERS stands on a number: most sentences have none
        candidates += [candidate for finder in FINDERS for candidate in finder.find(sentence)]
    if not candidates:
        return candidates
    return [candidate.shifted(start) for candidate in settle_overlaps(candidates)]


def compile_rules() -> None:
    """Compile every rule's pattern now (each is compiled on first use otherwise): a batch does this
    once, before it forks its workers."""
    for registry in REGISTRIES:
        registry.compile()


def settle_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the candidates that no stronger candidate overlaps, in text order (overlaps.settle)."""
    return overlaps.settle(candidates, _SPAN, _strength)


_SPAN = attrgetter("start", "end")


def _strength(candidate: Candidate) -> tuple:
    """A count last; then the longest; then the kind listed first in KIND_ORDER; then the earliest."""
    return candidate.kind == "count", -(candidate.end - candidate.start), _KIND_RANK[candidate.kind], candidate.start
