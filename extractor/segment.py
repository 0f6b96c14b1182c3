"""Owns sentence segmentation: a paragraph's sentences as spans."""

from __future__ import annotations

import regex

# A sentence ends at . ! ? ؟ (or a run of them) followed by white space or the end of the paragraph;
# a dot inside a token ("12.5", "I.C.T") ends nothing.
_SENTENCE_END = regex.compile(r"[.!?؟…]+(?=\s|$)")
# Longer "sentences" (a text with no sentence ends: a list, a table, web-page residue) are read in pieces
# cut at white space: each rule looks at one sentence, so the pieces keep the time linear in the text's
# length. No sentence of the shared news corpora comes near it (the longest: 2,339 characters).
LONGEST_SENTENCE = 4000


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
    return [_strip(text, s, e) for long_span in spans for s, e in _pieces(text, *long_span) if text[s:e].strip()]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at white space into pieces of at most LONGEST_SENTENCE characters (a piece with
    no white space in it is cut where it reaches that length)."""
    pieces = []
    while end - start > LONGEST_SENTENCE:
        cut = text.rfind(" ", start + 1, start + LONGEST_SENTENCE + 1)
        cut = cut if cut > start else start + LONGEST_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())
