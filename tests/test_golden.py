"""The sample article against its hand-written expectations: every fact, nothing missing, nothing extra."""

import datetime
import json

import pytest
from support import CORPUS, assert_span_invariants

from extractor import extract

SAMPLE = CORPUS / "documents" / "qom_industry_irna.txt"
EXPECTED = json.loads((CORPUS / "documents" / "qom_industry_irna.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def raw():
    return SAMPLE.read_text(encoding="utf-8")


REFERENCE_DATE = datetime.date.fromisoformat(EXPECTED["reference_date"])


@pytest.fixture(scope="module")
def document(raw):
    """The sample with the rule recognizer, whose entities the expected file lists exactly."""
    return extract(raw, reference_date=REFERENCE_DATE, entities="rules")


@pytest.fixture(scope="module")
def merged_document(raw):
    return extract(raw, reference_date=REFERENCE_DATE)


def _speaker(fact):
    return fact.speaker and (fact.speaker.name or fact.speaker.title)


def test_golden_fact_list(document):
    observed = []
    for fact in document.facts:
        entry = {key: getattr(fact, key) for key in ("kind", "value", "unit", "qualifier", "text")}
        entry["speaker"] = _speaker(fact)
        if fact.kind == "money":
            entry["value_irr"] = fact.value_irr
        observed.append(entry)
    assert observed == EXPECTED["facts"]


def test_golden_paragraphs(document):
    assert len(document.paragraphs) == EXPECTED["paragraphs_kept"]
    assert len(document.duplicates) == EXPECTED["duplicates"]
    assert [line.text for line in document.boilerplate] == EXPECTED["boilerplate"]
    assert document.source == EXPECTED["source"]


def test_golden_duplicates_point_at_first_copies(document, raw):
    lines = [line for line in raw.split("\n") if line.strip()]
    for duplicate in document.duplicates:
        assert duplicate.duplicate_of < duplicate.index
        assert lines[duplicate.index] == lines[duplicate.duplicate_of]
        assert raw[duplicate.raw_span.start : duplicate.raw_span.end] == lines[duplicate.index]


def test_golden_no_fact_from_boilerplate(document, raw):
    for line in document.boilerplate:
        assert all(not (line.raw_span.start <= fact.raw_span.start < line.raw_span.end) for fact in document.facts)


def test_golden_span_invariants(document, raw):
    assert_span_invariants(document, raw)


def test_golden_sentences_cover_facts(document):
    for fact in document.facts:
        sentence = document.sentences[fact.sentence]
        assert sentence.span.start <= fact.span.start and fact.span.end <= sentence.span.end
        assert sentence.paragraph == fact.paragraph


def test_golden_date_resolved_against_reference(document):
    thursday = next(fact for fact in document.facts if fact.text == "روز پنجشنبه 14 تیرماه جاری")
    assert (thursday.year, thursday.month, thursday.day, thursday.weekday) == (1397, 4, 14, "thursday")
    assert thursday.start == datetime.date(2018, 7, 5)


def test_golden_entities(document):
    observed = sorted({(entity.label, entity.text, entity.canonical) for entity in document.entities}, key=str)
    assert observed == sorted((tuple(entry) for entry in EXPECTED["entities"]), key=str)


def test_golden_default_recognizer_finds_every_expected_person_and_place(merged_document):
    """The merged recognizer finds the expected people and places; of the organizations, it keeps the two
    working groups (کارگروه پسماند) the rules grew from a head noun only where the model saw one too, and
    here it did not (the policy in entities/merge.py, measured in docs/model.md)."""
    observed = {(entity.label, entity.text, entity.canonical) for entity in merged_document.entities}
    expected = {tuple(entry) for entry in EXPECTED["entities"]}
    assert {entry for entry in expected if entry[0] != "ORG"} <= observed
    assert {entry[1] for entry in expected - observed} == {"کارگروه تسهیل و رفع موانع تولید", "کارگروه پسماند"}


def test_golden_default_recognizer_keeps_facts_and_speakers(document, merged_document):
    assert [(fact.text, _speaker(fact)) for fact in merged_document.facts] == [(fact.text, _speaker(fact)) for fact in document.facts]


def test_golden_subjects_and_locations(document):
    measured = [fact for fact in document.facts if fact.kind in ("count", "money", "percent")]
    assert [[fact.text, fact.subject, fact.location] for fact in measured] == EXPECTED["measured"]


def test_golden_notes(document):
    observed = [
        {"kind": note.kind, "message": note.message, "facts": [document.facts[index].text for index in note.facts]}
        for note in document.notes
    ]
    assert observed == EXPECTED["notes"]
