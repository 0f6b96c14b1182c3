"""Owns what the library's functions accept: a text must be a str, and a reference date may be given as
a date, a datetime, an ISO string or a jdatetime date, and entities one recognizer's name; anything else
is an error that says so."""

from __future__ import annotations

import datetime
import typing

from extractor import calendars
from extractor.errors import ReferenceDateError

REPLACEMENT_CHARACTER = "\ufffd"
# A lone surrogate (valid in escaped JSON and in a Python str, not in UTF-8) as U+FFFD, one for one.
SURROGATES_REPLACED: dict[int | str, str] = {code: REPLACEMENT_CHARACTER for code in range(0xD800, 0xE000)}
# The entity recognizers `extract(..., entities=...)` accepts (extractor/entities/__init__.py runs them);
# the default measures best in domain and out of it together (docs/model.md).
RECOGNIZERS = ("merged", "model", "rules")
DEFAULT_RECOGNIZER = "merged"
REFERENCE_DATE_TYPES = "datetime.date, datetime.datetime, an ISO 8601 string (YYYY-MM-DD) or jdatetime.date"


def text(value: object, name: str = "text") -> str:
    """`value` when it is a str; otherwise a TypeError that names the argument and, for bytes, what to do."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}: decode it first, e.g. data.decode('utf-8')")
    raise TypeError(f"{name} must be a str, not {type(value).__name__}")


def entities(value: object) -> str | None:
    """`value` as the name of an entity recognizer (RECOGNIZERS), or None for none."""
    if value is None or value in RECOGNIZERS:
        return typing.cast(str | None, value)
    choices = ", ".join(repr(name) for name in RECOGNIZERS)
    if not isinstance(value, str):
        raise TypeError(f"entities must be one of {choices} or None, not {type(value).__name__}")
    raise ValueError(f"entities must be one of {choices} or None, not {value!r}")


def document_id(value: object) -> str | None:
    """`value` as an id for the Document: None, or a str with each lone surrogate (from an escaped JSON
    string) replaced by U+FFFD, so the Document can be written as UTF-8."""
    if value is None:
        return None
    return text(value, "document_id").translate(SURROGATES_REPLACED)


def reference_date(value: object, name: str = "reference_date") -> datetime.date | None:
    """`value` as a Gregorian date (None stays None): a datetime gives its date, a jdatetime date its
    Gregorian day, a string is read as ISO 8601 (a date, or a date and time). A date outside the years
    calendars.REFERENCE_YEARS raises ReferenceDateError."""
    if value is None:
        return None
    date = _as_date(value, name)
    if problem := calendars.reference_date_problem(date):
        raise ReferenceDateError(problem)
    return date


def _as_date(value: object, name: str) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            raise ValueError(f"{name} {value!r} is not an ISO 8601 date such as 2018-07-04") from None
    if callable(getattr(value, "togregorian", None)):  # jdatetime.date and jdatetime.datetime
        return _as_date(value.togregorian(), name)
    raise TypeError(f"{name} must be {REFERENCE_DATE_TYPES} or None, not {type(value).__name__}")
