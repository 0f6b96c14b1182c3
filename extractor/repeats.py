"""Owns repeats judged by their facts: whether a near-duplicate paragraph says anything its earlier twin
does not, the note for twins kept because they give different values, and the link from a fact that
restates an earlier one to it (`mention_of`: one statement told in the headline or lead and again in the
body, or in two near-identical sentences)."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable

from extractor import dedupe, segment, subjects
from extractor.facts import find_facts
from extractor.models import Fact, Note

# A heading inside the body (a crosshead: "** قم رتبه چهاردهم صنعت کشور") is short and ends no sentence.
_LONGEST_HEADING = 80
_SENTENCE_ENDS = (".", "!", "؟", "?", ":", "…")
# Kinds whose restatement is linked: a measured quantity with its subject (subjects.MEASURED_KINDS), or a rank.
_RANK = "rank"


def _statements(text: str, start: int, end: int, reference_date: datetime.date | None) -> Counter:
    """The facts of text[start:end], as statements, counted."""
    return Counter(
        (candidate.kind, candidate.value, getattr(candidate, "value_high", None), candidate.unit, candidate.qualifier)
        for sentence_start, sentence_end in segment.sentences(text, start, end)
        for candidate in find_facts(text, sentence_start, sentence_end, reference_date, [])
    )


def says_nothing_new(text: str, reference_date: datetime.date | None) -> Callable[[dedupe.Block, dedupe.Block], bool]:
    """Whether a later paragraph's facts are all among its earlier twin's (then dropping it loses none)."""

    def judge(later: dedupe.Block, first: dedupe.Block) -> bool:
        return _statements(text, later.start, later.end, reference_date) <= _statements(text, first.start, first.end, reference_date)

    return judge


def different_values(facts: list[Fact], twins: list[tuple[int, int, float]]) -> list[Note]:
    """For near-duplicate paragraphs kept both (`twins`: later paragraph, earlier paragraph, similarity),
    a note where they give one kind and unit two values, in the same order: a correction or a typo."""
    found = []
    for later, first, alike in twins:
        earlier_facts = [index for index, fact in enumerate(facts) if fact.paragraph == first]
        later_facts = [index for index, fact in enumerate(facts) if fact.paragraph == later]
        for one, other in zip(earlier_facts, later_facts):
            if (facts[one].kind, facts[one].unit) == (facts[other].kind, facts[other].unit) and facts[one].value != facts[other].value:
                found.append(Note(
                    kind="near_duplicate_paragraphs_differ",
                    message=f"paragraphs {first} and {later} are {alike:.0%} alike but give {facts[one].value} and "
                    f"{facts[other].value} ({facts[one].unit or facts[one].kind})",
                    facts=[one, other],
                ))
                break
    return found


def is_heading(paragraph: str) -> bool:
    """A crosshead: a short line that ends no sentence."""
    return len(paragraph) <= _LONGEST_HEADING and not paragraph.rstrip().endswith(_SENTENCE_ENDS)


def restatements(facts: list[Fact], headings: set[int], sentence_texts: list[str]) -> dict[int, int]:
    """Later fact -> the first fact it restates: the same kind, value, unit, qualifier and subject (a rank
    needs none), first in the headline, the lead or a crosshead (`headings`: paragraph numbers) and again
    after it outside them, or in two sentences nearly alike (`sentence_texts`: each sentence's text)."""
    first_of: dict[tuple, int] = {}
    linked: dict[int, int] = {}
    for index, fact in enumerate(facts):
        key = _statement_key(fact)
        if key is None:
            continue
        earlier = first_of.get(key)
        if earlier is None:
            first_of[key] = index
        elif _told_twice(facts[earlier], fact, headings, sentence_texts):
            linked[index] = earlier
    return linked


def _statement_key(fact: Fact) -> tuple | None:
    if fact.kind == _RANK:
        return (fact.kind, fact.value)
    subject = getattr(fact, "subject", None)
    if fact.kind in subjects.MEASURED_KINDS and subject:
        return (fact.kind, fact.value, getattr(fact, "value_high", None), fact.unit, fact.qualifier, subject)
    return None


def _told_twice(first: Fact, later: Fact, headings: set[int], sentence_texts: list[str]) -> bool:
    if first.paragraph in headings and later.paragraph not in headings:
        return True
    first_sentence, later_sentence = (dedupe.shingles(dedupe.comparison_key(sentence_texts[fact.sentence])) for fact in (first, later))
    return dedupe.similarity(first_sentence, later_sentence) >= dedupe.NEAR_DUPLICATE_SIMILARITY
