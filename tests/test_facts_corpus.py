import datetime

import pytest
from support import assert_span_invariants, corpus_lines

from extractor import extract

FACT_CORPORA = ["money", "percent", "counts", "ranks", "ages", "dates", "times"]
CASES = [case for name in FACT_CORPORA for case in corpus_lines(name)]


def _observed(fact, expected: dict) -> dict:
    return {key: getattr(fact, key) for key in expected}


@pytest.mark.parametrize("case", CASES)
def test_facts_corpus_line(case):
    reference = case.get("reference_date")
    document = extract(case["text"], reference_date=datetime.date.fromisoformat(reference) if reference else None)
    assert [_observed(fact, expected) for fact, expected in zip(document.facts, case["facts"])] == case["facts"]
    assert len(document.facts) == len(case["facts"]), [fact.text for fact in document.facts]
    assert_span_invariants(document, case["text"])


def test_facts_count_subject_leads_with_its_noun_without_the_digits_joined_to_it():
    """"160نفر مرتبط": the count's noun as its finder read it, not the written token with its digits."""
    from extractor import extract

    (fact,) = [fact for fact in extract("تعداد 160نفر مرتبط با این پرونده است.").facts if fact.kind == "count"]
    assert (fact.text, fact.unit, fact.subject) == ("160نفر", "person", "نفر مرتبط")
