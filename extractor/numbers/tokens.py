"""Owns number tokenization: digits (any script, with separators), words looked up in the vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from fractions import Fraction
from itertools import accumulate

import regex

from extractor.numbers.vocabulary import (
    DIGITS,
    NEGATIVE,
    ORDINAL,
    OTHER,
    Word,
    fold_arabic_letters,
    lookup_key,
    vocabulary,
)

# Used on the pieces between white space that are not plain words (digits, punctuation, ZWNJ inside).
_TOKEN = regex.compile(
    # Dates, phone numbers and clock times are codes, not numbers: 1402/05/12, 0912-123-4567, 22:30.
    r"(?P<code>\d+(?:[/\-]\d+){2,}|\d{1,2}:\d{2}(?::\d{2})?)(?![\d/\-:])"
    # Thousands: 1,250,000  1٬250٬000  1،250  and, from tokenized corpora, 2 , 292.
    # Decimals: 12.5  12٫5  and the Persian slash 12/5 (not 7405/ 1175, which has a space).
    r"|(?P<digits>\d{1,3}(?: , \d{3})+(?!\d)|\d+(?:(?:[,٬]\d{3})+(?!\d)|(?:،\d{3})+(?!\d))?(?:[.٫/]\d+)?)"
    # An ordinal suffix written on the digits: 14م, 14مین, 20ام.
    r"(?:(?P<ordinal_suffix>امین|ام|مین|م)(?![\p{L}\p{M}]))?"
    r"|(?P<word>[\p{L}\p{M}](?:[\p{L}\p{M}\u200c]*[\p{L}\p{M}])?)"
    # A minus sign on digits where no digit or letter comes before it: "-5" (not the dash of 1390-1392).
    r"|(?P<minus>(?<![\d\p{L}\p{M}])[-−](?=\d))"
)
_SEPARATORS = str.maketrans({",": None, "٬": None, "،": None, " ": None, "٫": ".", "/": "."})
_ASCII_DIGITS = str.maketrans({chr(code): str(code - zero) for zero in (0x6F0, 0x660) for code in range(zero, zero + 10)})
_SLASH_DECIMAL_MAX_INTEGER_DIGITS = 3  # 12/5 is 12.5; 1402/5 is a code
_JOINING_GAP = " \u200c\u00a0"
_NOT_A_NUMBER = Word(OTHER)
_MINUS = Word(NEGATIVE)


@dataclass
class Tokens:
    """The tokens of a text as parallel lists: what each is, where it is, whether it joins the previous."""

    words: list[Word] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    joined: list[bool] = field(default_factory=list)  # only spaces or ZWNJ separate it from the previous

    def __len__(self) -> int:
        return len(self.words)

    @cached_property
    def has_denominator(self) -> bool:
        """Whether any token is a "-م" ordinal that can name a fraction (most texts have none)."""
        return any(word.is_denominator for word in self.words)


def _digits_value(text: str) -> int | Fraction | None:
    if "/" in text and len(text.split("/")[0]) > _SLASH_DECIMAL_MAX_INTEGER_DIGITS:
        return None
    plain = text.translate(_SEPARATORS).translate(_ASCII_DIGITS)
    return Fraction(plain) if "." in plain else int(plain)


def _is_joining_gap(text: str, previous_end: int, start: int) -> bool:
    if previous_end < 0:
        return False
    if start - previous_end == 1:  # the usual single space
        return text[previous_end] in _JOINING_GAP
    return not text[previous_end:start].strip(_JOINING_GAP)


def _add_piece(tokens: Tokens, text: str, piece: str, offset: int, vocabulary_words: dict[str, Word]) -> None:
    for match in _TOKEN.finditer(piece):
        kind = match.lastgroup
        start, end = match.start() + offset, match.end() + offset
        if kind == "word":
            word = vocabulary_words.get(lookup_key(match.group()), _NOT_A_NUMBER)
        elif kind in ("digits", "ordinal_suffix"):
            value = _digits_value(match.group("digits"))
            if value is None:
                word = _NOT_A_NUMBER
            else:
                word = Word(ORDINAL if match.group("ordinal_suffix") else DIGITS, value)
        elif kind == "minus":
            word = _MINUS
        else:
            word = _NOT_A_NUMBER
        tokens.joined.append(_is_joining_gap(text, tokens.ends[-1] if tokens.ends else -1, start))
        tokens.words.append(word)
        tokens.starts.append(start)
        tokens.ends.append(end)


def tokenize(text: str) -> Tokens:
    """The tokens of `text` that matter to numbers; every other word is an OTHER token."""
    text = fold_arabic_letters(text)
    if _is_plain_words(text):
        return _plain_words(text)
    vocabulary_words = vocabulary()
    tokens = Tokens()
    if " , " in text:  # spaced thousands cross white space: read the text whole
        _add_piece(tokens, text, text, 0, vocabulary_words)
        return tokens
    cursor = 0
    for piece in text.split():
        start = text.index(piece, cursor)
        cursor = start + len(piece)
        if piece.isalpha():
            tokens.joined.append(_is_joining_gap(text, tokens.ends[-1] if tokens.ends else -1, start))
            tokens.words.append(vocabulary_words.get(piece, _NOT_A_NUMBER))
            tokens.starts.append(start)
            tokens.ends.append(cursor)
        else:
            _add_piece(tokens, text, piece, start, vocabulary_words)
    return tokens


def _is_plain_words(text: str) -> bool:
    """Letters only, one space between words: "یک میلیون و دویست هزار" (the fast path)."""
    return text[:1] != " " and text[-1:] != " " and "  " not in text and text.replace(" ", "").isalpha()


def _plain_words(text: str) -> Tokens:
    pieces = text.split(" ")
    vocabulary_words = vocabulary()
    lengths = list(map(len, pieces))
    starts = [length_before + index for index, length_before in enumerate(accumulate(lengths[:-1], initial=0))]
    return Tokens(
        words=[vocabulary_words.get(piece, _NOT_A_NUMBER) for piece in pieces],
        starts=starts,
        ends=list(map(sum, zip(starts, lengths))),
        joined=[False] + [True] * (len(pieces) - 1),
    )
