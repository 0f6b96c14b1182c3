"""THE data flow: raw text -> normalize -> de-duplicate -> entities and attribution -> segment -> facts
(with speaker, subject, location) -> consistency notes -> Document."""

from __future__ import annotations

import bisect
import datetime
import typing
from operator import attrgetter
from typing import TYPE_CHECKING

from extractor import arguments, attribution, dedupe, notes, repeats, segment, subjects
from extractor import entities as named
from extractor.arguments import DEFAULT_RECOGNIZER
from extractor.errors import DocumentTooLargeError
from extractor.facts import find_facts
from extractor.facts.candidates import Candidate, Count
from extractor.models import (
    BoilerplateLine,
    Document,
    DuplicateParagraph,
    Fact,
    Span,
    Speaker,
)
from extractor.normalize import NormalizedText, default_normalizer
from extractor.offsets import DocumentOffset, DocumentSpan
from extractor.text_layout import TextLayout

# Fact is Annotated[Union[MoneyFact, ...], discriminator]: its models, by the kind each is for.
_FACT_MODELS = {model.model_fields["kind"].default: model for model in typing.get_args(typing.get_args(Fact)[0])}


# A document longer than this is refused (DocumentTooLargeError): about 20 MB of Persian news text,
# several hundred articles; it takes a minute or two and a few GB of memory to extract.
MAX_CHARACTERS = 20_000_000


def extract(
    text: str,
    reference_date: datetime.date | datetime.datetime | str | None = None,
    document_id: str | None = None,
    entities: str | None = DEFAULT_RECOGNIZER,
    max_characters: int | None = MAX_CHARACTERS,
) -> Document:
    """Extract the facts of one news text.

    `reference_date` (usually the publication date) resolves relative dates such as "14 تیرماه جاری".
    `entities` names the recognizer of people, organizations and places: "merged" (the trained model's
    mentions and the rules', the default), "model" or "rules" (no spaCy model loaded: faster); None skips
    them (facts then carry no location, a speaker known only by title stays so, and N ساله after a name
    only the entities find stays a duration); another value raises ValueError.

    `reference_date` may also be a datetime (its date), an ISO string ("2018-07-04") or a jdatetime
    date; another type raises TypeError, a date outside the years 1000 to 3000 ReferenceDateError, and
    `text` that is not a str (bytes: decode first) TypeError. A text longer than `max_characters` (None:
    no limit) raises DocumentTooLargeError.
    """
    return Document.model_validate(_document_fields(text, reference_date, document_id, entities, max_characters))


def extract_json(
    text: str,
    reference_date: datetime.date | datetime.datetime | str | None = None,
    document_id: str | None = None,
    entities: str | None = DEFAULT_RECOGNIZER,
    max_characters: int | None = MAX_CHARACTERS,
) -> str:
    """`extract(...).model_dump_json()`, the same text, with the Document built as it is rather than
    validated (its facts are validated one by one as they are made, its paragraphs, sentences and
    entities are made here from checked values): the batch's hot path. The tests compare the two on
    every corpus document."""
    fields = _document_fields(text, reference_date, document_id, entities, max_characters)
    return Document.model_construct(**fields).model_dump_json(warnings=False)


