"""Owns text normalization: hazm with every option pinned, our digit/letter fold, and the raw<->normalized offset map.

With the options pinned below, hazm's normalization rewrites each character independently of its
neighbours (a translation table, deletions of diacritics and special marks, and single ligature
characters expanded to words). We therefore ask hazm once per distinct character and apply the
answers with `str.translate`: the result equals hazm's own output on the whole text (a test checks
this on every corpus), every normalized character knows the raw character it came from, and no
number is ever split.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from extractor.arguments import REPLACEMENT_CHARACTER, SURROGATES_REPLACED
from extractor.offsets import NormalizedOffset, RawOffset, RawSpan

# Every hazm option, pinned. The ones that are off rewrite across characters, or depend on word lists
# that differ between hazm 0.10 and 0.12 (so the facts would differ between Python 3.11 and 3.12):
HAZM_OPTIONS = {
    "correct_spacing": False,  # splits numbers: "12.5" -> "۱۲ ٫ ۵", "3%" -> "۳ ٪"
    "remove_diacritics": True,
    "remove_specials_chars": True,
    "decrease_repeated_chars": False,  # consults hazm's word list
    "persian_style": False,  # rewrites "12.5" to "12٫5" and quotes to guillemets
    "persian_numbers": False,  # we fold every digit script to ASCII digits ourselves (input_policy)
    "unicodes_replacement": True,
    "seperate_mi": False,  # consults hazm's verb list
}

_INVISIBLE_FORMAT_CHARACTERS = "\u0640\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
# Input policy (docs/input.md), one character for one so that offsets hold: every line break Python
# knows (CR alone of old Mac files, CR of CRLF, form feed, U+2028, U+2029, ...) is a line feed, so each
# convention gives the paragraphs LF gives; any other control character (NUL, U+0001, ...) is a space,
# so "30<NUL>میلیارد" stays one amount; a lone surrogate (valid in JSON and in a Python str, but not
# UTF-8) is U+FFFD, so every Document can be written out. Applied before hazm sees the character.
_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROL_CHARACTERS = [chr(code) for code in [*range(0x20), *range(0x7F, 0xA0)] if chr(code) not in "\n\t" + _LINE_BREAKS]
_REPLACED_BY_POLICY: dict[str | int, str] = {  # characters, and code points (the surrogates)
    **{character: "\n" for character in _LINE_BREAKS},
    **{character: " " for character in _CONTROL_CHARACTERS},
    **SURROGATES_REPLACED,
}
_BY_POLICY = str.maketrans(_REPLACED_BY_POLICY)
# A decimal digit of any script is read by its value in Unicode 3.2, the same table on every Python: a
# digit of a script added since (Kawi, U+11F50) is one Python 3.11 cannot read and 3.12 can, so it is
# U+FFFD, never a number on one Python and not on the other (nor an int() that raises).
_ANY_DIGIT = regex.compile(r"\d")


def input_policy(character: str) -> str | None:
    """What the input policy makes of one character, or None when the policy leaves it to hazm."""
    by_table = _BY_POLICY.get(ord(character))
    if by_table is not None:
        return by_table
    if _ANY_DIGIT.fullmatch(character) and not character.isascii():
        value = unicodedata.ucd_3_2_0.decimal(character, None)
        return REPLACEMENT_CHARACTER if value is None else str(value)
    return None


_OUR_FOLD = str.maketrans(
    {
        "ة": "ه",
        "ۀ": "ه",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\t": " ",
        **{character: None for character in _INVISIBLE_FORMAT_CHARACTERS},
    }
)


# Arabic presentation forms (contextual glyphs such as ﯽ, ligatures such as ﻻ): hazm 0.10 and 0.12 fold
# different subsets of them, differently, so we decompose them with Unicode NFKC before hazm sees them.
_PRESENTATION_FORMS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def decompose_presentation_forms(text: str) -> str:
    """`text` with every Arabic presentation form replaced by its NFKC decomposition."""
    return "".join(
        unicodedata.normalize("NFKC", character)
        if any(low <= ord(character) <= high for low, high in _PRESENTATION_FORMS)
        else character
        for character in text
    )


@dataclass(frozen=True)
class NormalizedText:
    """A normalized string and, for each of its characters, the index of the raw character it came from."""

    text: str
    raw: str
    raw_index: Sequence[int]  # a range when every character maps to exactly one

    def raw_span(self, start: NormalizedOffset, end: NormalizedOffset) -> RawSpan:
        """The raw span that normalizes to `text[start:end]` (non-empty spans)."""
        return RawOffset(self.raw_index[start]), RawOffset(self.raw_index[end - 1] + 1)

    @property
    def one_for_one(self) -> bool:
        """Whether every raw character became exactly one character (most texts)."""
        return isinstance(self.raw_index, range)

    def cuts_a_character(self, start: NormalizedOffset, end: NormalizedOffset) -> bool:
        """Whether `text[start:end]` begins or ends inside what one raw character expanded to (﷽ becomes
        "بسم الله الرحمن الرحیم"): no raw span normalizes to such a piece."""
        if self.one_for_one:
            return False
        index = self.raw_index
        return (0 < start and index[start - 1] == index[start]) or (end < len(index) and index[end - 1] == index[end])


class Normalizer:
    """hazm's normalizer applied character by character, memoized, plus our fold."""

    def __init__(self) -> None:
        from hazm import Normalizer as HazmNormalizer  # importing hazm costs seconds: only when needed

        self.hazm = HazmNormalizer(**HAZM_OPTIONS)
        self._table: dict[int, str] = {}
        self._known: set[str] = set()  # the characters in _table
        self._changing: set[str] = set()  # the known characters that normalize to something else
        self._irregular: set[str] = set()  # the changing characters that vanish or expand
        self._patterns: tuple[re.Pattern[str], re.Pattern[str]] | None = None  # (unknown, changing)
        self._replacements_commute = True  # no replacement writes a character that changes (see normalize)

    def normalize(self, raw: str) -> NormalizedText:
        """Normalize `raw`, keeping the offset map.

        Most characters of a text normalize to themselves: rather than look every character up (what
        str.translate does, and set() to find the new ones), one scan finds a character never seen,
        one finds those that change, and each of those (one or two in most texts) is replaced in one
        pass. Every character a replacement writes normalizes to itself (checked as each is learned),
        so the order of the replacements does not matter (were it not so, every character is looked up)."""
        unknown, changing = self._scanners()
        if unknown.search(raw) is not None:
            for character in set(raw) - self._known:
                self._learn(character)
            unknown, changing = self._scanners()
        present = set(changing.findall(raw))
        if self._replacements_commute:
            text = raw
            for character in present:
                text = text.replace(character, self._table[ord(character)])
        else:
            text = raw.translate(self._table)
        irregular = present & self._irregular
        if not irregular:
            return NormalizedText(text, raw, range(len(raw)))
        return NormalizedText(text, raw, _raw_index(raw, irregular, self._table))

    def _scanners(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Patterns finding a character not yet learned, and a character that changes (built again after
        new characters are learned)."""
        if self._patterns is None:
            unknown = f"[^{_class(self._known)}]" if self._known else "(?s:.)"
            changing = f"[{_class(self._changing)}]" if self._changing else "(?!)"
            self._patterns = (re.compile(unknown), re.compile(changing))
        return self._patterns

    def _learn(self, character: str) -> None:
        normalized = self.normalize_character(character)
        self._table[ord(character)] = normalized
        self._known.add(character)
        self._patterns = None
        if normalized != character:
            self._changing.add(character)
        if len(normalized) != 1:
            self._irregular.add(character)
        if any(written != character and self._normalized(written) != written for written in normalized):
            self._replacements_commute = False

    def _normalized(self, character: str) -> str:
        """What a character becomes: from the table when learned, else asked anew."""
        learned = self._table.get(ord(character))
        return learned if learned is not None else self.normalize_character(character)

    def normalize_character(self, character: str) -> str:
        """What one character becomes: line breaks, control characters and lone surrogates by our input
        policy; any other, presentation forms decomposed, then hazm, then our fold."""
        by_policy = input_policy(character)
        if by_policy is not None:
            return by_policy
        return self.hazm.normalize(decompose_presentation_forms(character)).translate(_OUR_FOLD)


def _class(characters: set[str]) -> str:
    """The inside of a regex character class holding exactly `characters` (in a fixed order)."""
    return "".join(re.escape(character) for character in sorted(characters))


def _raw_index(raw: str, irregular: set[str], table: dict[int, str]) -> tuple[int, ...]:
    """For each normalized character, its raw position: runs of one-to-one characters are copied as
    ranges, and only the few characters that vanish or expand are looked at one by one."""
    raw_index: list[int] = []
    position = 0
    for match in re.finditer("[" + re.escape("".join(sorted(irregular))) + "]", raw):
        raw_index.extend(range(position, match.start()))
        raw_index.extend([match.start()] * len(table[ord(match.group())]))
        position = match.end()
    raw_index.extend(range(position, len(raw)))
    return tuple(raw_index)


@functools.cache
def default_normalizer() -> Normalizer:
    """The process-wide normalizer: building one (importing hazm) costs seconds, so build it once."""
    return Normalizer()


def normalize(raw: str) -> str:
    """The normalized text of `raw` (without the offset map)."""
    return default_normalizer().normalize(raw).text
