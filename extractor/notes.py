"""Owns the consistency notes a careful reader would write in the margin: parts that do not add up to
their stated total, a weekday that contradicts its date, one quantity stated twice with two values."""

from __future__ import annotations

import functools
from collections import defaultdict
from itertools import product

from extractor import calendars, lexicons
from extractor.models import DateFact, Fact, Note

_ADDABLE_KINDS = ("count", "money")
# Parts that exceed their total cannot all be parts of it; parts short of it are often a partial list
# (the other categories left unsaid), so only the first is noted. Far above it, likely no breakdown.
_BREAKDOWN_HIGH = 1.5
_LEAST_PARTS = 2
_REPEATABLE_KINDS = ("count", "money", "percent")
_LEAST_SUBJECT_WORDS = 3
LEAD_PARAGRAPHS = 2  # the headline and the lead
# A restatement differs a little (53 هزار, then 50 هزار); values far apart measure different things.
_RESTATED_HIGH = 1.5


def notes(text: str, facts: list[Fact], lead: set[int]) -> list[Note]:
    """The notes on the facts of Document.text `text`; `lead` holds the paragraph numbers of the
    headline and lead, which summarize the body."""
    return [*_parts_not_adding_up(text, facts), *_weekdays_contradicting_dates(facts), *_quantities_restated(facts, lead)]


@functools.cache
def _breakdown_markers() -> tuple[str, ...]:
    return lexicons.column("breakdown_markers", "phrase")


def _parts_not_adding_up(text: str, facts: list[Fact]) -> list[Note]:
    """"2 هزار و 300 واحد ... از این تعداد 2 هزار و 256 واحد ..., 75 واحد ... و 63 واحد": in one
    sentence, an exact total, a breakdown marker (از این تعداد, شامل), then two or more smaller
    quantities of the same unit that sum to more than it. A list without a marker is no breakdown."""
    found = []
    for indices in _by_sentence(facts).values():
        for position, total_index in enumerate(indices):
            total = facts[total_index]
            if total.kind not in _ADDABLE_KINDS or total.value_high is not None or total.qualifier != "exact":
                continue
            parts = [index for index in indices[position + 1 :] if _is_part(facts[index], total)]
            if len(parts) < _LEAST_PARTS or not _marks_breakdown(text[total.span.end : facts[parts[0]].span.start]):
                continue
            addition = sum(facts[index].value for index in parts)
            if total.value < addition <= _BREAKDOWN_HIGH * total.value:
                stated = " + ".join(_number(facts[index].value) for index in parts)
                found.append(Note(
                    kind="parts_do_not_add_up",
                    message=f"{stated} = {_number(addition)}, not the stated total {_number(total.value)} ({total.unit})",
                    facts=[total_index, *parts],
                ))
            break  # the first total of a sentence owns its parts
    return found


def _marks_breakdown(between: str) -> bool:
    return any(marker in between for marker in _breakdown_markers())


def _is_part(fact: Fact, total: Fact) -> bool:
    return fact.kind == total.kind and fact.unit == total.unit and fact.value_high is None and 0 < fact.value < total.value


def _weekdays_contradicting_dates(facts: list[Fact]) -> list[Note]:
    """"شنبه 14 تیر 1397" where 14 تیر 1397 is a Thursday."""
    found = []
    for index, fact in enumerate(facts):
        if isinstance(fact, DateFact) and fact.weekday and fact.granularity == "day" and fact.start is not None:
            actual = calendars.WEEKDAY_NAMES[fact.start.weekday()]
            if actual != fact.weekday:
                found.append(Note(
                    kind="weekday_contradicts_date",
                    message=f"the text says {fact.weekday}, but {fact.start.isoformat()} is a {actual}",
                    facts=[index],
                ))
    return found


def _quantities_restated(facts: list[Fact], lead: set[int]) -> list[Note]:
    """The same kind, unit and subject (of three words or more) given two close but different values,
    once in the headline or lead and once in the body, which the lead summarizes. (Within the body,
    the same subject with two values is mostly two quantities: a price before and after, two matches.)"""
    by_subject = defaultdict(list)
    for index, fact in enumerate(facts):
        if fact.kind in _REPEATABLE_KINDS and _is_specific(fact.subject) and fact.value_high is None:
            by_subject[fact.kind, fact.unit, fact.subject, fact.qualifier].append(index)
    found = []
    for (_, unit, subject, _), indices in by_subject.items():
        in_lead = [index for index in indices if facts[index].paragraph in lead]
        in_body = [index for index in indices if facts[index].paragraph not in lead]
        # Pairs of one lead fact and one body fact only: not every pair, which grows as the square of a long body.
        for first, second in product(in_lead, in_body):  # in index order: the lead comes first
            low, high = sorted((facts[first].value, facts[second].value))
            if low != high and 0 < low and high <= _RESTATED_HIGH * low:
                found.append(Note(
                    kind="same_quantity_different_values",
                    message=f"{subject}: {_number(facts[first].value)} and later {_number(facts[second].value)} ({unit})",
                    facts=[first, second],
                ))
                break
    return found


def _is_specific(subject: str | None) -> bool:
    """"واحد صنعتی فعال استان"; not "اعتبار" or "واحد مسکونی", which many amounts share."""
    return subject is not None and len(subject.split()) >= _LEAST_SUBJECT_WORDS


def _by_sentence(facts: list[Fact]) -> dict[int, list[int]]:
    sentences = defaultdict(list)
    for index, fact in enumerate(facts):
        sentences[fact.sentence].append(index)
    return sentences


def _number(value) -> str:
    return f"{value:,}" if value == int(value) else f"{value:,}".rstrip("0")
