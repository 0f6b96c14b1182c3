"""Owns the spaCy component: `nlp.add_pipe("khabar")` puts every fact in `doc.spans["facts"]` and every
person, organization and place in `doc.ents`.

Registered through the `spacy_factories` entry point, so a spaCy user needs no import:

    nlp = spacy.blank("fa")
    nlp.add_pipe("khabar", config={"reference_date": "2018-07-04"})
    doc = nlp(text)
    [(span.text, span.label_, span._.khabar_value) for span in doc.spans["facts"]]

Each fact span's label is the fact's kind; `span._.khabar_value` its value and `span._.khabar_fact`
the whole validated fact; `doc._.khabar` is the Document. Entities carry the label PERSON, ORG or
LOC, and, when a mention stands for a fuller name (سیجانی -> محمود سیجانی), that name as `kb_id_`.
Spans cover the raw span, widened to whole spaCy tokens; entities the user's pipeline already set
are kept, and ours fill the rest.
"""

from __future__ import annotations

import datetime

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor.pipeline import extract

SPANS_KEY = "facts"
_EXTENSIONS = ((Span, "khabar_kind"), (Span, "khabar_value"), (Span, "khabar_fact"), (Doc, "khabar"))


class KhabarComponent:
    """Runs the khabar pipeline on each doc's text and records its facts as spans."""

    def __init__(self, reference_date: str | None = None) -> None:
        self.reference_date = datetime.date.fromisoformat(reference_date) if reference_date else None
        for owner, name in _EXTENSIONS:
            if not owner.has_extension(name):
                owner.set_extension(name, default=None)

    def __call__(self, doc: Doc) -> Doc:
        document = extract(doc.text, reference_date=self.reference_date)
        spans = []
        for fact in document.facts:
            span = doc.char_span(fact.raw_span.start, fact.raw_span.end, label=fact.kind, alignment_mode="expand")
            if span is None:
                continue  # a fact inside one token that spaCy's tokenizer does not split
            span._.khabar_kind = fact.kind
            span._.khabar_value = fact.value
            span._.khabar_fact = fact
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        doc.ents = _entities(doc, document)
        doc._.khabar = document
        return doc


def _entities(doc: Doc, document) -> list[Span]:
    """The doc's own entities, then ours wherever they do not overlap them."""
    ours = []
    for entity in document.entities:
        span = doc.char_span(
            entity.raw_span.start, entity.raw_span.end, label=entity.label, kb_id=entity.canonical or "",
            alignment_mode="expand",
        )
        if span is not None:
            ours.append(span)
    taken = {token.i for entity in doc.ents for token in entity}
    return [*doc.ents, *filter_spans([span for span in ours if not taken.intersection(range(span.start, span.end))])]


@Language.factory("khabar", default_config={"reference_date": None})
def make_khabar(nlp: Language, name: str, reference_date: str | None) -> KhabarComponent:
    """The spaCy factory (also the `spacy_factories` entry point)."""
    return KhabarComponent(reference_date)
