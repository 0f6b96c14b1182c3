"""Owns the output formats: JSON lines for machines, a fact table for people."""

from __future__ import annotations

from collections.abc import Callable

from extractor.models import Document


def jsonl(document: Document) -> str:
    """One line of JSON, Persian written as is (not \\u-escaped)."""
    return document.model_dump_json() + "\n"


def table(document: Document) -> str:
    """A header line, then one tab-separated line per fact: kind, value, unit, qualifier, text, speaker."""
    header = (
        f"# {document.id}: {len(document.paragraphs)} paragraphs kept, {len(document.duplicates)} duplicates "
        f"and {len(document.boilerplate)} boilerplate lines dropped, {len(document.facts)} facts, "
        f"source {document.source or '-'}\n"
    )
    lines = []
    for fact in document.facts:
        speaker = fact.speaker.name or fact.speaker.title if fact.speaker else "-"
        unit = fact.unit or "-"
        lines.append(f"{fact.kind}\t{fact.value}\t{unit}\t{fact.qualifier}\t{fact.text}\t{speaker}\n")
    return header + "".join(lines)


FORMATS: dict[str, Callable[[Document], str]] = {"jsonl": jsonl, "table": table}
