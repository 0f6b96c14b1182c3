"""The span invariants on every line of the shared real-world corpora (skipped when ../shared is absent)."""

import pytest
from support import assert_span_invariants, shared_jsonl

from extractor import extract

pytestmark = pytest.mark.slow  # whole shared corpora


@pytest.mark.parametrize("corpus", ["peyma/dev.jsonl", "dates/parstdex_cases.jsonl", "news/fars_news.jsonl", "news/varzesh3.jsonl"])
def test_shared_corpora_span_invariants(corpus):
    for line in shared_jsonl(corpus):
        assert_span_invariants(extract(line["text"]), line["text"])


def test_shared_sample_article_matches_corpus_copy():
    from support import CORPUS, shared_file

    shared = shared_file("sample/qom_industry_irna.txt")
    assert shared.read_bytes() == (CORPUS / "documents" / "qom_industry_irna.txt").read_bytes()
