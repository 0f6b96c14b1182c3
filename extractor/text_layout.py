"""Owns the layout of Document.text: the kept paragraphs joined by newlines, mapped back to the raw input."""

from __future__ import annotations

import bisect

from extractor.dedupe import Block
from extractor.normalize import NormalizedText
from extractor.offsets import DocumentOffset, DocumentSpan, NormalizedOffset, RawSpan

PARAGRAPH_SEPARATOR = "\n"


class TextLayout:
    """Document.text and the map from its offsets to the normalized text and on to the raw input."""

    def __init__(self, normalized: NormalizedText, kept: list[Block]) -> None:
        self.normalized = normalized
        self._blocks = kept
        self._position = {block.index: position for position, block in enumerate(kept)}
        self._starts: list[DocumentOffset] = []
        position = 0
        for block in kept:
            self._starts.append(DocumentOffset(position))
            position += block.end - block.start + len(PARAGRAPH_SEPARATOR)
        self.text = PARAGRAPH_SEPARATOR.join(normalized.text[block.start : block.end] for block in kept)

    def paragraph_text(self, block: Block) -> str:
        return self.normalized.text[block.start : block.end]

    def span_of(self, block: Block) -> DocumentSpan:
        """(start, end) of a kept paragraph in Document.text."""
        start = self._starts[self._position[block.index]]
        return start, DocumentOffset(start + block.end - block.start)

    def raw_span(self, start: DocumentOffset, end: DocumentOffset) -> RawSpan:
        """The raw span of the non-empty Document.text span [start, end), which lies in one paragraph."""
        offset = self._offset(start)
        return self.normalized.raw_span(NormalizedOffset(start + offset), NormalizedOffset(end + offset))

    def cuts_a_character(self, start: DocumentOffset, end: DocumentOffset) -> bool:
        """Whether the non-empty Document.text span [start, end) begins or ends inside the expansion of one
        raw character (NormalizedText.cuts_a_character)."""
        if self.normalized.one_for_one:  # most texts: no paragraph to look up
            return False
        offset = self._offset(start)
        return self.normalized.cuts_a_character(NormalizedOffset(start + offset), NormalizedOffset(end + offset))

    def _offset(self, start: DocumentOffset) -> int:
        """What to add to a Document.text offset in the paragraph holding `start` to get its normalized offset."""
        paragraph = bisect.bisect_right(self._starts, start) - 1
        return self._blocks[paragraph].start - self._starts[paragraph]
