"""Owns the HTML view of Documents: one self-contained page (right to left, a Persian font stack, no
network), the normalized article with every fact highlighted by kind and every person, organization and
place marked, dropped repeats and boilerplate struck through where they were, the consistency notes on
top linked to their facts, and a table of the facts beside the text. Several documents: one page with a
list of them.

displaCy's span renderer (spaCy's) draws right-to-left spans well, but from a spaCy Doc's tokens: a fact
inside one token (`470تن`) cannot be drawn, and it has no place for a fact's value, unit and speaker, for
dropped paragraphs or notes; so the page is built here.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from html import escape

from extractor.models import Document, Entity, Fact

FACT_COLOURS = {
    "money": "#ffd966", "percent": "#9fd3a8", "count": "#9ec5fe", "rank": "#f4b183", "date": "#d5b4f0",
    "time": "#f9b4c9", "duration": "#b8e0e6", "age": "#e2d3a8",
}
ENTITY_COLOURS = {"PERSON": "#c0392b", "ORG": "#1f6fb2", "LOC": "#2e8b57"}
ENTITY_NAMES = {"PERSON": "person", "ORG": "organization", "LOC": "place"}
FONT_STACK = '"Vazirmatn", "Vazir", "Sahel", "Noto Naskh Arabic", "Noto Sans Arabic", "Tahoma", "DejaVu Sans", sans-serif'

_STYLE = """
body { direction: rtl; font-family: %(fonts)s; margin: 0; background: #fafafa; color: #222; }
header, section.document { padding: 1rem 1.5rem; }
header h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
.legend span { display: inline-block; margin: 0 0 .3rem .6rem; padding: 0 .4rem; border-radius: 3px; font-size: .85rem; }
.legend .entity { background: none; }
nav ol { margin: .3rem 0; }
section.document { border-top: 1px solid #ddd; }
.document h2 { font-size: 1.1rem; margin: 0 0 .5rem; direction: ltr; text-align: right; }
.notes { background: #fff4e5; border: 1px solid #f0c080; padding: .5rem 1rem; margin-bottom: 1rem; direction: ltr; }
.notes a { margin-left: .3rem; }
.columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; }
.columns > div { min-width: 0; overflow-x: auto; }
@media (max-width: 900px) { .columns { grid-template-columns: minmax(0, 1fr); } }
.article p { line-height: 2.3; margin: 0 0 .8rem; background: #fff; padding: .4rem .7rem; border-radius: 4px; }
.article p.dropped { color: #999; background: #f1f1f1; }
.article p.dropped del { text-decoration-color: #b00; }
.article p .why { font-size: .75rem; color: #777; margin-right: .5rem; direction: ltr; unicode-bidi: isolate; }
mark.fact { border-radius: 3px; padding: .1rem .15rem; position: relative; color: inherit; cursor: help; }
mark.fact:hover::after, mark.fact:focus::after {
  content: attr(data-tip); position: absolute; top: 1.9rem; right: 0; z-index: 2; white-space: pre; direction: ltr;
  background: #333; color: #fff; font-size: .8rem; line-height: 1.4; padding: .3rem .5rem; border-radius: 4px;
}
span.entity { border-bottom: 2px solid; padding-bottom: 1px; }
table.facts { border-collapse: collapse; width: 100%%; font-size: .85rem; background: #fff; }
table.facts th, table.facts td { border: 1px solid #ddd; padding: .2rem .35rem; text-align: right; vertical-align: top; }
table.facts td.number { direction: ltr; text-align: left; unicode-bidi: isolate; }
table.facts tr:target { outline: 2px solid #333; }
%(kinds)s
"""


def render(documents: Document | Iterable[Document], title: str = "khabar") -> str:
    """One HTML page of one Document or several (then with a list of them on top)."""
    documents = [documents] if isinstance(documents, Document) else list(documents)
    sections = [_document_section(document, number) for number, document in enumerate(documents)]
    listing = _listing(documents) if len(documents) > 1 else ""
    return (
        '<!DOCTYPE html>\n<html lang="fa" dir="rtl"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
        f"<style>{_style()}</style></head><body>"
        f'<header><h1>{escape(title)}</h1>{_legend()}{listing}</header>{"".join(sections)}</body></html>\n'
    )


def _style() -> str:
    kinds = "\n".join(f"mark.fact.{kind}, .legend .{kind} {{ background: {colour}; }}" for kind, colour in FACT_COLOURS.items())
    entities = "\n".join(f"span.entity.{label}, .legend .entity.{label} {{ border-bottom: 2px solid {colour}; color: {colour}; }}" for label, colour in ENTITY_COLOURS.items())
    return _STYLE % {"fonts": FONT_STACK, "kinds": kinds + "\n" + entities}


def _legend() -> str:
    facts = "".join(f'<span class="{kind}">{kind}</span>' for kind in FACT_COLOURS)
    entities = "".join(f'<span class="entity {label}">{ENTITY_NAMES[label]}</span>' for label in ENTITY_COLOURS)
    dropped = '<span><del>dropped repeat or boilerplate</del></span>'
    return f'<div class="legend" dir="ltr">{facts}{entities}{dropped}</div>'


def _listing(documents: list[Document]) -> str:
    items = "".join(
        f'<li><a href="#doc-{number}">{escape(document.id or f"document {number + 1}")}</a> '
        f"({len(document.facts)} facts)</li>"
        for number, document in enumerate(documents)
    )
    return f'<nav dir="ltr"><ol>{items}</ol></nav>'


def _document_section(document: Document, number: int) -> str:
    name = escape(document.id or f"document {number + 1}")
    return (
        f'<section class="document" id="doc-{number}" data-facts="{len(document.facts)}">'
        f"<h2>{name}: {len(document.facts)} facts, {len(document.entities)} entity mentions, "
        f"{len(document.duplicates)} repeats and {len(document.boilerplate)} boilerplate lines dropped</h2>"
        f"{_notes(document, number)}"
        f'<div class="columns"><div class="article">{_paragraphs(document, number)}</div>'
        f"<div>{_fact_table(document, number)}</div></div></section>"
    )


def _notes(document: Document, number: int) -> str:
    if not document.notes:
        return ""
    items = "".join(
        f"<li>{escape(note.message)}"
        + "".join(f' <a href="#d{number}-f{index}">fact {index + 1}</a>' for index in note.facts)
        + "</li>"
        for note in document.notes
    )
    return f'<div class="notes"><strong>Notes</strong><ul>{items}</ul></div>'


def _paragraphs(document: Document, number: int) -> str:
    """Every input paragraph in its place: kept ones with their marks, dropped ones struck through. The
    facts are grouped by paragraph and the entities found by their starts once, not per paragraph."""
    facts_by_paragraph: dict[int, list[tuple[int, Fact]]] = defaultdict(list)
    for index, fact in enumerate(document.facts):
        facts_by_paragraph[fact.paragraph].append((index, fact))
    entities = sorted(document.entities, key=lambda entity: entity.span.start)
    entity_starts = [entity.span.start for entity in entities]
    blocks: list[tuple[int, str]] = []
    for paragraph in document.paragraphs:
        start, end = paragraph.span.start, paragraph.span.end
        inside = entities[bisect.bisect_left(entity_starts, start) : bisect.bisect_left(entity_starts, end)]
        marked = _marked(document.text, number, start, end, facts_by_paragraph[paragraph.index], inside)
        blocks.append((paragraph.index, f'<p data-paragraph="{paragraph.index}">{marked}</p>'))
    for duplicate in document.duplicates:
        why = f"repeats paragraph {duplicate.duplicate_of}"
        if duplicate.similarity < 1:
            why += f" ({duplicate.similarity:.0%} alike, says nothing more)"
        blocks.append((duplicate.index, f'<p class="dropped"><del>{escape(duplicate.text)}</del><span class="why">{why}</span></p>'))
    for line in document.boilerplate:
        blocks.append((line.index, f'<p class="dropped"><del>{escape(line.text)}</del><span class="why">{escape(line.reason)}</span></p>'))
    return "".join(html for _, html in sorted(blocks, key=lambda block: block[0]))


def _marked(text: str, number: int, start: int, end: int, facts: list[tuple[int, Fact]], entities: list[Entity]) -> str:
    """text[start:end] (a paragraph of Document.text) with its `facts` (index, fact) as <mark> and its
    `entities` as <span>: an entity inside a fact, or a fact inside an entity, nests; an entity that
    crosses a fact's edge is left unmarked."""
    fact_spans = [(fact.span.start, fact.span.end) for _, fact in facts]
    openings: dict[int, list[tuple[int, str, str]]] = {}  # offset -> (end, opening tag, closing tag)
    for index, fact in facts:
        tip = escape(_tip(fact), quote=True)
        opening = f'<mark class="fact {fact.kind}" id="d{number}-f{index}" data-fact="{index}" tabindex="0" data-tip="{tip}">'
        openings.setdefault(fact.span.start, []).append((fact.span.end, opening, "</mark>"))
    for entity in entities:
        span = (entity.span.start, entity.span.end)
        if span[1] > end or any(_crosses(span, fact_span) for fact_span in fact_spans):
            continue
        title = escape(f"{ENTITY_NAMES[entity.label]}: {entity.canonical or entity.text} ({entity.rule})", quote=True)
        openings.setdefault(span[0], []).append((span[1], f'<span class="entity {entity.label}" title="{title}">', "</span>"))
    ends = {span_end for opened in openings.values() for span_end, _, _ in opened}
    pieces: list[str] = []
    open_tags: list[tuple[int, str]] = []  # (end, closing tag), innermost last
    position = start
    for offset in sorted(set(openings) | ends | {end}):
        pieces.append(escape(text[position:offset]))
        position = offset
        while open_tags and open_tags[-1][0] == offset:
            pieces.append(open_tags.pop()[1])
        for span_end, opening, closing in sorted(openings.get(offset, []), key=lambda item: -item[0]):  # outer first
            open_tags.append((span_end, closing))
            pieces.append(opening)
    return "".join(pieces)


def _crosses(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """The spans overlap and neither holds the other."""
    overlap = first[0] < second[1] and second[0] < first[1]
    nested = (first[0] <= second[0] and second[1] <= first[1]) or (second[0] <= first[0] and first[1] <= second[1])
    return overlap and not nested


def _tip(fact: Fact) -> str:
    """What a reader wants on hover: value, unit, qualifier, speaker, subject, resolved date, rule."""
    lines = [f"{fact.kind}: {fact.value}" + (f" {fact.unit}" if fact.unit else "")]
    if fact.mention_of is not None:
        lines.append(f"restates fact {fact.mention_of + 1}")
    if fact.qualifier != "exact":
        lines.append(f"qualifier: {fact.qualifier}")
    for label, value in _details(fact):
        lines.append(f"{label}: {value}")
    lines.append(f"rule: {fact.rule}")
    return "\n".join(lines)


def _details(fact: Fact) -> list[tuple[str, str]]:
    details = []
    if fact.speaker:
        details.append(("speaker", _speaker(fact)))
    for field in ("subject", "location", "value_irr", "start", "end", "date"):
        value = getattr(fact, field, None)
        if value is not None:
            details.append((field, str(value)))
    return details


def _speaker(fact: Fact) -> str:
    """Who said it: the name, else the title, else the words that attribute it; empty when no one."""
    return (fact.speaker.name or fact.speaker.title or fact.speaker.mention) if fact.speaker else ""


def _fact_table(document: Document, number: int) -> str:
    if not document.facts:
        return "<p>No facts.</p>"
    header = "".join(f"<th>{name}</th>" for name in ("#", "kind", "value", "unit", "qualifier", "text", "speaker", "subject", "location", "date"))
    rows = []
    for index, fact in enumerate(document.facts):
        when = getattr(fact, "start", None) or getattr(fact, "date", None) or ""
        cells = [
            f'<td class="number"><a href="#d{number}-f{index}">{index + 1}</a></td>', f"<td>{fact.kind}</td>",
            f'<td class="number">{escape("" if fact.value is None else str(fact.value))}</td>', f"<td>{escape(fact.unit or '')}</td>",
            f"<td>{fact.qualifier}</td>", f"<td>{escape(fact.text)}</td>", f"<td>{escape(_speaker(fact))}</td>",
            f"<td>{escape(getattr(fact, 'subject', None) or '')}</td>", f"<td>{escape(getattr(fact, 'location', None) or '')}</td>",
            f'<td class="number">{escape(str(when))}</td>',
        ]
        rows.append(f'<tr id="d{number}-row{index}">{"".join(cells)}</tr>')
    return f'<table class="facts"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
