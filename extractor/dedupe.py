"""Owns paragraph de-duplication: repeated paragraphs and boilerplate lines are dropped and listed; and
near duplicates found (a reader would call them the same paragraph: a ZWNJ written as a space, an agency
prefix, a bullet or a list label, a trailing "(ادامه دارد)", a word added or dropped), which
`drop_near_duplicates` drops when the caller finds that the later copy says nothing new.

Which copy is kept: the first, as for exact repeats: it is where a reader meets the statement (often the
headline or the lead, which the notes and the restatement links read as such). But when the later copy
says all the first says and more (a live blog's "00:19 - " before the same words: a time), the later,
fuller one is kept instead; and when each says something the other does not, both are kept (the
caller's judgement, by their facts)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from extractor import lexicons
from extractor.offsets import NormalizedOffset

_LINE = regex.compile(r"[^\n]+")
_ZWNJ = "\u200c"


@dataclass(frozen=True)
class Block:
    """One input paragraph (a non-empty line): its number and its span in the normalized text."""

    index: int
    start: NormalizedOffset
    end: NormalizedOffset


@dataclass
class Deduplicated:
    kept: list[Block] = field(default_factory=list)
    duplicates: list[tuple[Block, int, float]] = field(default_factory=list)  # (copy, index of the first, similarity)
    boilerplate: list[tuple[Block, str]] = field(default_factory=list)  # (line, reason)
    # Near duplicates both kept because the later one says something else (its facts differ): (later, first, similarity).
    near_duplicates_kept: list[tuple[Block, Block, float]] = field(default_factory=list)


# Near duplicates: Jaccard similarity of the character 5-grams of two paragraphs' comparison keys, for
# paragraphs of at least SHORTEST_NEAR_DUPLICATE characters (shorter ones differ by a word or two in any
# case). bench/near_duplicates.py prints the pairs left at 0.75, 0.85 and 0.95 and reads the drops.
NEAR_DUPLICATE_SIMILARITY = 0.85
SHORTEST_NEAR_DUPLICATE = 40
_SHINGLE = 5
# Candidates come from a sketch: a paragraph's SKETCH_SIZE longest distinct words (ties by the word itself:
# the same from run to run), looked up among at most CANDIDATES_PER_WORD earlier paragraphs each (the
# latest), so time stays linear; a candidate whose words are too unlike (WORD_SIMILARITY) is not compared
# by its 5-grams. Paragraphs this alike share their longest words.
_SKETCH_SIZE = 6
_CANDIDATES_PER_WORD = 32
_WORD_SIMILARITY = 0.5
# What a repeat adds around the same words: a bullet or list label, an agency or time prefix, "ادامه دارد".
_LEADING_DECORATION = regex.compile(
    r"(?:[-–—•*·▪►]+\s*|(?:الف|\p{L}|\d{1,2})\s*[\)\.\-]\s*(?=\p{L})|\d{1,2}:\d{2}\s*-\s*|خبرگزاری\s+\S+\s*:\s*)+"
)
_CONTINUED = "ادامه دارد"
_TRAILING_DECORATION = regex.compile(r"\s*[\(\[]?\s*ادامه دارد\s*[\)\]]?\s*[.…]*\s*$")


def split_paragraphs(text: str) -> list[Block]:
    """Every non-empty line of `text`, without its surrounding white space."""
    blocks: list[Block] = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + len(line) - len(line.lstrip())
            blocks.append(Block(len(blocks), NormalizedOffset(start), NormalizedOffset(start + len(stripped))))
    return blocks


@functools.cache
def _boilerplate_patterns() -> tuple[tuple[regex.Pattern[str], str], ...]:
    return tuple(
        (regex.compile(row["pattern"], regex.IGNORECASE), row["reason"]) for row in lexicons.rows("boilerplate")
    )


def boilerplate_reason(paragraph: str) -> str | None:
    """Why a paragraph is web-page or agency residue rather than content; None for content."""
    for pattern, reason in _boilerplate_patterns():
        if pattern.match(paragraph):  # every pattern is anchored at the start
            return reason
    return None


def deduplicate(text: str, blocks: list[Block]) -> Deduplicated:
    """Keep the first copy of each paragraph; list later copies and boilerplate lines."""
    result = Deduplicated()
    first_copy: dict[str, int] = {}
    for block in blocks:
        paragraph = text[block.start : block.end]
        reason = boilerplate_reason(paragraph)
        if reason:
            result.boilerplate.append((block, reason))
            continue
        key = exact_key(paragraph)
        if key in first_copy:
            result.duplicates.append((block, first_copy[key], 1.0))
        else:
            first_copy[key] = block.index
            result.kept.append(block)
    return result


def exact_key(paragraph: str) -> str:
    return " ".join(paragraph.replace(_ZWNJ, " ").split())  # white space runs as one space


def comparison_key(paragraph: str) -> str:
    """What two near duplicates are compared by: the exact key without bullets, list labels, an agency or
    time prefix, or a trailing "(ادامه دارد)"."""
    key = exact_key(paragraph)
    leading = _LEADING_DECORATION.match(key)
    if leading:
        key = key[leading.end() :]
    return _TRAILING_DECORATION.sub("", key) if _CONTINUED in key else key


def shingles(key: str) -> frozenset[str]:
    return frozenset(key[position : position + _SHINGLE] for position in range(max(1, len(key) - _SHINGLE + 1)))


def similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """Jaccard similarity of two shingle sets."""
    return len(first & second) / len(first | second) if first or second else 1.0


@dataclass
class _Compared:
    """A paragraph as near duplicates are compared: its key, its words, and its 5-grams (made when needed)."""

    block: Block
    key: str
    words: frozenset[str]

    @functools.cached_property
    def shingles(self) -> frozenset[str]:
        return shingles(self.key)

    @functools.cached_property
    def sketch(self) -> list[str]:
        """The longest words, ties in word order (two sorts in C, the second stable)."""
        return sorted(sorted(self.words), key=len, reverse=True)[:_SKETCH_SIZE]


class NearDuplicateIndex:
    """The paragraphs kept so far, by sketch: `most_similar` finds the one a new paragraph nearly repeats."""

    def __init__(self) -> None:
        self._by_word: dict[str, list[_Compared]] = {}
        self._removed: set[int] = set()

    def most_similar(self, paragraph: _Compared) -> tuple[Block, float] | None:
        best: tuple[Block, float] | None = None
        seen: set[int] = set()
        for word in paragraph.sketch:
            for candidate in self._by_word.get(word, [])[-_CANDIDATES_PER_WORD:]:
                if candidate.block.index in seen or candidate.block.index in self._removed:
                    continue
                seen.add(candidate.block.index)
                if similarity(paragraph.words, candidate.words) < _WORD_SIMILARITY:
                    continue
                score = similarity(paragraph.shingles, candidate.shingles)
                if score >= NEAR_DUPLICATE_SIMILARITY and (best is None or score > best[1]):
                    best = (candidate.block, score)
        return best

    def add(self, paragraph: _Compared) -> None:
        for word in paragraph.sketch:
            self._by_word.setdefault(word, []).append(paragraph)

    def remove(self, block: Block) -> None:
        self._removed.add(block.index)


def drop_near_duplicates(text: str, result: Deduplicated, says_nothing_new: Callable[[Block, Block], bool]) -> None:
    """Of each kept paragraph that nearly repeats an earlier kept one (NEAR_DUPLICATE_SIMILARITY), move one
    copy to `result.duplicates`: the later when `says_nothing_new(later, first)`, else the first when
    `says_nothing_new(first, later)`; otherwise keep both and list the pair in `result.near_duplicates_kept`."""
    index = NearDuplicateIndex()
    dropped: set[int] = set()
    for block in result.kept:
        key = comparison_key(text[block.start : block.end])
        if len(key) < SHORTEST_NEAR_DUPLICATE:
            continue
        paragraph = _Compared(block, key, frozenset(key.split()))
        twin = index.most_similar(paragraph)
        if twin is not None:
            first, alike = twin[0], round(twin[1], 3)
            if says_nothing_new(block, first):
                result.duplicates.append((block, first.index, alike))
                dropped.add(block.index)
                continue
            if says_nothing_new(first, block):
                result.duplicates.append((first, block.index, alike))
                dropped.add(first.index)
                index.remove(first)
            else:
                result.near_duplicates_kept.append((block, first, alike))
        index.add(paragraph)
    result.kept = [block for block in result.kept if block.index not in dropped]
    result.duplicates.sort(key=lambda duplicate: duplicate[0].index)
