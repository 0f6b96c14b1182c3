"""Owns the trained entity recognizer shipped with the package (extractor/entities/trained/, a spaCy
pipeline trained by `make model`; docs/model.md is its card): loaded once per process, on first use,
and fed texts in batches with `nlp.pipe`."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.entities.merge import MODEL_RULE
from extractor.entities.recognizer import Mention
from extractor.errors import ModelUnavailableError

if TYPE_CHECKING:
    from spacy.language import Language

TRAINED = Path(str(resources.files("extractor.entities").joinpath("trained")))
# Texts fed to the model at once (spaCy's nlp.pipe batch), and the longest piece of text fed as one
# (a paragraph longer than this, web-page residue, is cut at a space: the model was trained on sentences).
BATCH_SIZE = 64
LONGEST_PIECE = 5_000
_location = [TRAINED]  # where pipeline() loads from: the shipped pipeline unless use() says otherwise


def use(path: Path) -> None:
    """Load the pipeline from `path` (a newly trained one, to evaluate it) in place of the shipped one."""
    _location[0] = path
    pipeline.cache_clear()


@functools.cache
def pipeline() -> Language:
    """The trained pipeline (loaded on the first call in a process; a few hundred milliseconds)."""
    import spacy

    try:
        return spacy.load(_location[0])
    except (OSError, ValueError, KeyError) as error:
        raise ModelUnavailableError(
            f"the trained entity recognizer at {_location[0]} cannot be loaded ({error}); "
            "reinstall khabar, or use entities='rules'"
        ) from error


def pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] as spans of at most LONGEST_PIECE characters, cut at the last space before the
    limit (or at the limit, where there is none)."""
    spans = []
    while end - start > LONGEST_PIECE:
        cut = text.rfind(" ", start + 1, start + LONGEST_PIECE)
        cut = cut if cut > start else start + LONGEST_PIECE
        spans.append((start, cut))
        start = cut
    if start < end:
        spans.append((start, end))
    return spans


def recognize(text: str, spans: Sequence[tuple[int, int]]) -> list[Mention]:
    """The model's mentions in `text`, found in each of `spans` (paragraphs, fed in batches), in
    document offsets, left to right."""
    pieces_of_text = [piece for start, end in spans for piece in pieces(text, start, end)]
    docs = pipeline().pipe((text[start:end] for start, end in pieces_of_text), batch_size=BATCH_SIZE)
    return [
        Mention(entity.label_, start + entity.start_char, start + entity.end_char, MODEL_RULE)
        for (start, _), doc in zip(pieces_of_text, docs, strict=True)
        for entity in doc.ents
    ]
