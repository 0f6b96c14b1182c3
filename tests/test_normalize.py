import random

import pytest
from support import corpus_lines, shared_jsonl

from extractor.normalize import HAZM_OPTIONS, default_normalizer, normalize
from extractor.numbers import find_numbers


@pytest.mark.parametrize("case", corpus_lines("normalization"))
def test_normalize_corpus(case):
    assert normalize(case["raw"]) == case["normalized"]


def _hazm_whole_text(text: str) -> str:
    from extractor.normalize import _OUR_FOLD

    return default_normalizer().hazm.normalize(text).translate(_OUR_FOLD)


@pytest.mark.parametrize("case", corpus_lines("normalization"))
def test_normalize_equals_hazm_on_whole_text(case):
    """Our per-character use of hazm gives exactly hazm's output on the whole text."""
    assert normalize(case["raw"]) == _hazm_whole_text(case["raw"])


@pytest.mark.parametrize("corpus", ["news/fars_news.jsonl", "news/varzesh3.jsonl"])
def test_normalize_equals_hazm_on_shared_news(corpus):
    for article in shared_jsonl(corpus):
        assert normalize(article["text"]) == _hazm_whole_text(article["text"]), article["id"]


def test_normalize_pins_every_hazm_option():
    import inspect

    from hazm import Normalizer

    options = set(inspect.signature(Normalizer.__init__).parameters) - {"self"}
    assert options == set(HAZM_OPTIONS)


@pytest.mark.parametrize("number", ["12.5", "1,250,000", "1402/05/12", "3%", "۱۲٫۵", "٣٤٥"])
def test_normalize_never_splits_a_number(number):
    normalized = normalize(f"رشد {number} بود")
    assert " " not in normalized[len("رشد ") : -len(" بود")]


def test_normalize_raw_span_round_trips_on_random_spans():
    raw = "بانكي\u200f ۱۲٫۵ درصدِ ﷼ بـزرگ\r\n٣٤٥ مدرسة"
    normalized = default_normalizer().normalize(raw)
    generator = random.Random(7)
    for _ in range(500):
        start = generator.randrange(len(normalized.text))
        end = generator.randrange(start + 1, len(normalized.text) + 1)
        raw_start, raw_end = normalized.raw_span(start, end)
        piece = normalize(raw[raw_start:raw_end])
        assert normalized.text[start:end] in piece


def test_normalize_keeps_numbers_findable():
    assert [match.value for match in find_numbers(normalize("۲ هزار و ۳۰۰ واحد"))] == [2300]
