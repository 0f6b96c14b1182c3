"""The whole-article gold (corpus/documents, docs/annotation.md) is well formed, and the scorer finds every
gold fact's and entity's text in the normalized article (articles of the shared corpora skip cleanly
without them)."""

import datetime
import json

import pytest
from support import CORPUS, SHARED_DATA, bench_module

eval_documents = bench_module("eval_documents")
KINDS = set(eval_documents.KINDS)
QUALIFIERS = {"exact", "more_than", "less_than", "about", "at_least", "at_most"}
ANNOTATED = [
    pytest.param(path, id=path.name.removesuffix(".expected.json"))
    for path in sorted((CORPUS / "documents").glob("*.expected.json"))
    if "section" in json.loads(path.read_text(encoding="utf-8"))
]


def test_at_least_fifteen_articles_across_sections():
    expected = [json.loads(param.values[0].read_text(encoding="utf-8")) for param in ANNOTATED]
    assert len(expected) >= 15
    assert {entry["section"] for entry in expected} == {"economy", "society", "sports"}
    assert {entry["split"] for entry in expected} == {"development", "held_out"}


@pytest.mark.parametrize("path", ANNOTATED)
def test_gold_is_well_formed(path):
    expected = json.loads(path.read_text(encoding="utf-8"))
    datetime.date.fromisoformat(expected["reference_date"])
    assert expected["reference_date_basis"]
    assert "shared" in expected or path.with_name(path.name.replace(".expected.json", ".txt")).is_file()
    for fact in expected["facts"]:
        assert fact["kind"] in KINDS and fact["qualifier"] in QUALIFIERS
        assert set(fact) <= {"kind", "text", "value", "value_high", "unit", "qualifier"}
        assert fact["text"].strip() == fact["text"] and fact["text"]
    for entity in expected.get("entities", []):
        assert set(entity) == {"label", "text"} and entity["label"] in {"PERSON", "ORG", "LOC"}
        assert entity["text"].strip() == entity["text"] and entity["text"]


@pytest.fixture(scope="module")
def articles():
    return {article.name: article for article in eval_documents.load_articles(SHARED_DATA)[0]}


@pytest.mark.parametrize("path", ANNOTATED)
def test_gold_texts_found_in_the_normalized_article(path, articles):
    name = path.name.removesuffix(".expected.json")
    article = articles.get(name)
    if article is None:
        pytest.skip(f"{name}: its text is in the shared data, not found at {SHARED_DATA}")
    text, _ = eval_documents.observed_facts(article)
    expected = json.loads(path.read_text(encoding="utf-8"))
    for gold in (article.facts, expected.get("entities", [])):
        spans = eval_documents.gold_spans(name, text, gold)
        for item, (start, end) in zip(gold, spans, strict=True):
            assert eval_documents.fold(text[start:end]) == eval_documents.fold(item["text"])


def test_matching_requires_value_unit_and_qualifier():
    gold = {"kind": "count", "text": "3 روستا", "value": 3, "unit": "روستا", "qualifier": "exact"}
    assert eval_documents.agrees(gold, {**gold, "unit": "روستای"})
    assert not eval_documents.agrees(gold, {**gold, "value": 4})
    assert not eval_documents.agrees(gold, {**gold, "unit": "تیم"})
    assert not eval_documents.agrees(gold, {**gold, "qualifier": "about"})
    assert not eval_documents.agrees({**gold, "value_high": 5}, gold)
