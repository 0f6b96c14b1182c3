"""Owns the output formats: JSON lines for machines, a fact table for people."""

from __future__ import annotations

from collections.abc import Callable

from extractor.models import Document


def jsonl(document: Document) -> str:
    """One line of JSON, Persian written as is (not \\u-escaped)."""
    return document.model_dump_json() + "\n"


def table(document: Document) -> str:
    """A header line; one tab-separated line per fact: kind, value, unit, qualifier, text, speaker,
    subject, location; then the distinct entities and the consistency notes, as comment lines."""
    header = (
        f"# {document.id}: {len(document.paragraphs)} paragraphs kept, {len(document.duplicates)} duplicates "
        f"and {len(document.boilerplate)} boilerplate lines dropped, {len(document.facts)} facts, "
        f"{len(document.entities)} entity mentions, {len(document.notes)} notes, source {document.source or '-'}\n"
    )
    lines = []
    for fact in document.facts:
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


FORMATS: dict[str, Callable[[Document], str]] = {"jsonl": jsonl, "table": table}
