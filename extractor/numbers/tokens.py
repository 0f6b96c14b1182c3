"""Owns number tokenization: digits (any script, with separators), words looked up in the vocabulary."""

from __future__ import annotations

from fractions import Fraction
from itertools import accumulate

import regex

from extractor.numbers.vocabulary import (
    DIGITS,
    NEGATIVE,
    ORDINAL,
    OTHER,
    SCALE,
    Word,
    fold_arabic_letters,
    joined_to_a_unit,
    lookup_key,
    vocabulary,
)
from extractor.patterns import WORD_END

# Thousands: 1,250,000  1٬250٬000  1،250  and, from tokenized corpora, 2 , 292; with dots when there are
# two groups or more (9.000.000, 12.500.000: one group, 12.500, is a decimal).
# Decimals: 12.5  12٫5  and the Persian slash 12/5 (not 7405/ 1175, which has a space).
DIGITS_PATTERN = (
    r"\d{1,3}(?: , \d{3})+(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?![\d.])"
    r"|\d+(?:(?:[,٬]\d{3})+(?!\d)|(?:،\d{3})+(?!\d))?(?:[.٫/]\d+)?"
)
_DOT_GROUPED = regex.compile(r"\d{1,3}(?:\.\d{3}){2,}")
# Used on the pieces between white space that are not plain words (digits, punctuation, ZWNJ inside).
_TOKEN = regex.compile(
    # Dates, phone numbers and clock times are codes, not numbers: 1402/05/12, 0912-123-4567, 22:30.
    r"(?P<code>\d+(?:[/\-]\d+){2,}|\d{1,2}:\d{2}(?::\d{2})?)(?![\d/\-:])"
    rf"|(?P<digits>{DIGITS_PATTERN})"
    # An ordinal suffix written on the digits: 14م, 14مین, 20ام.
    rf"(?:(?P<ordinal_suffix>امین|ام|مین|م){WORD_END})?"
    r"|(?P<word>[\p{L}\p{M}](?:[\p{L}\p{M}\u200c]*[\p{L}\p{M}])?)"
    # A minus sign on digits where no digit or letter comes before it: "-5" (not the dash of 1390-1392).
    r"|(?P<minus>(?<![\d\p{L}\p{M}])[-−](?=\d))"
)
_SEPARATORS = str.maketrans({",": None, "٬": None, "،": None, " ": None, "٫": ".", "/": "."})
_SLASH_DECIMAL_MAX_INTEGER_DIGITS = 3  # 12/5 is 12.5; 1402/5 is a code
# The limits of a number (docs/input.md): a whole part of at most 30 digits, exact as an int in JSON;
# a number with a decimal point, at most 15 significant digits, which a JSON (double) number keeps exactly.
# Digits past either limit are no number at all: never a value rounded without a word, never a
# 4,300-digit int that Python refuses to convert.
LONGEST_WHOLE_PART = 30
MOST_DECIMAL_DIGITS = 15
_JOINING_GAP = " \u200c\u00a0"
_ZWNJ = "\u200c"
_NOT_A_NUMBER = Word(OTHER)
_MINUS = Word(NEGATIVE)


class Tokens:
    """The tokens of a text as parallel lists: what each is, where it is, whether it joins the previous."""

    __slots__ = ("words", "starts", "ends", "joined", "_has_denominator")

    def __init__(self, words=None, starts=None, ends=None, joined=None) -> None:
        self.words: list[Word] = words if words is not None else []
        self.starts: list[int] = starts if starts is not None else []
        self.ends: list[int] = ends if ends is not None else []
        self.joined: list[bool] = joined if joined is not None else []  # only spaces or ZWNJ before it
        self._has_denominator: bool | None = None

    def __len__(self) -> int:
        return len(self.words)

    @property
    def has_denominator(self) -> bool:
        """Whether any token is a "-م" ordinal that can name a fraction (most texts have none)."""
        if self._has_denominator is None:  # computed once (functools.cached_property locks: slower)
            self._has_denominator = any(word.is_denominator for word in self.words)
        return self._has_denominator


def digits_value(text: str) -> int | Fraction | None:
    """The value of a digits token (separators removed); None for 1402/5, a code rather than 1402.5, and
    for digits past the limits of a number (LONGEST_WHOLE_PART, MOST_DECIMAL_DIGITS): not read at all."""
    if "/" in text and len(text.split("/")[0]) > _SLASH_DECIMAL_MAX_INTEGER_DIGITS:
        return None
    if _DOT_GROUPED.fullmatch(text):
        text = text.replace(".", "")
    plain = text.translate(_SEPARATORS)  # int() and Fraction() read Persian and Arabic-Indic digits too
    whole, point, fraction = plain.partition(".")
    if len(whole.lstrip("0")) > LONGEST_WHOLE_PART or (point and len((whole + fraction).strip("0")) > MOST_DECIMAL_DIGITS):
        return None
    try:
        return Fraction(plain) if point else int(plain)
    except ValueError:  # a digit of a script this Python's tables do not hold (Kawi on 3.11): no number
        return None


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
        key = lookup_key(match.group()) if kind == "word" else None
        if key is not None and (number_length := joined_to_a_unit().get(key)) is not None:
            _add_number_and_unit(tokens, text, match.group(), start, number_length)  # "5هزارتومان"
            continue
        if key is not None:
            word = vocabulary_words.get(key, _NOT_A_NUMBER)
        elif kind in ("digits", "ordinal_suffix"):
            value = digits_value(match.group("digits"))
            if value is None:
                word = _NOT_A_NUMBER
            else:
                word = Word(ORDINAL if match.group("ordinal_suffix") else DIGITS, value)
        elif kind == "minus":  # a dash that starts the text is a list's bullet ("-30 کشته در ..."), no sign
            word = _MINUS if text[:start].strip() else _NOT_A_NUMBER
        else:
            word = _NOT_A_NUMBER
        _add_token(tokens, text, word, start, end)


