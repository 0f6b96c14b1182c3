"""The entity pass's tokens and phrase matcher: offsets, the text between tokens, and every hit."""

import pytest

from extractor.entities.phrase_matcher import PhraseMatcher
from extractor.entities.tokens import Tokens

TEXT = "وزیر  امور‌خارجه (ره) گفت:\nSara Kia 12.5 درصد"


def test_entity_tokens_slice_the_text():
    tokens = Tokens(TEXT)
    assert tokens.words == ["وزیر", " ", "امور‌خارجه", "(", "ره", ")", "گفت", ":", "\n", "Sara", "Kia", "12.5", "درصد"]
    assert [TEXT[start:end] for start, end in zip(tokens.starts, tokens.ends)] == tokens.words
    assert tokens.lower[9] == "sara"


@pytest.mark.parametrize(
    ("first", "end", "expected"), [(0, 3, "وزیر  امور‌خارجه"), (9, 11, "Sara Kia"), (4, 4, ""), (12, 13, "درصد")]
)
def test_entity_tokens_phrase_keeps_the_text_between(first, end, expected):
    assert Tokens(TEXT).phrase(first, end) == expected


def test_entity_tokens_punctuation_and_space():
    tokens = Tokens(TEXT)
    assert [tokens.is_punct(position) for position in (3, 5, 7, 2, 11)] == [True, True, True, False, False]
    assert [tokens.is_space(position) for position in (1, 8, 0)] == [True, True, False]


@pytest.mark.parametrize(("start", "end", "expected"), [(0, 4, (0, 1)), (2, 9, (0, 3)), (TEXT.index("Kia"), len(TEXT), (10, 13))])
def test_entity_tokens_covering_expands_to_whole_tokens(start, end, expected):
    assert Tokens(TEXT).covering(start, end) == expected


def test_entity_phrase_matcher_finds_every_phrase_and_key_in_order():
    matcher = PhraseMatcher({"first": ["sara kia", "کیا"], "second": ["Sara", "sara kia", "درصد"], "none": ["kia 12.5 درصد ایران"]})
    hits = matcher(Tokens(TEXT))
    assert dict(hits) == {"second": [(9, 10), (9, 11), (12, 13)], "first": [(9, 11)]}
    assert list(hits) == ["second", "first"]  # keys as first hit, by start then length


def test_entity_tokens_re_and_regex_agree_wherever_the_guard_lets_re_run():
    """Every character of the ranges the guard admits, in every position a token can take it, is split
    alike by the standard re tokenizer and the regex one; the guard refuses the others."""
    from extractor import patterns
    from extractor.entities import tokens
    from extractor.facts.common import _NOT_WORD, _NOT_WORD_WITH_RE

    for low, high in patterns._COMMON_RANGES:
        for character in map(chr, range(low, high + 1)):
            text = f"ab{character}cd {character} 1{character}2 {character}{character}\u200c{character}"
            if not patterns.re_agrees(text):
                assert character in patterns._characters_re_differs_on()
                continue
            assert tokens._TOKEN_AND_SPACE_WITH_RE.findall(text) == tokens._TOKEN_AND_SPACE.findall(text), hex(ord(character))
            assert _NOT_WORD_WITH_RE.split(text) == _NOT_WORD.split(text), hex(ord(character))
    assert not patterns.re_agrees("کتاب\u0617") and not patterns.re_agrees("x²") and not patterns.re_agrees("\u0100")
