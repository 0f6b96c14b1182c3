"""extractor/render.py: the HTML view of Documents (self-contained, right to left), each fact marked once
with its own text, dropped paragraphs struck through where they were, notes linked to their facts."""

import datetime
import json

import pytest
from page_reading import PageReading
from support import CORPUS, shared_jsonl

from extractor import cli, extract
from extractor.render import render

SAMPLE = (CORPUS / "documents" / "qom_industry_irna.txt").read_text(encoding="utf-8")
REFERENCE_DATE = datetime.date(2018, 7, 4)


@pytest.fixture(scope="module")
def sample():
    return extract(SAMPLE, reference_date=REFERENCE_DATE, document_id="qom_industry_irna.txt")


def test_render_marks_every_fact_of_the_sample_with_its_own_text(sample):
    page = PageReading(render(sample))
    assert len(sample.facts) == 27
    assert page.fact_indices == list(range(27))
    assert page.fact_texts == [fact.text for fact in sample.facts]


def test_render_strikes_through_the_dropped_repeats_and_boilerplate(sample):
    page = render(sample)
    assert PageReading(page).dropped == len(sample.duplicates) + len(sample.boilerplate) == 27 + 3
    assert page.count("<p class=\"dropped\"><del>") == 30
    assert "repeats paragraph" in page and "copy-link residue" in page


def test_render_is_self_contained_and_right_to_left(sample):
    page = render(sample)
    reading = PageReading(page)
    assert '<html lang="fa" dir="rtl">' in page and "direction: rtl" in page
    assert reading.scripts == 0 and reading.external == []


def test_render_links_each_note_to_its_facts(sample):
    page = render(sample)
    for index in sample.notes[0].facts:
        assert f'href="#d0-f{index}"' in page and f'id="d0-f{index}"' in page


def test_render_marks_people_organizations_and_places(sample):
    page = render(sample)
    assert '<span class="entity PERSON"' in page and '<span class="entity LOC"' in page


def test_render_escapes_the_text():
    document = extract("<script>alert(1)</script> قیمت 30 میلیارد تومان شد.")
    page = render(document)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert PageReading(page).fact_texts == ["30 میلیارد تومان"]


def test_render_several_documents_on_one_page_with_a_list(sample):
    other = extract("قیمت 30 میلیارد تومان شد.", document_id="second")
    page = render([sample, other])
    assert 'href="#doc-0"' in page and 'href="#doc-1"' in page and 'id="d1-f0"' in page
    assert PageReading(page).fact_texts == [fact.text for fact in sample.facts] + ["30 میلیارد تومان"]


def test_render_a_document_with_nothing_found():
    page = render(extract("سلام"))
    assert "No facts." in page and PageReading(page).fact_texts == []


def test_render_document_shows_itself_in_jupyter(sample):
    assert sample._repr_html_() == render(sample)


@pytest.mark.slow
@pytest.mark.parametrize("relative", ["news/fars_news.jsonl", "news/varzesh3.jsonl"])
def test_render_marks_every_fact_of_the_shared_news(relative):
    """Facts and entities nest or stay apart in every article: each fact is marked once, with its text."""
    for record in shared_jsonl(relative)[:400]:
        document = extract(record["text"], entities="rules")
        page = PageReading(render(document))
        assert page.fact_texts == [fact.text for fact in document.facts], json.dumps(record["id"])


def test_render_command_writes_the_sample_page(tmp_path, capsys):
    page = tmp_path / "page.html"
    assert cli.main(["render", "--reference-date", "2018-07-04", "--entities", "rules", "-o", str(page)]) == 0
    reading = PageReading(page.read_text(encoding="utf-8"))
    assert len(reading.fact_texts) == 27 and reading.dropped == 30


def test_render_command_names_a_bad_input_and_renders_the_others(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("قیمت 30 میلیارد تومان شد.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes("قیمت".encode("utf-16"))
    page = tmp_path / "page.html"
    status = cli.main(["render", str(tmp_path), "--entities", "rules", "-j", "1", "-o", str(page)])
    assert status == cli.EXIT_SOME_INPUTS_FAILED
    assert "bad.txt: is not UTF-8 text" in capsys.readouterr().err
    assert PageReading(page.read_text(encoding="utf-8")).fact_texts == ["30 میلیارد تومان"]
