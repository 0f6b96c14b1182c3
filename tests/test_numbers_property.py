"""100,000 numbers written by independent writers (num2fawords, persiantools) and as mixed digits and
words, parsed back: every one must come back exact. Seeded, so a failure reproduces."""

import pytest
from support import bench_module

from extractor.numbers import parse_number

pytestmark = pytest.mark.slow  # 100,000 renderings

pytest.importorskip("num2fawords")
pytest.importorskip("persiantools")
number_renderings = bench_module("number_renderings")
renderings, ordinal_renderings = number_renderings.renderings, number_renderings.ordinal_renderings


def test_numbers_property_100000_renderings_parse_back_exactly():
    failures = []
    for text, value in renderings(100_000):
        parsed = parse_number(text)
        if parsed is None or parsed.value != value or parsed.is_ordinal:
            failures.append((text, value, parsed))
    assert not failures, f"{len(failures)} failures, first: {failures[:5]}"


def test_numbers_property_ordinals_from_num2fawords():
    failures = []
    for text, value in ordinal_renderings(5_000):
        parsed = parse_number(text)
        if parsed is None or (parsed.value, parsed.is_ordinal) != (value, True):
            failures.append((text, value, parsed))
    assert not failures, f"{len(failures)} failures, first: {failures[:5]}"