def _document_fields(
    text: str,
    reference_date: datetime.date | datetime.datetime | str | None,
    document_id: str | None,
    entities: str | None,
    max_characters: int | None,
) -> dict:
    """The Document's fields. Paragraphs, sentences and entities are plain dicts, which pydantic validates
    with the Document in one call (a few percent of a batch run, against building each model on its own);
    facts are models (the notes read them)."""
    text = arguments.text(text)
    if max_characters is not None and len(text) > max_characters:
        raise DocumentTooLargeError(len(text), max_characters)
    reference_date = arguments.reference_date(reference_date)
    document_id = arguments.document_id(document_id)
    recognizer = arguments.entities(entities)
    normalized = default_normalizer().normalize(text)
    paragraphs = dedupe.deduplicate(normalized.text, dedupe.split_paragraphs(normalized.text))
    dedupe.drop_near_duplicates(normalized.text, paragraphs, repeats.says_nothing_new(normalized.text, reference_date))
    layout = TextLayout(normalized, paragraphs.kept)
    mentions, speakers = _entities_and_speakers(layout, paragraphs.kept, recognizer)
    sentences, facts = _sentences_and_facts(layout, paragraphs.kept, speakers, mentions, reference_date)
    lead = {block.index for block in paragraphs.kept[: notes.LEAD_PARAGRAPHS]}
    headings = lead | {block.index for block in paragraphs.kept if repeats.is_heading(layout.paragraph_text(block))}
    facts = _with_restatements_linked(facts, headings, layout.text, sentences)
    twins = [(later.index, first.index, alike) for later, first, alike in paragraphs.near_duplicates_kept]
    return {
        "id": document_id,
        "source": attribution.source_agency(normalized.text),  # a dropped near duplicate may hold "به گزارش ..."
        "reference_date": reference_date,
        "text": layout.text,
        "paragraphs": [_paragraph(block, layout, speaker) for block, speaker in zip(paragraphs.kept, speakers)],
        "sentences": sentences,
        "facts": facts,
        "entities": [
            _entity(mention, layout) for mention in mentions if not layout.cuts_a_character(*_in_document(mention))
        ],
        "notes": [*notes.notes(layout.text, facts, lead), *repeats.different_values(facts, twins)],
        "duplicates": [
            DuplicateParagraph(
                index=block.index,
                raw_span=_raw_block_span(normalized, block),
                text=normalized.text[block.start : block.end],
                duplicate_of=first,
                similarity=alike,
            )
            for block, first, alike in paragraphs.duplicates
        ],
        "boilerplate": [
            BoilerplateLine(
                index=block.index,
                raw_span=_raw_block_span(normalized, block),
                text=normalized.text[block.start : block.end],
                reason=reason,
            )
            for block, reason in paragraphs.boilerplate
        ],
    }


def _sentences_and_facts(
    layout: TextLayout,
    kept: list[dedupe.Block],
    speakers: list[Speaker | None],
    mentions: list[named.Mention],
    reference_date: datetime.date | None,
) -> tuple[list[dict], list[Fact]]:
    """Each kept paragraph's sentences (as dicts) and the facts found in them."""
    sentences: list[dict] = []
    facts: list[Fact] = []
    places = [mention for mention in mentions if mention.label == "LOC"]  # in text order, none overlapping
    place_starts = [place.start for place in places]
    name_ends = sorted(mention.end for mention in mentions if mention.label == "PERSON")
    for block, speaker in zip(kept, speakers):
        for start, end in segment.sentences(layout.text, *layout.span_of(block)):
            in_sentence = places[bisect.bisect_left(place_starts, start) : bisect.bisect_left(place_starts, end)]
            for candidate in find_facts(layout.text, start, end, reference_date, name_ends):
                if layout.cuts_a_character(*_in_document(candidate)):
                    continue  # "6﷽" read as "6بسم": no text of the input
                measured = _measured(candidate, layout.text, start, end, in_sentence)
                facts.append(_fact(candidate, layout, block.index, len(sentences), speaker, measured))
            sentences.append({"paragraph": block.index, "span": {"start": start, "end": end}})
    return sentences, facts


def _with_restatements_linked(facts: list[Fact], headings: set[int], text: str, sentences: list[dict]) -> list[Fact]:
    """The facts, each that restates an earlier one pointing to it (`mention_of`)."""
    sentence_texts = [text[sentence["span"]["start"] : sentence["span"]["end"]] for sentence in sentences]
    linked = repeats.restatements(facts, headings, sentence_texts)
    return [fact.model_copy(update={"mention_of": linked[index]}) if index in linked else fact for index, fact in enumerate(facts)]


