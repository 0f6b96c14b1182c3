"""Owns the output formats: JSON lines for machines, a fact table for people, CSV rows for analysts
(extractor/exports.py); which text each worker renders for each format the user asks for."""

from __future__ import annotations

import functools
from collections.abc import Callable

from extractor import exports
from extractor.models import Document


def jsonl(document: Document) -> str:
    """One line of JSON, Persian written as is (not \\u-escaped)."""
    return document.model_dump_json() + "\n"


def table(document: Document, statements: bool = False) -> str:
    """A header line; one tab-separated line per fact (with `statements`, per statement: a fact that
    restates an earlier one left out): kind, value, unit, qualifier, text, speaker, subject, location;
    then the distinct entities and the consistency notes, as comment lines."""
    header = (
        f"# {document.id}: {len(document.paragraphs)} paragraphs kept, {len(document.duplicates)} duplicates "
        f"and {len(document.boilerplate)} boilerplate lines dropped, {len(document.facts)} facts, "
        f"{len(document.entities)} entity mentions, {len(document.notes)} notes, source {document.source or '-'}\n"
    )
    lines = []
    for fact in document.facts:
        if statements and fact.mention_of is not None:
            continue
        speaker = fact.speaker.name or fact.speaker.title if fact.speaker else "-"
        measured = f"{getattr(fact, 'subject', None) or '-'}\t{getattr(fact, 'location', None) or '-'}"
        lines.append(f"{fact.kind}\t{fact.value}\t{fact.unit or '-'}\t{fact.qualifier}\t{fact.text}\t{speaker}\t{measured}\n")
    return header + "".join(lines) + _entities(document) + "".join(f"# note: {note.message}\n" for note in document.notes)


def _entities(document: Document) -> str:
    """One comment line per label: each distinct name, how often it is mentioned."""
    mentions: dict[str, dict[str, int]] = {}
    for entity in document.entities:
        names = mentions.setdefault(entity.label, {})
        name = entity.canonical or entity.text
        names[name] = names.get(name, 0) + 1
    return "".join(
        f"# {label}: " + " | ".join(f"{name} ({count})" for name, count in names.items()) + "\n"
        for label, names in mentions.items()
    )


# What a worker renders for one document, by name: a format, and for tables the rows (`:statements`, one
# per statement; `:entities`, one per entity mention).
FORMATS: dict[str, Callable[[Document], str]] = {
    "jsonl": jsonl,
    "table": table,
    "table:statements": functools.partial(table, statements=True),
    "csv": functools.partial(exports.csv_rows, table="facts"),
    "csv:statements": functools.partial(exports.csv_rows, table="facts", statements=True),
    "csv:entities": functools.partial(exports.csv_rows, table="entities"),
}
# What `khabar extract --format` offers: Parquet is written by the parent process from JSON lines.
FORMAT_CHOICES = ("jsonl", "table", "csv", "parquet")


def worker_format(user_format: str, table_name: str, statements: bool) -> str:
    """The FORMATS entry the workers render for `--format user_format --table table_name` (and
    `--one-row-per-statement`)."""
    if user_format in ("parquet", "html", "jsonl"):
        return "jsonl"  # the parent builds the Parquet file, or the page, from the Documents
    if table_name == "entities":
        return f"{user_format}:entities"
    return f"{user_format}:statements" if statements else user_format
