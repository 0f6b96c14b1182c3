"""A rule runs only on sentences holding the words it needs (rules.Needs); skipping it must never change
a result: with every rule run on every sentence, the facts are the same."""

import pytest
from support import corpus_lines, shared_jsonl

from extractor.facts import find_facts
from extractor.facts.rules import Registry
from extractor.normalize import normalize


def _facts(text):
    return [(fact.kind, fact.start, fact.end, fact.rule.name, fact.value) for fact in find_facts(text, 0, len(text), None)]


def _same_with_every_rule(texts, monkeypatch):
    for text in texts:
        normalized = normalize(text)
        found = _facts(normalized)
        with monkeypatch.context() as patch:
            patch.setattr(Registry, "runnable", lambda registry, sentence: list(registry.rules))
            assert _facts(normalized) == found, text


def test_needs_are_checked():
    """What the patch below undoes: a sentence that lacks their words runs no rule."""
    from extractor.facts import date
    from extractor.facts.common import SentenceContext

    sentence = SentenceContext.read("هیچ عددی اینجا نیست", None)
    assert list(date.RULES.runnable(sentence)) == []


@pytest.mark.parametrize("name", ["dates", "times", "money", "percent", "counts", "ages", "ranks"])
def test_needs_change_nothing_on_the_corpus(name, monkeypatch):
    _same_with_every_rule([case.values[0]["text"] for case in corpus_lines(name)], monkeypatch)


@pytest.mark.slow  # the PEYMA corpus
def test_needs_change_nothing_on_peyma(monkeypatch):
    _same_with_every_rule([line["text"] for line in shared_jsonl("peyma/dev.jsonl")], monkeypatch)
