"""Owns the Persian pattern vocabulary the rules are written in: the gap between two words, the edges
of a word, a word, each defined once (rules build their patterns from these names, in rf-strings);
and when the standard re module may stand in for regex on a text."""

from __future__ import annotations

import functools
import re

import regex

# Spaces or zero-width non-joiners between two words (Persian writes compounds apart, joined or with a ZWNJ).
GAP = r"[ \u200c]+"
OPTIONAL_GAP = r"[ \u200c]*"
# A word starts or ends here: no letter (or combining mark) just before, or just after.
WORD_START = r"(?<![\p{L}\p{M}])"
WORD_END = r"(?![\p{L}\p{M}])"
# The same, and no digit either: a number's edge as well as a word's.
WORD_OR_NUMBER_START = r"(?<![\p{L}\p{M}\d])"
WORD_OR_NUMBER_END = r"(?![\p{L}\p{M}\d])"
# The same, counting a word joined to another by a ZWNJ as part of it: "شبانه‌روز گذشته" holds no روز
# that starts a word, "دوشنبه شب‌های هر هفته" no شب that ends one.
WHOLE_WORD_OR_NUMBER_START = r"(?<![\p{L}\p{M}\d]|[\p{L}\p{M}]\u200c)"
WHOLE_WORD_OR_NUMBER_END = r"(?![\p{L}\p{M}\d]|\u200c[\p{L}\p{M}])"
WHOLE_WORD_START = r"(?<![\p{L}\p{M}\u200c])"
# A word: letters and combining marks, a ZWNJ inside allowed (احمدی‌نژاد).
WORD = regex.compile(r"[\p{L}\p{M}]+(?:\u200c[\p{L}\p{M}]+)*")
# The word right after a position (group 1, spaces skipped), matched there; the word right before one,
# searched for backwards from it. (?r): a pattern that ends at \Z is searched from the end of its
# window: the engine tries the end first instead of every start in the window (same matches, ~10x faster).
_LETTERS_AND_JOINERS = r"([\p{L}\p{M}](?:[\p{L}\p{M}\u200c]*[\p{L}\p{M}])?)"
WORD_AFTER = OPTIONAL_GAP + _LETTERS_AND_JOINERS
WORD_BEFORE = "(?r)" + _LETTERS_AND_JOINERS + OPTIONAL_GAP + r"\Z"


def right_before(words: str, backwards: bool = False) -> str:
    """A pattern for `words` (a pattern) standing as a word right before the end of the window searched,
    a space or ZWNJ between: "از" before "4 تا 9 مهر", "رتبه" before "چهاردهم". `backwards`: search
    from the end (see WORD_BEFORE), for words of varying length."""
    return ("(?r)" if backwards else "") + rf"{WORD_START}{words}{GAP}\Z"


# The standard `re` module runs the simplest patterns with fewer instructions than `regex`, but their
# classes differ on about 30,000 code points: combining marks (regex's \p{M}, not re's \w), number
# signs such as ² (re's \w, not regex's \p{L}\p{M}\d), code points missing from one engine's tables.
# A text may be split with `re` only when every character is one where the two agree for every class
# used: ASCII, Latin-1, the Arabic block and general punctuation (what normalized Persian news holds),
# less the characters found to differ, computed on this Python.
_COMMON_RANGES = ((0x0000, 0x00FF), (0x0600, 0x06FF), (0x2000, 0x206F))
_CLASS_PAIRS = (  # (re pattern, regex pattern) that must agree on a character
    (r"[^\W\d_]", r"[\p{L}\p{M}]"),
    (r"\d", r"\d"),
    (r"\s", r"\s"),
    (r"[\W_]", r"[^\p{L}\p{M}\d]"),
)


@functools.cache
def _characters_re_differs_on() -> str:
    pairs = [(re.compile(mine), regex.compile(theirs)) for mine, theirs in _CLASS_PAIRS]
    return "".join(
        character
        for low, high in _COMMON_RANGES
        for character in map(chr, range(low, high + 1))
        if any(bool(mine.fullmatch(character)) != bool(theirs.fullmatch(character)) for mine, theirs in pairs)
    )


@functools.cache
def _not_for_re() -> re.Pattern[str]:
    ranges = "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in _COMMON_RANGES)
    differing = re.escape(_characters_re_differs_on())
    return re.compile(f"[^{ranges}]" + (f"|[{differing}]" if differing else ""))


def re_agrees(text: str) -> bool:
    """Whether `re` and `regex` read every character of `text` alike (for the classes above)."""
    return _not_for_re().search(text) is None
