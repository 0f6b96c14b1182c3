"""Owns the shape of a rule: one record holding its name, the words it cannot match without, its pattern
(assembled from the named fragments of extractor.patterns and the lexicons), its guards, and the traits
that later stages read (a rule's identity is the record, never its name compared as a string). A
registry holds the rules of one finder, in the order they run, and yields their matches in a sentence.

Two shapes of pattern: a rule that finds its words anywhere in the sentence (dates, times), and a rule
anchored at a number, its pattern matched right after the number (a currency, a unit of time) or found
right before it (a rank word). Either way the finder owns what a match produces.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:
    from extractor.facts.common import SentenceContext


class Trait(enum.Enum):
    """What a later stage needs to know of the rule a candidate came from."""

    RELATIVE_DAY = "a day counted from the day of writing (امروز, دیروز): a date right after it joins it"
    TIME_OF_A_DAY = "a time that names its day (امشب, صبح امروز): a clock right after it joins it"
    CLOCK = "a time said with ساعت"
    YEAR_OF_AN_EVENT = "the fact is the year of the event named (المپیک 2016: 2016)"
    YEAR_UNWRITTEN = "a month with no year written (ابتدای مهر): the year is the reference date's"


Words = Iterable[str] | Callable[[], Iterable[str]]


@dataclass(frozen=True, eq=False)
class Needs:
    """The words a rule cannot match without, so that most sentences skip it: one of `words` among the
    sentence's words (with the parts of words joined by ZWNJ), and one of `text` anywhere in it (joined
    or not); or, for what words cannot say, a `test` of the sentence. Words from the lexicons are given
    as a function, read once, on first use."""

    words: Words | None = None
    text: Words | None = None
    test: Callable[[SentenceContext], bool] | None = None

    @functools.cached_property
    def word_set(self) -> frozenset[str] | None:
        return None if self.words is None else frozenset(self.words() if callable(self.words) else self.words)

    @functools.cached_property
    def met_by(self) -> Callable[[SentenceContext], bool]:
        """Whether a sentence holds what the rule needs (a function built once: this runs for every
        sentence and every rule)."""
        test = self.test
        words = self.word_set
        text = () if self.text is None else tuple(self.text() if callable(self.text) else self.text)
        if test is None and text == ():
            return (lambda sentence: True) if words is None else (lambda sentence: not words.isdisjoint(sentence.word_parts))

        def met_by(sentence: SentenceContext) -> bool:
            if test is not None and not test(sentence):
                return False
            if words is not None and words.isdisjoint(sentence.word_parts):
                return False
            return not text or any(part in sentence.text for part in text)

        return met_by


ALWAYS = Needs()
Guard = Callable[[str, "regex.Match[str]"], bool]


@dataclass(frozen=True, eq=False)
class Rule:
    """One rule. `pattern` returns the regex source (built on first use: lexicons are read then); the
    rule's guards each veto a match (a guard returns True for a match that names no fact); `produce`,
    where the finder's rules produce differently, makes the fact of a match."""

    name: str
    pattern: Callable[[], str] | None = None
    needs: Needs = ALWAYS
    guards: tuple[Guard, ...] = ()
    traits: frozenset[Trait] = frozenset()
    flags: int = 0
    produce: Callable[..., Any] | None = None  # what a match makes; each finder calls its rules' alike

    def __repr__(self) -> str:
        return f"Rule({self.name!r})"

    def has(self, trait: Trait) -> bool:
        return trait in self.traits

    @functools.cached_property
    def compiled(self) -> regex.Pattern[str]:
        if self.pattern is None:
            raise TypeError(f"rule {self.name} has no pattern of its own")
        return regex.compile(self.pattern(), self.flags)

    def vetoed(self, text: str, match: regex.Match[str]) -> bool:
        return any(guard(text, match) for guard in self.guards)


@functools.cache
def derived(name: str) -> Rule:
    """The one record of the rule of a candidate joined from others (a range, a relative day and its
    date, a time of day and its clock: "number+currency..range", "relative_day+date"): no pattern, no
    traits."""
    return Rule(name)


@dataclass(frozen=True, eq=False)
class Registry:
    """The rules of one finder, in the order they run."""

    rules: tuple[Rule, ...]

    def __post_init__(self) -> None:
        if len({rule.name for rule in self.rules}) != len(self.rules):
            raise ValueError("two rules of one registry share a name")

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def compile(self) -> None:
        """Compile every rule's pattern now rather than on first use."""
        for rule in self.rules:
            if rule.pattern is not None:
                _ = rule.compiled

    @functools.cached_property
    def _needs(self) -> tuple[tuple[Needs, ...], tuple[int, ...]]:
        """The distinct Needs of the rules, and for each rule the index of its Needs among them."""
        distinct: dict[Needs, int] = {}
        for rule in self.rules:
            distinct.setdefault(rule.needs, len(distinct))
        return tuple(distinct), tuple(distinct[rule.needs] for rule in self.rules)

    @functools.cached_property
    def _any_word(self) -> frozenset[str] | None:
        """When every rule needs one of some words: all those words (a sentence with none of them runs
        no rule); else None."""
        distinct, _ = self._needs
        word_sets = [needs.word_set for needs in distinct]
        if any(words is None for words in word_sets):
            return None
        return frozenset().union(*(words for words in word_sets if words is not None))

    def runnable(self, sentence: SentenceContext) -> list[Rule]:
        """The rules whose needs the sentence meets, in order (each distinct Needs checked once)."""
        any_word = self._any_word
        if any_word is not None and any_word.isdisjoint(sentence.word_parts):
            return []
        distinct, of_rule = self._needs
        met = [needs.met_by(sentence) for needs in distinct]
        return [rule for rule, needs in zip(self.rules, of_rule) if met[needs]]

    def matches(self, sentence: SentenceContext) -> list[tuple[Rule, regex.Match[str]]]:
        """Each runnable rule's matches that no guard of it vetoes, rule by rule, left to right."""
        text = sentence.text
        return [
            (rule, match) for rule in self.runnable(sentence) for match in rule.compiled.finditer(text)
            if not rule.guards or not rule.vetoed(text, match)
        ]
