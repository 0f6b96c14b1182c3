"""Property: for any Unicode string (lone surrogates and control characters included), and for
strings built from the words the rules look for, `extract` returns a Document that satisfies the
output contract (extractor.invariants) and serializes to UTF-8 JSON; nothing raises.

Bounded so that `make test` stays fast; a longer run: KHABAR_PROPERTY_EXAMPLES=20000 pytest tests/test_extract_property.py
"""

from __future__ import annotations

import datetime
import os

import pytest

from extractor import extract, invariants

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

EXAMPLES = int(os.environ.get("KHABAR_PROPERTY_EXAMPLES", "300"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words and signs the rules look for, so that random text reaches the fact finders, not only the normalizer.
WORDS = (
    "2 هزار و 300 واحد صنعتی 30 میلیارد تومان بیش از 90 درصد روز پنجشنبه 14 تیرماه جاری رتبه چهاردهم 470 تن "
    "ساعت 10:30 صبح سه ماهه نخست سال 1397 دهه 60 قرن 21 میلادی 27 ساله نیم یک دوم صدها دو تا سه ۱۲٫۵ ١٢ 1,250,000 "
    "ريال كشور ﷼ ﷽ گفت: سیجانی رئیس سازمان قم، ایرنا به گزارش % ٪ - / : . ، \u200c \u200d \n \r \x00 \ud800 \u2028"
).split(" ")

texts = st.text(alphabet=st.characters(codec=None), max_size=400)
word_texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=3)), max_size=60).map(" ".join)
reference_dates = st.one_of(st.none(), st.dates(datetime.date(1000, 1, 1), datetime.date(3000, 12, 31)))


def _holds(text: str, reference_date: datetime.date | None) -> None:
    document = extract(text, reference_date=reference_date)
    assert invariants.problems(document, text) == []


@SETTINGS
@given(texts, reference_dates)
def test_extract_property_any_unicode_string(text, reference_date):
    _holds(text, reference_date)


@SETTINGS
@given(word_texts, reference_dates)
def test_extract_property_strings_of_the_words_rules_look_for(text, reference_date):
    _holds(text, reference_date)
