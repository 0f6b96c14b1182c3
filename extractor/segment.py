"""Owns sentence segmentation: a paragraph's sentences as spans."""

from __future__ import annotations

import regex

# A sentence ends at . ! ? ؟ (or a run of them) followed by white space or the end of the paragraph;
# a dot inside a token ("12.5", "I.C.T") ends nothing.
_SENTENCE_END = regex.compile(r"[.!?؟…]+(?=\s|$)")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of the paragraph text[start:end], as (start, end) spans without outer spaces.

    >>> text = "وی گفت: 12.5 درصد رشد داشتیم. این خبر است"
    >>> [text[s:e] for s, e in sentences(text, 0, len(text))]
    ['وی گفت: 12.5 درصد رشد داشتیم.', 'این خبر است']
    """
    spans = []
    sentence_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        spans.append((sentence_start, match.end()))
        sentence_start = match.end()
    spans.append((sentence_start, end))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())
