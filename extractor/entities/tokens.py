"""Owns how the entity pass splits normalized text into tokens: words (ZWNJ inside kept), numbers, each
other character alone, and each run of other white space; with their offsets and lower-case forms."""

from __future__ import annotations

import bisect
import re
import unicodedata
from itertools import accumulate
from operator import add, itemgetter

import regex

from extractor.patterns import WORD, re_agrees

# A token and the one space after it, or a run of other white space (a token of its own, all its
# spaces taken, so nothing after it).
_TOKEN_AND_SPACE = regex.compile(rf"({WORD.pattern}|\d+(?:[.,/٫]\d+)*|[^\s\u200c]|[\s\u200c]+)( ?)")
# The same with the standard re module (fewer instructions), for texts where the two engines agree.
_TOKEN_AND_SPACE_WITH_RE = re.compile(r"([^\W\d_]+(?:\u200c[^\W\d_]+)*|\d+(?:[.,/٫]\d+)*|[^\s\u200c]|[\s\u200c]+)( ?)")


class Tokens:
    """The tokens of one text: `words[i]` as written, `lower[i]` lower-cased, and `starts[i]`, `ends[i]`
    their character offsets. Context rules read them by position; only a few positions per text are read."""

    def __init__(self, text: str) -> None:
        self.text = text
        tokens_and_spaces = _TOKEN_AND_SPACE_WITH_RE if re_agrees(text) else _TOKEN_AND_SPACE
        found = tokens_and_spaces.findall(text)  # (token, the space after it): all in C, one list each
        self.words = list(map(itemgetter(0), found))
        self.lower = self.words if text.lower() == text else [word.lower() for word in self.words]
        lengths = list(map(len, self.words))
        self.starts = list(accumulate(map(add, lengths, map(len, map(itemgetter(1), found))), initial=0))
        self.starts.pop()
        self.ends = list(map(add, self.starts, lengths))

    def __len__(self) -> int:
        return len(self.words)

    def phrase(self, first: int, end: int) -> str:
        """The text of tokens first..end-1, as written between them ('' when none)."""
        return self.text[self.starts[first] : self.ends[end - 1]] if first < end else ""

    def is_punct(self, position: int) -> bool:
        """Punctuation only (every character of Unicode category P*)."""
        return all(unicodedata.category(character).startswith("P") for character in self.words[position])

    def is_space(self, position: int) -> bool:
        return self.words[position].isspace()

    def covering(self, start: int, end: int) -> tuple[int, int] | None:
        """(first, end) of the tokens that the characters [start, end) touch, or None when none."""
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end)
        return (first, last) if first < last else None
