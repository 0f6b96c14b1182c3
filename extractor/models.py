"""Owns the output contract: pydantic models for spans, facts, paragraphs and the Document."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

Qualifier = Literal["exact", "more_than", "less_than", "about", "at_least", "at_most"]
Number = Union[int, float]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(Model):
    """Half-open character offsets [start, end) into a string."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Speaker(Model):
    """Who a paragraph or fact is attributed to, as the text names them."""

    name: str | None = Field(None, description="The person's name, completed from an earlier full mention.")
    title: str | None = Field(None, description="The role the text gives instead of a name.")
    mention: str = Field(description="The words that attribute the statement (may be a pronoun such as وی).")
    name_inferred: bool = Field(
        False,
        description="True when `name` is not written beside this quote but inferred: the article alternates "
        "quotes of one named person and of one title with no name, and quotes no one else.",
    )


class FactBase(Model):
    """What every fact carries, whatever its kind (each kind narrows kind, value and unit)."""

    kind: str
    value: object
    unit: str | None
    qualifier: Qualifier = "exact"
    text: str = Field(description="The surface text; equals Document.text[span.start:span.end].")
    qualifier_span: Span | None = Field(
        None, description="Where the qualifier phrase (بیش از, حدود, ...) stands in Document.text, just before `span`."
    )
    span: Span = Field(description="Offsets into Document.text (normalized, de-duplicated).")
    raw_span: Span = Field(description="Offsets into the raw input string.")
    paragraph: int = Field(description="The input paragraph number the fact is in.")
    sentence: int = Field(description="Index into Document.sentences.")
    rule: str = Field(description="The name of the rule that produced the fact.")
    speaker: Speaker | None = None
    mention_of: int | None = Field(
        None,
        description="When this fact restates an earlier one (the same statement in the headline or lead and again "
        "in the body, or in two near-identical sentences): the index in Document.facts of its first mention.",
    )


_HIGH = "The high end of a range (۲ تا ۳ هزار); `value` is then the low end."


class MeasuredFact(FactBase):
    """What counts, amounts and percentages add: what they measure, and where."""

    subject: str | None = Field(
        None, description="The noun phrase measured, as written: واحد صنعتی فعال استان, اعتبار, صنعت استان."
    )
    location: str | None = Field(None, description="The place the sentence puts it in (در قم), as written.")


class MoneyFact(MeasuredFact):
    kind: Literal["money"] = "money"
    value: Number = Field(description="The amount as stated, in `unit`.")
    unit: str | None = Field(
        description="Currency: toman, rial, dollar, euro, ...; null when the text leaves it implied (وام 160 میلیونی)."
    )
    value_high: Number | None = Field(None, description=_HIGH)
    per: str | None = Field(None, description="The unit a price is for: کیلو in هر کیلو گوشت ۴۵۰ هزار تومان, بشکه in بشکه‌ای 40 دلار.")
    value_irr: Number | None = Field(None, description="The amount in Iranian rials, for Iranian currencies.")
    value_irr_high: Number | None = Field(None, description="The high end of a range, in rials.")


class PercentFact(MeasuredFact):
    kind: Literal["percent"] = "percent"
    value: Number
    unit: Literal["percent", "percentage_point"] = Field(
        "percent", description="percentage_point for a difference written so: 2 واحد درصد."
    )
    value_high: Number | None = Field(None, description=_HIGH)


class CountFact(MeasuredFact):
    kind: Literal["count"] = "count"
    value: Number
    unit: str = Field(description="The counted noun as written, or `person` / `tonne` for تن and نفر.")
    value_high: Number | None = Field(None, description=_HIGH)


class RankFact(FactBase):
    kind: Literal["rank"] = "rank"
    value: int
    unit: None = None


class DateFact(FactBase):
    kind: Literal["date"] = "date"
    value: str | None = Field(
        description="ISO 8601: a day (2018-07-05) or an interval (2018-03-21/2019-03-20); null when unresolved."
    )
    unit: None = None
    calendar: Literal["jalali", "gregorian", "hijri"]
    granularity: Literal["day", "week", "month", "season", "year", "decade", "century", "period"]
    year: int | None = Field(None, description="As stated or resolved, in `calendar`.")
    month: int | None = None
    day: int | None = None
    weekday: str | None = Field(None, description="The weekday the text names, in English.")
    start: datetime.date | None = None
    end: datetime.date | None = None