def tokenize(text: str) -> Tokens:
    """The tokens of `text` that matter to numbers; every other word is an OTHER token."""
    text = fold_arabic_letters(text)
    tokens = _plain_words(text) if _is_plain_words(text) else _any_text(text)
    if "م" not in text:  # every denominator (چهارم, دهم, سوم) ends in م: most texts need no search
        tokens._has_denominator = False
    return tokens


def _any_text(text: str) -> Tokens:
    """Pieces between spaces: number words, and pieces with digits, signs or punctuation, are read one by
    one; each run of other words (most of a sentence) becomes one OTHER token, which is all the grammar
    needs of them: they break numbers apart, and the words inside a run are joined as words are."""
    vocabulary_words = vocabulary()
    tokens = Tokens()
    if " , " in text:  # spaced thousands cross white space: read the text whole
        _add_piece(tokens, text, text, 0, vocabulary_words)
        return tokens
    pieces = text.split(" ")
    starts = [before + index for index, before in enumerate(accumulate(map(len, pieces), initial=0))]
    joined = joined_to_a_unit()
    readable = [
        index for index, piece in enumerate(pieces)
        if (piece in vocabulary_words or piece in joined if piece.isalpha() else not _is_other_joined_word(piece, vocabulary_words))
    ]
    previous = -1
    for index in readable:
        if index - previous > 1:  # the words in between, none a number word
            _add_token(tokens, text, _NOT_A_NUMBER, starts[previous + 1], starts[index] - 1)
        piece = pieces[index]
        if piece in vocabulary_words:
            _add_token(tokens, text, vocabulary_words[piece], starts[index], starts[index] + len(piece))
        elif piece.isdecimal() and len(piece) <= LONGEST_WHOLE_PART:  # not isdigit(): "²" is a digit int() refuses
            _add_token(tokens, text, Word(DIGITS, int(piece)), starts[index], starts[index] + len(piece))
        elif (number_length := joined.get(lookup_key(piece))) is not None:
            _add_number_and_unit(tokens, text, piece, starts[index], number_length)
        else:
            _add_piece(tokens, text, piece, starts[index], vocabulary_words)
        previous = index
    if previous < len(pieces) - 1:
        _add_token(tokens, text, _NOT_A_NUMBER, starts[previous + 1], len(text))
    return tokens


def _is_other_joined_word(piece: str, vocabulary_words: dict[str, Word]) -> bool:
    """A word written with ZWNJ inside (می‌شود, سال‌ها) that is no number word: one OTHER token, like any."""
    if not (_ZWNJ in piece and piece[0] != _ZWNJ and piece[-1] != _ZWNJ and piece.replace(_ZWNJ, "").isalpha()):
        return False
    key = lookup_key(piece)
    return key not in vocabulary_words and key not in joined_to_a_unit()


def _add_number_and_unit(tokens: Tokens, text: str, piece: str, start: int, number_length: int) -> None:
    """"دوسال", "یک‌هفته": the number word, then the unit as an OTHER token (a scale as itself: "ده‌هزار").
    `number_length` counts the number word's key, which has no ZWNJ or diacritics: the piece may ("ن‌هروز")."""
    number_key = lookup_key(piece)[:number_length]
    split = next(index for index in range(number_length, len(piece) + 1) if lookup_key(piece[:index]) == number_key)
    unit_start = start + split + (piece[split : split + 1] == _ZWNJ)
    _add_token(tokens, text, vocabulary()[number_key], start, start + split)
    unit = vocabulary().get(lookup_key(piece[split:]), _NOT_A_NUMBER)  # a scale ("ده‌هزار") counts on
    _add_token(tokens, text, unit if unit.kind == SCALE else _NOT_A_NUMBER, unit_start, start + len(piece))


def _add_token(tokens: Tokens, text: str, word: Word, start: int, end: int) -> None:
    tokens.joined.append(_is_joining_gap(text, tokens.ends[-1] if tokens.ends else -1, start))
    tokens.words.append(word)
    tokens.starts.append(start)
    tokens.ends.append(end)


def _is_plain_words(text: str) -> bool:
    """Letters only, one space between words: "یک میلیون و دویست هزار" (the fast path)."""
    return text[:1] != " " and text[-1:] != " " and "  " not in text and text.replace(" ", "").isalpha()


def _plain_words(text: str) -> Tokens:
    pieces = text.split(" ")
    if not joined_to_a_unit().keys().isdisjoint(pieces):  # "دوسال": split by the general path
        return _any_text(text)
    vocabulary_words = vocabulary()
    lengths = list(map(len, pieces))
    starts = [length_before + index for index, length_before in enumerate(accumulate(lengths[:-1], initial=0))]
    return Tokens(
        words=[vocabulary_words.get(piece, _NOT_A_NUMBER) for piece in pieces],
        starts=starts,
        ends=list(map(sum, zip(starts, lengths))),
        joined=[False] + [True] * (len(pieces) - 1),
    )
