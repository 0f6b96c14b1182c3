"""Owns the Persian pattern vocabulary the rules are written in: the gap between two words and the
edges of a word, each defined once. Rules build their patterns from these names (in rf-strings)."""

from __future__ import annotations

# Spaces or zero-width non-joiners between two words (Persian writes compounds apart, joined or with a ZWNJ).
GAP = r"[ \u200c]+"
OPTIONAL_GAP = r"[ \u200c]*"
# A word starts or ends here: no letter (or combining mark) just before, or just after.
WORD_START = r"(?<![\p{L}\p{M}])"
WORD_END = r"(?![\p{L}\p{M}])"
# The same, and no digit either: a number's edge as well as a word's.
WORD_OR_NUMBER_START = r"(?<![\p{L}\p{M}\d])"
WORD_OR_NUMBER_END = r"(?![\p{L}\p{M}\d])"
