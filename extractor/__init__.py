"""khabar: structured, validated facts from Persian news text.

>>> from extractor import extract
>>> doc = extract("به گزارش ایرنا، بیش از 90 درصد صنعت استان را صنایع کوچک تشکیل می دهد.")
>>> [(fact.kind, fact.value, fact.qualifier, fact.text) for fact in doc.facts]
[('percent', 90, 'more_than', 'بیش از 90 درصد')]
"""

from extractor.models import (
    AgeFact,
    CountFact,
    DateFact,
    Document,
    DurationFact,
    Fact,
    MoneyFact,
    Paragraph,
    PercentFact,
    RankFact,
    Span,
    Speaker,
    TimeFact,
)
from extractor.numbers import find_numbers, parse_number
from extractor.pipeline import extract, extract_json
from extractor.reading import extract_file, extract_jsonl_file

__version__ = "0.1.0"

__all__ = [
    "AgeFact",
    "CountFact",
    "DateFact",
    "Document",
    "DurationFact",
    "Fact",
    "MoneyFact",
    "Paragraph",
    "PercentFact",
    "RankFact",
    "Span",
    "Speaker",
    "TimeFact",
    "extract",
    "extract_file",
    "extract_json",
    "extract_jsonl_file",
    "find_numbers",
    "parse_number",
]
