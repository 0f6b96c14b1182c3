"""Owns the tables analysts load: one row per fact (or per entity mention) of each Document, as CSV or as
Parquet with typed columns (pyarrow, the `parquet` extra), both read as they are by pandas and DuckDB."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable

from extractor.errors import MissingDependencyError
from extractor.models import Document, Fact

TABLES = ("facts", "entities")
# Column -> Parquet type name (pyarrow): numbers as numbers, dates as dates, offsets as integers.
FACT_COLUMNS = {
    "document_id": "string", "paragraph": "int32", "sentence": "int32", "kind": "string",
    "value": "float64",  # money, percent, count, rank, duration, age (exact in value_text)
    "value_high": "float64", "value_text": "string", "value_irr": "float64", "unit": "string", "per": "string",
    "qualifier": "string", "text": "string", "speaker": "string", "speaker_title": "string", "subject": "string",
    "location": "string", "calendar": "string", "granularity": "string", "year": "int32", "month": "int32",
    "day": "int32", "weekday": "string", "start_date": "date32", "end_date": "date32", "hour": "int32",
    "minute": "int32", "date": "date32", "start": "int64", "end": "int64", "raw_start": "int64",
    "raw_end": "int64", "rule": "string", "mention_of": "int32",
}
ENTITY_COLUMNS = {
    "document_id": "string", "label": "string", "text": "string", "canonical": "string", "start": "int64",
    "end": "int64", "raw_start": "int64", "raw_end": "int64", "rule": "string",
}
COLUMNS = {"facts": FACT_COLUMNS, "entities": ENTITY_COLUMNS}
_NUMERIC_KINDS = frozenset({"money", "percent", "count", "rank", "duration", "age"})


def fact_row(document: Document, fact: Fact) -> dict:
    numeric = fact.kind in _NUMERIC_KINDS
    value = fact.value
    return {
        "document_id": document.id, "paragraph": fact.paragraph, "sentence": fact.sentence, "kind": fact.kind,
        "value": float(value) if numeric and value is not None else None,
        "value_high": _number(getattr(fact, "value_high", None)),
        "value_text": None if value is None else str(value), "value_irr": _number(getattr(fact, "value_irr", None)),
        "unit": fact.unit, "per": getattr(fact, "per", None), "qualifier": fact.qualifier, "text": fact.text,
        "speaker": fact.speaker.name if fact.speaker else None,
        "speaker_title": fact.speaker.title if fact.speaker else None,
        "subject": getattr(fact, "subject", None), "location": getattr(fact, "location", None),
        "calendar": getattr(fact, "calendar", None), "granularity": getattr(fact, "granularity", None),
        "year": getattr(fact, "year", None), "month": getattr(fact, "month", None), "day": getattr(fact, "day", None),
        "weekday": getattr(fact, "weekday", None), "start_date": getattr(fact, "start", None),
        "end_date": getattr(fact, "end", None), "hour": getattr(fact, "hour", None),
        "minute": getattr(fact, "minute", None), "date": getattr(fact, "date", None),
        "start": fact.span.start, "end": fact.span.end, "raw_start": fact.raw_span.start,
        "raw_end": fact.raw_span.end, "rule": fact.rule, "mention_of": fact.mention_of,
    }


def _number(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def entity_row(document: Document, entity) -> dict:
    return {
        "document_id": document.id, "label": entity.label, "text": entity.text, "canonical": entity.canonical,
        "start": entity.span.start, "end": entity.span.end, "raw_start": entity.raw_span.start,
        "raw_end": entity.raw_span.end, "rule": entity.rule,
    }


def rows(document: Document, table: str = "facts", statements: bool = False) -> list[dict]:
    """The rows of one Document in `table` (facts or entities); with `statements`, one row per statement
    (a fact that restates an earlier one, `mention_of`, left out)."""
    if table == "entities":
        return [entity_row(document, entity) for entity in document.entities]
    return [fact_row(document, fact) for fact in document.facts if not (statements and fact.mention_of is not None)]


def csv_header(table: str = "facts") -> str:
    return _csv_lines([list(COLUMNS[table])])


def csv_rows(document: Document, table: str = "facts", statements: bool = False) -> str:
    """The Document's rows as CSV lines (no header: csv_header, once per file). A number is written as
    JSON writes it (a whole amount with no decimal point), a date as ISO 8601, a missing value empty."""
    return _csv_lines([[_csv_cell(row[column]) for column in COLUMNS[table]] for row in rows(document, table, statements)])


def _csv_cell(value: object) -> object:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _csv_lines(lines: list[list]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(lines)
    return buffer.getvalue()


def write_parquet(
    documents: Iterable[Document], path, table: str = "facts", statements: bool = False, rows_per_group: int = 50_000
) -> int:
    """Write the rows of `documents` in `table` to a Parquet file at `path`, in row groups as they come
    (memory stays bounded); returns the number of rows."""
    pyarrow, parquet = _pyarrow()
    schema = pyarrow.schema([(name, getattr(pyarrow, kind)()) for name, kind in COLUMNS[table].items()])
    written = 0
    pending: list[dict] = []
    with parquet.ParquetWriter(path, schema) as writer:
        for document in documents:
            pending += rows(document, table, statements)
            if len(pending) >= rows_per_group:
                writer.write_table(pyarrow.Table.from_pylist(pending, schema=schema))
                written, pending = written + len(pending), []
        writer.write_table(pyarrow.Table.from_pylist(pending, schema=schema))
    return written + len(pending)


def _pyarrow():
    try:
        import pyarrow
        from pyarrow import parquet
    except ImportError as error:
        raise MissingDependencyError("--format parquet needs pyarrow: pip install 'khabar[parquet]'") from error
    return pyarrow, parquet
