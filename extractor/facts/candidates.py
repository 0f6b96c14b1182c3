"""Owns the finder -> model contract: one typed candidate per fact kind, holding what the kind's model
(extractor.models) holds beyond where the fact stands in the document. A finder builds these; the
pipeline adds the document's side (text, spans, paragraph, speaker, subject) and validates the model."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from extractor.facts.rules import Rule

Number = int | float
_MODEL_NAME = "model_name"  # a field's metadata key: its name in the model, when another (None: not in it)


@dataclass(frozen=True)
class Candidate:
    """A fact found by one rule, before overlaps with other facts are settled; offsets into the sentence
    (or, once `shifted`, into the document text)."""

    kind: ClassVar[str]
    start: int
    end: int
    rule: Rule
    value: Any
    unit: str | None = None
    qualifier: str = "exact"
    qualifier_span: tuple[int, int] | None = None

    def shifted(self, offset: int) -> Candidate:
        """The candidate with its offsets moved by `offset` (from the sentence into the document)."""
        qualifier_span = self.qualifier_span
        if qualifier_span is not None:
            qualifier_span = (qualifier_span[0] + offset, qualifier_span[1] + offset)
        # A copy of the fields with three changed: what dataclasses.replace does, without its checks and
        # its call of __init__ (several times the cost, and this runs for every candidate).
        moved = object.__new__(type(self))
        moved.__dict__.update(self.__dict__, start=self.start + offset, end=self.end + offset, qualifier_span=qualifier_span)
        return moved

    def model_fields(self) -> dict[str, Any]:
        """The fields of the kind's model that only this kind has, those that are set (the model's
        defaults are None: a field left out is not validated)."""
        return {
            model_name: value for name, model_name in _MODEL_NAMES[type(self)] if (value := getattr(self, name)) is not None
        }


@dataclass(frozen=True, kw_only=True)
class Amount(Candidate):
    """A quantity that may be a range: `value` its low end, `value_high` its high end."""

    value_high: Number | None = None


@dataclass(frozen=True, kw_only=True)
class Money(Amount):
    kind: ClassVar[str] = "money"
    per: str | None = None
    value_irr: Number | None = None
    value_irr_high: Number | None = None


@dataclass(frozen=True, kw_only=True)
class Percent(Amount):
    kind: ClassVar[str] = "percent"


@dataclass(frozen=True, kw_only=True)
class Count(Amount):
    kind: ClassVar[str] = "count"
    # As written (a unit of measure whole: متر مربع), what the subject is read after; no field of the model.
    counted_noun: str = field(metadata={_MODEL_NAME: None})


@dataclass(frozen=True, kw_only=True)
class Duration(Amount):
    kind: ClassVar[str] = "duration"


@dataclass(frozen=True, kw_only=True)
class Age(Amount):
    kind: ClassVar[str] = "age"


@dataclass(frozen=True, kw_only=True)
class Rank(Candidate):
    kind: ClassVar[str] = "rank"


@dataclass(frozen=True, kw_only=True)
class Date(Candidate):
    """A day, or a stretch of days: `first_date` to `last_date` (the model's start and end), resolved."""

    kind: ClassVar[str] = "date"
    calendar: str
    granularity: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: str | None = None
    first_date: datetime.date | None = field(default=None, metadata={_MODEL_NAME: "start"})
    last_date: datetime.date | None = field(default=None, metadata={_MODEL_NAME: "end"})


@dataclass(frozen=True, kw_only=True)
class Time(Candidate):
    kind: ClassVar[str] = "time"
    hour: int | None = None
    minute: int | None = None
    part_of_day: str | None = None
    date: datetime.date | None = None
    time_zone: str | None = None


def _model_names(kind: type) -> tuple[tuple[str, str], ...]:
    """(field, the model's name for it) for each field a kind adds to Candidate's: the same name, or the
    one its metadata gives; a field whose metadata names none is not the model's."""
    common = {candidate_field.name for candidate_field in fields(Candidate)}
    names = ((kind_field.name, kind_field.metadata.get(_MODEL_NAME, kind_field.name)) for kind_field in fields(kind))
    return tuple((name, model_name) for name, model_name in names if name not in common and model_name is not None)


_MODEL_NAMES: dict[type, tuple[tuple[str, str], ...]] = {
    kind: _model_names(kind) for kind in (Money, Percent, Count, Duration, Age, Rank, Date, Time)
}
