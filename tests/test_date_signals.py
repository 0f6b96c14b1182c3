"""The date finder skips the patterns whose words a sentence lacks; skipping must never change a result."""

import pytest
from support import corpus_lines, shared_jsonl

from extractor.facts import date
from extractor.facts.common import SentenceContext
from extractor.normalize import normalize

EVERY_SIGNAL = {signal for signal in date._NEEDS.values()}


def _spans(text):
    sentence = SentenceContext.read(text, None)
    return [(candidate.start, candidate.end, candidate.rule) for candidate in date.find(sentence)]


def _same_with_every_pattern(texts, monkeypatch):
    for text in texts:
        normalized = normalize(text)
        found = _spans(normalized)
        with monkeypatch.context() as patch:
            patch.setattr(date, "_signals", lambda text, words: EVERY_SIGNAL)
            assert _spans(normalized) == found, text


@pytest.mark.parametrize("name", ["dates", "times", "money", "percent"])
def test_date_signals_change_nothing_on_the_corpus(name, monkeypatch):
    _same_with_every_pattern([case.values[0]["text"] for case in corpus_lines(name)], monkeypatch)


@pytest.mark.slow  # the PEYMA corpus
def test_date_signals_change_nothing_on_peyma(monkeypatch):
    _same_with_every_pattern([line["text"] for line in shared_jsonl("peyma/dev.jsonl")], monkeypatch)
