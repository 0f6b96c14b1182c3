"""Owns the errors a user can act on; each message names the input and what to do."""

from __future__ import annotations


class KhabarError(Exception):
    """Base of every error khabar raises on purpose."""


class InputError(KhabarError):
    """An input that cannot be read as text."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class UnreadableInputError(InputError):
    """The input does not exist, is not a file, or may not be read."""


class UndecodableInputError(InputError):
    """The input is not UTF-8 text."""


class MissingDependencyError(KhabarError):
    """An optional dependency the asked feature needs is not installed."""


class ModelUnavailableError(KhabarError):
    """The trained entity recognizer cannot be loaded (a broken install, or a spaCy it was not trained for)."""


class ClusterUnreachableError(KhabarError):
    """The Dask scheduler given with --scheduler does not answer."""


class ReferenceDateError(KhabarError, ValueError):
    """A reference date outside the years dates are resolved against (calendars.REFERENCE_YEARS)."""


class DocumentTooLargeError(KhabarError, ValueError):
    """A document longer than the limit extract() was given (max_characters; the CLI's --max-characters)."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(
            f"the document has {length:,} characters, over the limit of {limit:,} "
            "(raise it with max_characters= or --max-characters, or split the document)"
        )
        self.length = length
        self.limit = limit
