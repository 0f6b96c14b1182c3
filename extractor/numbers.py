"""Owns the Persian number grammar: finds number expressions in text and computes their exact values.

Values come from two lexicons only: `number_words` (every word below a thousand) and `scales` (each
scale word with its power of ten). Ordinals are derived from the cardinals. An expression is a run
of digits and number words, joined by whitespace or "و", that obeys place value: "2 هزار و 300" is
one number (2300), "بیست و پنج" is 25, but "20 و 5" is two numbers and "پنج و بیست" is no sum.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal

import regex

from extractor import lexicons

_AND = "و"
_NEGATIVE = "منفی"
_HUNDRED = "صد"
# Words that are numbers only inside a longer expression: "نه" alone is mostly "no/not".
_NOT_A_NUMBER_ALONE = frozenset({"نه"})
_ONE_PREFIX = "یک"


@dataclass(frozen=True)
class NumberMatch:
    """A number expression found in text: its span, surface text and exact value."""

    start: int
    end: int
    text: str
    value: int | Decimal
    is_ordinal: bool
    has_digits: bool
    is_bare_one: bool  # "یک" alone: in running text mostly the indefinite article


@dataclass(frozen=True)
class _Word:
    value: int
    is_scale: bool = False
    is_ordinal: bool = False


def _ordinal_forms(word: str) -> tuple[str, ...]:
    if word.endswith("ی"):  # سی -> سیام, سی‌ام, سی ام, سی‌امین
        return tuple(word + joiner + suffix for joiner in ("", "\u200c", " ") for suffix in ("ام", "امین"))
    return (word + "م", word + "مین")


@functools.cache
def _words() -> dict[str, _Word]:
    """Every number word the grammar knows, mapped to its value and role."""
    cardinals = {row["word"]: int(row["value"]) for row in lexicons.rows("number_words")}
    scales = {row["word"]: 10 ** int(row["power_of_ten"]) for row in lexicons.rows("scales")}
    words: dict[str, _Word] = {word: _Word(value) for word, value in cardinals.items()}
    words.update({word: _Word(value, is_scale=True) for word, value in scales.items()})
    for word, value in [*cardinals.items(), *scales.items()]:
        if word not in {"یک", "سه", "صفر"}:  # یکم, سوم: irregular; "سهم" is "share"
            words.update({form: _Word(value, is_ordinal=True) for form in _ordinal_forms(word)})
    for row in lexicons.rows("ordinals_irregular"):
        words[row["word"]] = _Word(int(row["value"]), is_ordinal=True)
    for word in (_HUNDRED, "هزار"):  # یکصد, یک‌صد, یکهزار, یک‌هزار
        for joiner in ("", "\u200c"):
            words.setdefault(_ONE_PREFIX + joiner + word, _Word(words[word].value))
    return words


_DIGITS = r"(?<!\d[.,٫٬/]?)\d+(?:[,٬]\d{3})*(?:[.٫]\d+)?(?![\d])(?![.,٫٬/]\d)"
_ORDINAL_DIGIT_SUFFIX = r"(?:امین|ام|مین|م)(?![\p{L}\p{M}])"


@functools.cache
def _atom_pattern() -> regex.Pattern[str]:
    words = sorted({*_words(), _AND, _NEGATIVE}, key=len, reverse=True)
    word_alternation = "|".join(regex.escape(word) for word in words)
    return regex.compile(
        rf"(?P<digits>{_DIGITS})(?P<ordinal_suffix>{_ORDINAL_DIGIT_SUFFIX})?"
        rf"|(?<![\p{{L}}\p{{M}}]\u200c?)(?P<word>{word_alternation})(?!\u200c?[\p{{L}}\p{{M}}])"
    )


_GAP = regex.compile(r"[ \u200c]*")


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    text: str
    value: int | Decimal | None  # None for "و" and "منفی"
    is_scale: bool = False
    is_ordinal: bool = False
    is_digits: bool = False


def _atoms(text: str) -> list[_Atom]:
    atoms = []
    for match in _atom_pattern().finditer(text):
        if match.group("digits"):
            digits = match.group("digits").replace(",", "").replace("٬", "").replace("٫", ".")
            value = Decimal(digits) if "." in digits else int(digits)
            ordinal = bool(match.group("ordinal_suffix"))
            atoms.append(_Atom(match.start(), match.end(), match.group(), value, is_ordinal=ordinal, is_digits=True))
        elif match.group("word") in (_AND, _NEGATIVE):
            atoms.append(_Atom(match.start(), match.end(), match.group(), None))
        else:
            word = _words()[match.group("word")]
            atoms.append(
                _Atom(match.start(), match.end(), match.group(), word.value, word.is_scale, word.is_ordinal)
            )
    return atoms


def _place(value: int | Decimal) -> int:
    """The smallest place a following "و" part must stay under: 20 -> 10, 300 -> 100, 7 -> 1."""
    place = 1
    while value and value % (place * 10) == 0:
        place *= 10
    return place


class _Accumulator:
    """Adds atoms to one expression under the rules of place value; refuses an atom that breaks them."""

    def __init__(self) -> None:
        self.total: int | Decimal = 0
        self.group: int | Decimal = 0  # the part below the last scale word
        self.limit: int | Decimal | None = None  # a following part must stay below this
        self.last_scale: int | None = None
        self.closed = False  # digits or an ordinal end a group: only a scale may follow
        self.is_ordinal = False
        self.parts = 0

    @property
    def value(self) -> int | Decimal:
        return self.total + self.group

    def accepts(self, atom: _Atom, after_and: bool) -> bool:
        if self.is_ordinal:
            return False
        if atom.is_scale:
            return not after_and and self._accepts_scale(atom)
        return self._accepts_part(atom, after_and)

    def _accepts_scale(self, atom: _Atom) -> bool:
        scale = atom.value
        if self.total and self.total < scale and self.last_scale and scale > self.last_scale:
            self.total = (self.total + self.group) * scale  # "سه هزار و ۵۰۰ میلیارد"
        elif self.last_scale is None or scale < self.last_scale:
            self.total += (self.group or 1) * scale
        else:
            return False
        self.group, self.limit, self.last_scale, self.closed = 0, scale, scale, False
        return self._take(atom)

    def _accepts_part(self, atom: _Atom, after_and: bool) -> bool:
        if atom.text == _HUNDRED and not after_and and 0 < self.group < 10 and self.limit == 1:
            self.group *= 100  # "یک صد", "دو صد"
            self.limit = 100
            return self._take(atom)
        if self.parts and not after_and:
            return False
        if self.parts and (self.closed or self.limit is None or atom.value >= self.limit):
            return False
        if atom.is_digits and atom.value != int(atom.value) and self.parts:
            return False
        self.group += atom.value
        self.limit = _place(atom.value) if not atom.is_digits else None
        self.closed = atom.is_digits
        return self._take(atom)

    def _take(self, atom: _Atom) -> bool:
        self.is_ordinal = atom.is_ordinal
        self.parts += 1
        return True


def _expressions(atoms: list[_Atom], text: str) -> list[tuple[int, int, bool, bool, int | Decimal, bool]]:
    """Group atoms into maximal valid expressions: (first atom, last atom, ordinal, digits, value, negative)."""
    found = []
    index = 0
    while index < len(atoms):
        negative = atoms[index].text == _NEGATIVE and index + 1 < len(atoms) and _adjacent(atoms, index, text)
        first = index + 1 if negative else index
        if atoms[first].value is None:
            index += 1
            continue
        accumulator = _Accumulator()
        accumulator.accepts(atoms[first], after_and=False)
        last = first
        snapshot = (accumulator.value, accumulator.is_ordinal)
        cursor = first + 1
        while cursor < len(atoms) and _adjacent(atoms, cursor - 1, text):
            after_and = atoms[cursor].text == _AND
            step = cursor + 1 if after_and else cursor
            if step >= len(atoms) or (after_and and not _adjacent(atoms, cursor, text)):
                break
            if atoms[step].value is None or not accumulator.accepts(atoms[step], after_and):
                break
            last, cursor = step, step + 1
            snapshot = (accumulator.value, accumulator.is_ordinal)
        has_digits = any(atom.is_digits for atom in atoms[first : last + 1])
        found.append((first, last, snapshot[1], has_digits, snapshot[0], negative))
        index = last + 1
    return found


def _adjacent(atoms: list[_Atom], index: int, text: str) -> bool:
    """Whether atom `index` and the next one are separated only by spaces or ZWNJs."""
    gap = text[atoms[index].end : atoms[index + 1].start]
    return _GAP.fullmatch(gap) is not None


def _exact(value: int | Decimal) -> int | Decimal:
    return int(value) if value == int(value) else value


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number expression in running text, left to right, none split in two.

    >>> [(m.text, m.value) for m in find_numbers("2 هزار و 300 واحد و بیش از 90 درصد")]
    [('2 هزار و 300', 2300), ('90', 90)]
    >>> find_numbers("روز پنجشنبه درصد")
    []
    """
    atoms = _atoms(text)
    matches = []
    for first, last, is_ordinal, has_digits, value, negative in _expressions(atoms, text):
        start = atoms[first - 1].start if negative else atoms[first].start
        end = atoms[last].end
        surface = text[start:end]
        if first == last and atoms[first].text in _NOT_A_NUMBER_ALONE:
            continue
        bare_one = first == last and atoms[first].text == _ONE_PREFIX
        matches.append(
            NumberMatch(start, end, surface, _exact(-value if negative else value), is_ordinal, has_digits, bare_one)
        )
    return matches


@dataclass(frozen=True)
class ParsedNumber:
    """The value of a text that is, as a whole, one number expression."""

    value: int | Decimal
    is_ordinal: bool


def parse_number(text: str) -> ParsedNumber | None:
    """Parse `text` as one whole number expression; None when it is not exactly one number.

    >>> parse_number("یک میلیون و دویست هزار").value
    1200000
    >>> parse_number("چهاردهم")
    ParsedNumber(value=14, is_ordinal=True)
    >>> parse_number("درصد") is None
    True
    """
    stripped = text.strip()
    atoms = _atoms(stripped)
    expressions = _expressions(atoms, stripped)
    if len(expressions) != 1:
        return None
    first, last, is_ordinal, _, value, negative = expressions[0]
    start = atoms[first - 1].start if negative else atoms[first].start
    if start != 0 or atoms[last].end != len(stripped):
        return None
    return ParsedNumber(_exact(-value if negative else value), is_ordinal)
