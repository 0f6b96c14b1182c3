"""Owns entity recognition: a blank spaCy `fa` pipeline whose PhraseMatcher holds every shipped lexicon;
its hits are entities (places, organizations, people) or context words that the context rules grow
into entities; overlaps are settled the spaCy way (the longest span wins, then the earliest)."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

import regex

from extractor.entities import context, patterns

LABELS = ("PERSON", "ORG", "LOC")
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


@functools.cache
def _recognizer() -> _Recognizer:
    """The spaCy pipeline and its PhraseMatcher (built once per process: it holds every lexicon)."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("fa")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, phrases in patterns.phrases().items():
        matcher.add(key, list(nlp.tokenizer.pipe(phrases)))
    return _Recognizer(nlp, matcher)


def entity_pipeline():
    """The blank spaCy `fa` pipeline entities are found with (its tokenizer and vocabulary)."""
    return _recognizer().nlp


def entity_spans(doc) -> list:
    """The entities of a spaCy Doc as labelled spaCy Spans (their `id_` is the rule), none overlapping."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    recognizer = _recognizer()
    hits: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for match_id, start, end in recognizer.matcher(doc):
        hits[recognizer.nlp.vocab.strings[match_id]].append((start, end))
    found = [
        (*patterns.ENTITY_KEYS[key], start, end) for key, spans in hits.items() if key in patterns.ENTITY_KEYS
        for start, end in spans
    ]
    strong, weak = context.candidates(doc, hits)
    # Between equally long spans the first wins: strong context rules, then lexicons, then weak rules.
    spans = [Span(doc, start, end, label=label, span_id=rule) for label, start, end, rule in strong]
    spans += [Span(doc, start, end, label=label, span_id=rule) for label, rule, start, end in found]
    spans += _web_domains(doc)
    spans += [Span(doc, start, end, label=label, span_id=rule) for label, start, end, rule in weak]
    return [_with_blessing(span) for span in _joined_organizations(filter_spans(spans))]


def _joined_organizations(spans: list) -> list:
    """An organization or place written right after an organization is part of its name: "کمیسیون
    فرهنگی" + "مجلس شورای اسلامی", "اتاق بازرگانی" + "استان زنجان" (the Persian genitive chain)."""
    from spacy.tokens import Span

    joined: list = []
    for span in sorted(spans, key=lambda span: span.start):
        previous = joined[-1] if joined else None
        if previous is not None and previous.label_ == "ORG" and span.label_ in ("ORG", "LOC") and previous.end == span.start:
            joined[-1] = Span(span.doc, previous.start, span.end, label="ORG", span_id=previous.id_)
        else:
            joined.append(span)
    return joined


def _web_domains(doc) -> list:
    domains = (doc.char_span(*match.span(), label="ORG", alignment_mode="expand") for match in _WEB_DOMAIN.finditer(doc.text))
    return [_with_rule(span, "web_domain") for span in domains if span is not None]


def _with_rule(span, rule: str):
    from spacy.tokens import Span

    return Span(span.doc, span.start, span.end, label=span.label_, span_id=rule)


def _with_blessing(span):
    from spacy.tokens import Span

    end = context.with_blessing(span.doc, span.end) if span.label_ == "PERSON" else span.end
    return span if end == span.end else Span(span.doc, span.start, end, label=span.label_, span_id=span.id_)


def recognize(text: str) -> list[Mention]:
    """The entity mentions of `text`, left to right, none overlapping."""
    doc = _recognizer().nlp.make_doc(text)
    return [Mention(span.label_, span.start_char, span.end_char, span.id_) for span in entity_spans(doc)]
