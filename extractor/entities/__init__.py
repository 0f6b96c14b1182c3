"""Owns named entities: people, organizations and places, found by the shipped lexicons and context
rules, by the shipped trained model, or by both merged (the default); then linked (a bare surname to the
full name said before it)."""

from __future__ import annotations

from collections.abc import Sequence

from extractor.arguments import DEFAULT_RECOGNIZER, RECOGNIZERS
from extractor.entities import model, recognizer
from extractor.entities.linking import link, name_titled_speakers
from extractor.entities.merge import merged
from extractor.entities.recognizer import Mention


def find(text: str, paragraphs: Sequence[tuple[int, int]], recognizer_name: str) -> list[Mention]:
    """The mentions in `text` (its kept `paragraphs`, as spans) by the recognizer named, left to right,
    none overlapping."""
    if recognizer_name == "rules":
        return recognizer.recognize(text)
    found_by_model = model.recognize(text, paragraphs)
    if recognizer_name == "model":
        return found_by_model
    return merged(recognizer.recognize(text), found_by_model)


__all__ = ["DEFAULT_RECOGNIZER", "RECOGNIZERS", "Mention", "find", "link", "name_titled_speakers"]
