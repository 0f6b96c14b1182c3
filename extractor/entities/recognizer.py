"""Owns entity recognition: a phrase matcher holding every shipped lexicon; its hits are entities
(places, organizations, people) or context words that the context rules grow into entities; overlaps
are settled the spaCy way (the longest span wins, then the earliest)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from operator import itemgetter

import regex

from extractor import overlaps
from extractor.entities import context, patterns
from extractor.entities.phrase_matcher import PhraseMatcher
from extractor.entities.tokens import Tokens
from extractor.numbers import parse_number

# News sites named by their address: "Entekhab.ir", "khabaronline.ir".
_WEB_DOMAIN = regex.compile(r"(?<![\w.@/])[A-Za-z][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\.(?:ir|com|net|org|news|tv)(?![\w.])")


@dataclass(frozen=True)
class Mention:
    """One entity mention in a text: character offsets, label, the rule that found it, and the
    canonical name when the mention is linked to a fuller one."""

    label: str
    start: int
    end: int
    rule: str
    canonical: str | None = None


# (label, first token, end token, rule): an entity candidate, in token offsets.
Candidate = tuple[str, int, int, str]


@functools.cache
def _matcher() -> PhraseMatcher:
    """The phrase matcher (built once per process: it holds every lexicon)."""
    return PhraseMatcher(patterns.phrases())


def recognize(text: str) -> list[Mention]:
    """The entity mentions of `text`, left to right, none overlapping."""
    tokens = Tokens(text)
    return [
        Mention(label, tokens.starts[first], tokens.ends[end - 1], rule)
        for label, first, end, rule in entity_candidates(tokens)
    ]


def entity_candidates(tokens: Tokens) -> list[Candidate]:
    """The entities of a text's tokens, in token offsets, left to right, none overlapping."""
    hits = _matcher()(tokens)
    found = [
        (lexicon_rule.label, start, end, lexicon_rule.rule) for key, spans in hits.items() if key in patterns.ENTITY_KEYS
        for lexicon_rule in [patterns.ENTITY_KEYS[key]] for start, end in spans
        if not (lexicon_rule.not_after_a_number and _counted(tokens, start))
    ]
    strong, weak = context.candidates(tokens, hits)
    # Between equally long spans the first wins: strong context rules, then lexicons, then weak rules.
    settled = _longest_first([*strong, *found, *_web_domains(tokens), *weak])
    blessed = [_with_blessing(tokens, candidate) for candidate in _joined_organizations(settled)]
    return _named_after_people(tokens, _longest_first([*blessed, *context.listed_with_people(tokens, blessed)]))


def _named_after_people(tokens: Tokens, candidates: list[Candidate]) -> list[Candidate]:
    """"خیابان امام خمینی (ره)", "حرم مطهر امام خمینی (ره)", "دانشگاه شهید بهشتی": a place or an
    institution named after a person is that place or institution, from its head word (as annotated
    Persian news marks it), when the head belongs to no other entity."""
    named: list[Candidate] = []
    for label, first, end, rule in candidates:
        head = _head_before(tokens, first) if label == "PERSON" else None
        if head is not None and (not named or named[-1][2] <= head[0]):
            named.append((head[1], head[0], end, "head+person"))
        else:
            named.append((label, first, end, rule))
    return named


def _head_before(tokens: Tokens, first: int) -> tuple[int, str] | None:
    """(first token, label) of a head phrase of one or two words that ends right before token `first`."""
    for length in (2, 1):
        if first - length >= 0 and (label := patterns.named_after_heads().get(tokens.phrase(first - length, first))):
            return first - length, label
    return None


def _counted(tokens: Tokens, start: int) -> bool:
    """"1000 روحانی", "هزار روحانی": a famous short name after a number is the common noun counted."""
    return start > 0 and parse_number(tokens.words[start - 1]) is not None


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that no longer (or equally long, earlier, or earlier listed) one overlaps, in
    text order: spaCy's filter_spans policy, on token spans (overlaps.settle)."""
    return overlaps.settle(candidates, _TOKEN_SPAN, _longest_earliest)


_TOKEN_SPAN = itemgetter(1, 2)


def _longest_earliest(candidate: Candidate) -> tuple[int, int]:
    return candidate[1] - candidate[2], candidate[1]


def _joined_organizations(candidates: list[Candidate]) -> list[Candidate]:
    """An organization or place written right after an organization is part of its name: "کمیسیون
    فرهنگی" + "مجلس شورای اسلامی", "اتاق بازرگانی" + "استان زنجان" (the Persian genitive chain)."""
    joined: list[Candidate] = []
    for candidate in candidates:
        previous = joined[-1] if joined else None
        if previous is not None and previous[0] == "ORG" and candidate[0] in ("ORG", "LOC") and previous[2] == candidate[1]:
            joined[-1] = ("ORG", previous[1], candidate[2], previous[3])
        else:
            joined.append(candidate)
    return joined


def _web_domains(tokens: Tokens) -> list[Candidate]:
    spans = (tokens.covering(*match.span()) for match in _WEB_DOMAIN.finditer(tokens.text))
    return [("ORG", *span, "web_domain") for span in spans if span is not None]


def _with_blessing(tokens: Tokens, candidate: Candidate) -> Candidate:
    """A blessing after a name belongs to it: "امام رضا (ع)", and "دانشگاه امام صادق (ع)" named after him."""
    label, first, end, rule = candidate
    return (label, first, context.with_blessing(tokens, end), rule)
