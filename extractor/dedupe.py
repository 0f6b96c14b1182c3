"""Owns paragraph de-duplication: repeated paragraphs and boilerplate lines are dropped and listed."""

from __future__ import annotations

import functools
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
    duplicates: list[tuple[Block, int]] = field(default_factory=list)  # (copy, index of the first)
    boilerplate: list[tuple[Block, str]] = field(default_factory=list)  # (line, reason)


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
        key = " ".join(paragraph.replace(_ZWNJ, " ").split())  # white space runs as one space
        if key in first_copy:
            result.duplicates.append((block, first_copy[key]))
        else:
            first_copy[key] = block.index
            result.kept.append(block)
    return result
