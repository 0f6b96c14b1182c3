"""Owns entity recognition: a blank spaCy `fa` pipeline whose PhraseMatcher holds every shipped lexicon;
its hits are entities (places, organizations, people) or context words that the context rules grow
into entities; overlaps are settled the spaCy way (the longest span wins, then the earliest)."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

import regex

from extractor.entities import context, patterns

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


@dataclass(frozen=True)
class _Recognizer:
    nlp: object  # spacy.Language
    matcher: object  # spacy.matcher.PhraseMatcher


# (label, first token, end token, rule): an entity candidate, in token offsets.
Candidate = tuple[str, int, int, str]


@functools.cache
def _recognizer() -> _Recognizer:
    """The spaCy pipeline and its PhraseMatcher (built once per process: it holds every lexicon)."""
    import spacy
    from spacy.matcher import PhraseMatcher

    from extractor.entities.tokens import WordTokenizer

    nlp = spacy.blank("fa")
    nlp.tokenizer = WordTokenizer(nlp.vocab)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, phrases in patterns.phrases().items():
        matcher.add(key, list(nlp.tokenizer.pipe(phrases)))
    return _Recognizer(nlp, matcher)


def recognize(text: str) -> list[Mention]:
    """The entity mentions of `text`, left to right, none overlapping."""
    doc = _recognizer().nlp.make_doc(text)
    starts, lengths = doc.to_array("IDX"), doc.to_array("LENGTH")
    return [
        Mention(label, int(starts[first]), int(starts[end - 1] + lengths[end - 1]), rule)
        for label, first, end, rule in entity_candidates(doc, text)
    ]


def entity_candidates(doc, text: str) -> list[Candidate]:
    """The entities of the spaCy Doc of `text`, in token offsets, left to right, none overlapping."""
    recognizer = _recognizer()
    hits: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for match_id, start, end in recognizer.matcher(doc):
        hits[recognizer.nlp.vocab.strings[match_id]].append((start, end))
    found = [
        (label, start, end, rule) for key, spans in hits.items() if key in patterns.ENTITY_KEYS
        for label, rule in [patterns.ENTITY_KEYS[key]] for start, end in spans
    ]
    strong, weak = context.candidates(doc, hits)
    # Between equally long spans the first wins: strong context rules, then lexicons, then weak rules.
    settled = _longest_first([*strong, *found, *_web_domains(doc, text), *weak])
    people = [_with_blessing(doc, candidate) for candidate in _joined_organizations(settled)]
    return _longest_first([*people, *context.listed_with_people(doc, people)])


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that no longer (or equally long, earlier, or earlier listed) one overlaps, in
    text order: spaCy's filter_spans policy, on plain tuples."""
    taken: set[int] = set()
    kept = []
    for candidate in sorted(candidates, key=lambda candidate: (candidate[1] - candidate[2], candidate[1])):
        tokens = range(candidate[1], candidate[2])
        if taken.isdisjoint(tokens):
            kept.append(candidate)
            taken.update(tokens)
    return sorted(kept, key=lambda candidate: candidate[1])


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


def _web_domains(doc, text: str) -> list[Candidate]:
    spans = (doc.char_span(*match.span(), alignment_mode="expand") for match in _WEB_DOMAIN.finditer(text))
    return [("ORG", span.start, span.end, "web_domain") for span in spans if span is not None]


def _with_blessing(doc, candidate: Candidate) -> Candidate:
    label, first, end, rule = candidate
    return (label, first, context.with_blessing(doc, end), rule) if label == "PERSON" else candidate
