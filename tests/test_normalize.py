import json
import random
from pathlib import Path

import pytest
from support import corpus_lines, shared_jsonl

from extractor.normalize import HAZM_OPTIONS, default_normalizer, normalize
from extractor.numbers import find_numbers


@pytest.mark.parametrize("case", corpus_lines("normalization"))
def test_normalize_corpus(case):
    assert normalize(case["raw"]) == case["normalized"]


def _hazm_whole_text(text: str) -> str:
    from extractor.normalize import _OUR_FOLD, decompose_presentation_forms, input_policy

    by_policy = "".join(character if (replaced := input_policy(character)) is None else replaced for character in text)
    return default_normalizer().hazm.normalize(decompose_presentation_forms(by_policy)).translate(_OUR_FOLD)


@pytest.mark.parametrize("case", corpus_lines("normalization"))
def test_normalize_equals_hazm_on_whole_text(case):
    """Our per-character use of hazm gives exactly hazm's output on the whole text (the input policy
    applied and presentation forms decomposed first, as in the pipeline)."""
    assert normalize(case["raw"]) == _hazm_whole_text(case["raw"])


@pytest.mark.slow  # the shared news corpora
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


# Both hazm lines (0.10 on Python 3.11, 0.12 on 3.12) must give this same table, so the facts are the same
# on both. Regenerate after a deliberate change with: python tests/test_normalize.py
CHARACTER_TABLE = Path(__file__).with_name("character_table.json")
CHARACTER_RANGES = [(0x00, 0x17F), (0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0x2000, 0x206F),
                    (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]


def _character_table() -> dict[str, str]:
    normalizer = default_normalizer()
    return {
        f"U+{code:04X}": normalizer.normalize_character(chr(code))
        for low, high in CHARACTER_RANGES
        for code in range(low, high + 1)
    }


def test_normalize_character_table_is_the_same_on_every_hazm_line():
    expected = json.loads(CHARACTER_TABLE.read_text(encoding="utf-8"))
    observed = _character_table()
    differences = {code: (expected.get(code), text) for code, text in observed.items() if expected.get(code) != text}
    assert not differences


if __name__ == "__main__":
    CHARACTER_TABLE.write_text(json.dumps(_character_table(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def test_normalize_replacing_only_what_changes_equals_looking_up_every_character():
    """normalize replaces the few characters that change; a lookup of every character (str.translate
    over the learned table) gives the same text, on random text from every plane."""
    normalizer = default_normalizer()
    generator = random.Random(17)
    alphabet = [chr(code) for code in (*range(0x20, 0x250), *range(0x600, 0x700), *range(0x2000, 0x2070), 0xFB50, 0xFDF2, 0x10400)]
    for _ in range(300):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 60)))
        assert normalizer.normalize(text).text == text.translate(normalizer._table)


def test_normalize_falls_back_to_a_lookup_when_replacements_would_chain():
    """Were a character to normalize to one that changes again (hazm does not), replacing one after
    another could chain ("a" -> "b" -> "c"): normalize then looks every character up instead."""
    from extractor.normalize import Normalizer

    class Chained(Normalizer):
        def normalize_character(self, character):
            return {"a": "b", "b": "c"}.get(character, character)

    assert Chained().normalize("ab").text == "bc"
