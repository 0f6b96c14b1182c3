"""extract_json (the batch's hot path, built without validation) writes exactly what extract(...) and
model_dump_json() write, on every document of the corpus and of the shared corpora."""

import datetime

import pytest
from support import CORPUS, corpus_lines, shared_jsonl

from extractor import extract, extract_json

REFERENCE = datetime.date(2018, 7, 4)
FACT_CORPORA = ("money", "percent", "counts", "ages", "dates", "times", "ranks", "entities")


def _same(text, reference_date=None, document_id=None):
    assert extract_json(text, reference_date, document_id) == extract(text, reference_date, document_id).model_dump_json(), text


def test_extract_json_on_the_sample_article():
    _same((CORPUS / "documents" / "qom_industry_irna.txt").read_text(encoding="utf-8"), REFERENCE, "qom")


@pytest.mark.parametrize("name", FACT_CORPORA)
def test_extract_json_on_the_corpus(name):
    for case in corpus_lines(name):
        line = case.values[0]
        _same(line["text"], line.get("reference_date"))


@pytest.mark.slow  # the shared corpora: about half a minute
@pytest.mark.parametrize("relative", ["peyma/dev.jsonl", "news/fars_news.jsonl", "news/varzesh3.jsonl"])
def test_extract_json_on_the_shared_corpora(relative):
    for line in shared_jsonl(relative):
        _same(line["text"], None, line.get("id"))
