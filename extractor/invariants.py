"""Owns the output contract's checks on a finished Document: every span points at its text, in
Document.text and in the raw input, and the Document can be written as UTF-8 JSON. Used by the tests,
the fuzz runs and the robustness bench; a user can run it on their own documents too."""

from __future__ import annotations

from extractor.models import Document
from extractor.normalize import normalize


def problems(document: Document, raw: str) -> list[str]:
    """What breaks the contract in `document`, extracted from `raw`: an empty list when nothing does."""
    found = []
    for item in [*document.facts, *document.entities]:
        if document.text[item.span.start : item.span.end] != item.text:
            found.append(f"{item.text!r}: its span holds {document.text[item.span.start : item.span.end]!r}")
        raw_piece = raw[item.raw_span.start : item.raw_span.end]
        if normalize(raw_piece) != item.text:
            found.append(f"{item.text!r}: its raw span holds {raw_piece!r}")
    for paragraph in document.paragraphs:
        paragraph_text = document.text[paragraph.span.start : paragraph.span.end]
        if normalize(raw[paragraph.raw_span.start : paragraph.raw_span.end]) != paragraph_text:
            found.append(f"paragraph {paragraph.index}: its raw span does not normalize to its text")
    try:
        document.model_dump_json().encode("utf-8")
    except ValueError as error:  # pydantic's serialization error and UnicodeEncodeError are both ValueErrors
        found.append(f"not writable as UTF-8 JSON: {error}")
    return found