class TimeFact(FactBase):
    """A time of day, alone or with its day: ساعت 17, صبح امروز, شامگاه یکشنبه, 21:35."""

    kind: Literal["time"] = "time"
    value: str | None = Field(
        description="ISO 8601: a time (17:30), or a date and time (2018-07-05T17:30) when the day is resolved."
    )
    unit: None = None
    hour: int | None = None
    minute: int | None = None
    part_of_day: str | None = Field(None, description="morning, noon, afternoon, evening, night, ... as stated.")
    date: datetime.date | None = Field(None, description="The day, when the text names it and it resolves.")
    time_zone: str | None = Field(
        None, description="The time zone stated after the time, as written: تهران, محلی (local), گرینویچ."
    )


class DurationFact(FactBase):
    """A length of time, not a point in it: سه روز, دو هفته, 24 ساعت."""

    kind: Literal["duration"] = "duration"
    value: Number
    unit: Literal["second", "minute", "hour", "day", "week", "month", "year", "decade", "century"]
    value_high: Number | None = Field(None, description=_HIGH)


class AgeFact(FactBase):
    """A person's age: بازیکن 27 ساله, دروازه‌بان اسپانیایی 30 ساله (elsewhere N ساله is a duration)."""

    kind: Literal["age"] = "age"
    value: Number = Field(description="Years of age.")
    unit: Literal["year"] = "year"
    value_high: Number | None = Field(None, description=_HIGH)


Fact = Annotated[
    Union[MoneyFact, PercentFact, CountFact, RankFact, DateFact, TimeFact, DurationFact, AgeFact],
    Field(discriminator="kind"),
]


class Sentence(Model):
    paragraph: int
    span: Span


class Paragraph(Model):
    """A paragraph kept in Document.text."""

    index: int = Field(description="Its number among the input's non-empty lines, from 0.")
    span: Span
    raw_span: Span
    speaker: Speaker | None = None


class DuplicateParagraph(Model):
    index: int
    raw_span: Span
    text: str = Field(description="The dropped paragraph, normalized.")
    duplicate_of: int = Field(description="The number of the paragraph it repeats (kept: the first copy).")
    similarity: float = Field(
        description="1 for an exact repeat; less for a near duplicate (Jaccard similarity of their character "
        "5-grams, bullets, list labels and agency prefixes aside), dropped because it says nothing the kept one does not."
    )


class BoilerplateLine(Model):
    index: int
    raw_span: Span
    text: str
    reason: str


class Entity(Model):
    """A person, organization or place the text names."""

    label: Literal["PERSON", "ORG", "LOC"]
    text: str = Field(description="The surface text; equals Document.text[span.start:span.end].")
    span: Span = Field(description="Offsets into Document.text (normalized, de-duplicated).")
    raw_span: Span = Field(description="Offsets into the raw input string.")
    canonical: str | None = Field(
        None, description="The full name this mention stands for, when it is shorter (سیجانی -> محمود سیجانی)."
    )
    rule: str = Field(
        description="What found it: a lexicon or a context rule (its name), or `model`, the trained recognizer."
    )


class Note(Model):
    """A consistency check that failed: something a careful reader would flag in the margin."""

    kind: Literal[
        "parts_do_not_add_up", "weekday_contradicts_date", "same_quantity_different_values", "near_duplicate_paragraphs_differ"
    ]
    message: str = Field(description="What is inconsistent, with the numbers, in English.")
    facts: list[int] = Field(description="Indices into Document.facts of the facts involved (a total first).")


class Document(Model):
    """The facts of one news text, with everything needed to find them again in the input."""

    id: str | None = None
    source: str | None = Field(None, description="The news agency the text reports through (به گزارش ...).")
    reference_date: datetime.date | None = None
    text: str = Field(description="The normalized text of the kept paragraphs, joined by newlines.")
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    facts: list[Fact]
    entities: list[Entity] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    duplicates: list[DuplicateParagraph]
    boilerplate: list[BoilerplateLine]

    def _repr_html_(self) -> str:
        """The HTML view (extractor.render), which Jupyter shows for a Document."""
        from extractor.render import render  # the view imports these models

        return render(self)