def _entities_and_speakers(
    layout: TextLayout, kept: list[dedupe.Block], recognizer: str | None
) -> tuple[list[named.Mention], list[Speaker | None]]:
    """The people, organizations and places named, and each paragraph's speaker: a speaker known by
    title only is named from the entities, or inferred from quotes in turns with one named person; bare
    surnames are linked to the speakers' full names."""
    speakers = attribution.speakers([layout.paragraph_text(block) for block in kept])
    if recognizer is None:
        return [], attribution.name_alternating_title(speakers)
    paragraph_spans = [layout.span_of(block) for block in kept]
    mentions = named.find(layout.text, paragraph_spans, recognizer)
    speakers = attribution.name_alternating_title(named.name_titled_speakers(layout.text, mentions, speakers))
    paragraph_starts = [start for start, _ in paragraph_spans]
    return named.link(layout.text, mentions, speakers, paragraph_starts), speakers


def _measured(candidate: Candidate, text: str, sentence_start: int, sentence_end: int, places: list[named.Mention]) -> dict:
    """Subject and location, for the kinds that measure something."""
    if candidate.kind not in subjects.MEASURED_KINDS:
        return {}
    bounds = (candidate.start, candidate.end, sentence_start, sentence_end)
    return {
        "subject": subjects.subject(text, candidate.kind, *bounds, candidate.counted_noun if isinstance(candidate, Count) else None),
        "location": subjects.location(text, *bounds, places),
    }


def _fact(
    candidate: Candidate, layout: TextLayout, paragraph: int, sentence: int, speaker: Speaker | None, measured: dict
) -> Fact:
    model = _FACT_MODELS[candidate.kind]
    raw_start, raw_end = layout.raw_span(*_in_document(candidate))
    qualifier_span = candidate.qualifier_span
    return model(  # spans as dicts: validated inside the fact's own validation, not one call each
        text=layout.text[candidate.start : candidate.end],
        span={"start": candidate.start, "end": candidate.end},
        raw_span={"start": raw_start, "end": raw_end},
        value=candidate.value,
        unit=candidate.unit,
        qualifier=candidate.qualifier,
        paragraph=paragraph,
        sentence=sentence,
        rule=candidate.rule.name,
        speaker=speaker,
        qualifier_span={"start": qualifier_span[0], "end": qualifier_span[1]} if qualifier_span else None,
        **candidate.model_fields(),
        **measured,
    )


def _entity(mention: named.Mention, layout: TextLayout) -> dict:
    """An Entity's fields (validated with the Document)."""
    raw_start, raw_end = layout.raw_span(*_in_document(mention))
    return {
        "label": mention.label,
        "text": layout.text[mention.start : mention.end],
        "span": {"start": mention.start, "end": mention.end},
        "raw_span": {"start": raw_start, "end": raw_end},
        "canonical": mention.canonical,
        "rule": mention.rule,
    }


if TYPE_CHECKING:

    def _in_document(found: Candidate | named.Mention) -> DocumentSpan:
        """The span of a fact or mention found in Document.text (the facts and the entities are found in
        it; their offsets are plain ints), in that offset space."""
        return DocumentOffset(found.start), DocumentOffset(found.end)

else:  # the same, in C: this runs for every fact and every entity mention
    _in_document = attrgetter("start", "end")


def _paragraph(block: dedupe.Block, layout: TextLayout, speaker: Speaker | None) -> dict:
    """A Paragraph's fields (validated with the Document)."""
    start, end = layout.span_of(block)
    raw_start, raw_end = layout.raw_span(start, end)
    return {
        "index": block.index,
        "span": {"start": start, "end": end},
        "raw_span": {"start": raw_start, "end": raw_end},
        "speaker": speaker,
    }


def _raw_block_span(normalized: NormalizedText, block: dedupe.Block) -> Span:
    start, end = normalized.raw_span(block.start, block.end)
    return Span(start=start, end=end)
