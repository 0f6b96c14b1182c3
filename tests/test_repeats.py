"""Repeats a reader would call repeats (corpus/repeats.jsonl): near-duplicate paragraphs dropped when they
say nothing new, kept and noted when their values differ; one statement told twice linked (mention_of)."""

import pytest
from support import CORPUS, corpus_lines

from extractor import dedupe, extract


@pytest.mark.parametrize("line", corpus_lines("repeats"))
def test_repeats_corpus_line(line):
    document = extract("\n".join(line["paragraphs"]), entities="rules")
    assert [paragraph.index for paragraph in document.paragraphs] == line["kept"], line["case"]
    assert [[duplicate.index, duplicate.duplicate_of] for duplicate in document.duplicates] == line["dropped"], line["case"]
    assert [note.kind for note in document.notes] == line["notes"], line["case"]
    linked = [[fact.text, document.facts[fact.mention_of].text] for fact in document.facts if fact.mention_of is not None]
    assert linked == line["linked"], line["case"]
    for duplicate in document.duplicates:
        assert duplicate.text == line["paragraphs"][duplicate.index].strip()
        assert (duplicate.similarity == 1.0) == (dedupe.comparison_key(duplicate.text) == dedupe.comparison_key(line["paragraphs"][duplicate.duplicate_of]))


def test_repeats_a_changed_number_is_noted_with_both_facts():
    base = "رئیس سازمان صنعت استان گفت: امسال 30 میلیارد تومان اعتبار برای توسعه شهرک‌های صنعتی استان اختصاص یافته است."
    other = "مدیرکل بهزیستی استان از افتتاح دو مرکز جدید نگهداری سالمندان در مرکز استان تا پایان سال خبر داد."
    document = extract("\n".join([base, other, base.replace("30 میلیارد", "35 میلیارد")]), entities="rules")
    (note,) = document.notes
    assert [document.facts[index].text for index in note.facts] == ["30 میلیارد تومان", "35 میلیارد تومان"]
    assert note.message.startswith("paragraphs 0 and 2 are 9") and "30000000000 and 35000000000" in note.message


def test_repeats_the_sample_keeps_its_exact_repeats_and_links_its_headline_rank():
    document = extract((CORPUS / "documents" / "qom_industry_irna.txt").read_text(encoding="utf-8"), entities="rules")
    assert len(document.duplicates) == 27 and all(duplicate.similarity == 1.0 for duplicate in document.duplicates)
    linked = [(fact.text, fact.paragraph, document.facts[fact.mention_of].paragraph) for fact in document.facts if fact.mention_of is not None]
    assert linked == [("رتبه چهاردهم", 10, 9)]


@pytest.mark.parametrize("paragraph, key", [
    ("- رئیس سازمان: کار جدی", "رئیس سازمان: کار جدی"),
    ("الف) معیار مصلحت", "معیار مصلحت"),
    ("00:19 - استقلال و پرسپولیس", "استقلال و پرسپولیس"),
    ("خبرگزاری فارس: تحلیلگران سیاسی", "تحلیلگران سیاسی"),
    ("متن خبر (ادامه دارد)", "متن خبر"),
    ("3.      اصلی ترین", "اصلی ترین"),
    ("ایران یک - عراق دو", "ایران یک - عراق دو"),
    ("12.5 درصد رشد", "12.5 درصد رشد"),
    ("کتاب‌های  تازه", "کتاب های تازه"),
])
def test_repeats_comparison_key_sets_decoration_aside(paragraph, key):
    assert dedupe.comparison_key(paragraph) == key


def test_repeats_near_duplicates_take_linear_time():
    """Many paragraphs sharing their longest words: each is compared with a bounded number of others."""
    paragraphs = [f"گزارش شماره {number} درباره وضعیت صنعت و معدن و تجارت استان قم منتشر شد و بررسی می شود." for number in range(3000)]
    document = extract("\n".join(paragraphs), entities=None)
    assert len(document.paragraphs) + len(document.duplicates) == 3000
