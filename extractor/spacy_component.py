"""Owns the spaCy component: `nlp.add_pipe("khabar")` puts every fact in `doc.spans["facts"]` and every
person, organization and place in `doc.ents`.

Registered through the `spacy_factories` entry point, so a spaCy user needs no import:

    nlp = spacy.blank("fa")
    nlp.add_pipe("khabar", config={"reference_date": "2018-07-04"})
    doc = nlp(text)
    [(span.text, span.label_, span._.khabar_value) for span in doc.spans["facts"]]

Each fact span's label is the fact's kind; `span._.khabar_value` its value and `span._.khabar_fact`
the whole validated fact; `doc._.khabar` is the Document. These are getters over JSON text the
component stores (`span._.khabar_fact_json`, `doc._.khabar_json`), so docs serialize as usual:
`doc.to_bytes()`, `DocBin(store_user_data=True)`, `nlp.pipe(texts, n_process=2)`. Entities carry the label PERSON, ORG or
LOC, and, when a mention stands for a fuller name (سیجانی -> محمود سیجانی), that name as `kb_id_`.
Spans cover the raw span, widened to whole spaCy tokens; entities the user's pipeline already set
are kept, and ours fill the rest.
"""

from __future__ import annotations

from pydantic import TypeAdapter
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor import arguments
from extractor.arguments import DEFAULT_RECOGNIZER
from extractor.models import Document, Fact
from extractor.pipeline import extract

SPANS_KEY = "facts"
_FACT = TypeAdapter(Fact)


def _fact(span: Span) -> Fact | None:
    data = span._.khabar_fact_json
    return None if data is None else _FACT.validate_json(data)


def _value(span: Span):
    fact = _fact(span)
    return None if fact is None else fact.value


def _kind(span: Span) -> str | None:
    return span._.khabar_fact_json and span.label_


def _document(doc: Doc) -> Document | None:
    data = doc._.khabar_json
    return None if data is None else Document.model_validate_json(data)


# What the component stores is JSON text (plain data: Doc.to_bytes, DocBin(store_user_data=True) and
# nlp.pipe(n_process=2) serialize it with msgpack, which can hold neither a pydantic model nor a
# 30-digit int); the models are given back by getters.
_STORED = ((Span, "khabar_fact_json"), (Doc, "khabar_json"))
_GETTERS = ((Span, "khabar_fact", _fact), (Span, "khabar_value", _value), (Span, "khabar_kind", _kind), (Doc, "khabar", _document))


class KhabarComponent:
    """Runs the khabar pipeline on each doc's text and records its facts as spans."""

    def __init__(self, reference_date: str | None = None, entities: str | None = DEFAULT_RECOGNIZER) -> None:
        self.reference_date = arguments.reference_date(reference_date)  # a bad date fails at add_pipe
        self.entities = arguments.entities(entities)  # and so does a recognizer khabar does not have
        for owner, name in _STORED:
            if not owner.has_extension(name):
                owner.set_extension(name, default=None)
        for owner, name, getter in _GETTERS:
            if not owner.has_extension(name):
                owner.set_extension(name, getter=getter)

    def __call__(self, doc: Doc) -> Doc:
        document = extract(doc.text, reference_date=self.reference_date, entities=self.entities)
        spans = []
        for fact in document.facts:
            span = doc.char_span(fact.raw_span.start, fact.raw_span.end, label=fact.kind, alignment_mode="expand")
            if span is None:
                continue  # a fact inside one token that spaCy's tokenizer does not split
            span._.khabar_fact_json = fact.model_dump_json()
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        doc.ents = _entities(doc, document)
        doc._.khabar_json = document.model_dump_json()
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


@Language.factory("khabar", default_config={"reference_date": None, "entities": DEFAULT_RECOGNIZER})
def make_khabar(nlp: Language, name: str, reference_date: str | None, entities: str | None) -> KhabarComponent:
    """The spaCy factory (also the `spacy_factories` entry point)."""
    return KhabarComponent(reference_date, entities)
