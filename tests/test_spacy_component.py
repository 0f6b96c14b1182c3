import subprocess
import sys

import pytest
import spacy

from extractor import extract

TEXT = "به گزارش ایرنا، سیجانی گفت: 22 واحد صنعتی با اعتبار 30 میلیارد تومان و بیش از 90 درصد رشد روز پنجشنبه 14 تیرماه جاری افتتاح شد."


def _nlp(**config):
    nlp = spacy.blank("fa")
    nlp.add_pipe("khabar", config=config)
    return nlp


def test_spacy_component_spans_carry_kind_and_value():
    doc = _nlp(reference_date="2018-07-04")(TEXT)
    spans = [(span.text, span.label_, span._.khabar_kind, span._.khabar_value) for span in doc.spans["facts"]]
    assert spans == [
        ("22 واحد", "count", "count", 22),
        ("30 میلیارد تومان", "money", "money", 30_000_000_000),
        ("90 درصد", "percent", "percent", 90),
        ("روز پنجشنبه 14 تیرماه جاری", "date", "date", "2018-07-05"),
    ]
    assert doc._.khabar.source == "ایرنا"
    assert doc.spans["facts"][2]._.khabar_fact.qualifier == "more_than"


def test_spacy_component_pipe_over_many_texts_equals_extract():
    texts = [f"سیجانی گفت: {index} واحد و {index + 1} درصد رشد داشت." for index in range(2, 40)]
    for text, doc in zip(texts, _nlp().pipe(texts, batch_size=8)):
        assert [span.text for span in doc.spans["facts"]] == [fact.text for fact in extract(text).facts]


@pytest.mark.slow  # an interpreter started
def test_spacy_component_found_through_the_entry_point_without_import():
    program = "import spacy; nlp = spacy.blank('fa'); nlp.add_pipe('khabar'); print(len(nlp('22 واحد').spans['facts']))"
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "1"


ENTITY_TEXT = "به گزارش ایرنا، محمود سیجانی رئیس سازمان صنعت، معدن و تجارت قم گفت: 22 واحد فعال است. سیجانی افزود."


def test_spacy_component_fills_doc_ents_with_linked_names():
    doc = _nlp()(ENTITY_TEXT)
    assert [(entity.text, entity.label_, entity.kb_id_) for entity in doc.ents] == [
        ("ایرنا", "ORG", ""),
        ("محمود سیجانی", "PERSON", ""),
        ("سازمان صنعت، معدن و تجارت قم", "ORG", ""),
        ("سیجانی", "PERSON", "محمود سیجانی"),
    ]


def test_spacy_component_keeps_entities_set_before_it():
    nlp = spacy.blank("fa")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PRODUCT", "pattern": "ایرنا"}])
    nlp.add_pipe("khabar")
    labels = {entity.text: entity.label_ for entity in nlp(ENTITY_TEXT).ents}
    assert labels["ایرنا"] == "PRODUCT"
    assert labels["محمود سیجانی"] == "PERSON"


def test_spacy_component_pipe_ents_equal_extract_entities():
    texts = [f"{name} در تهران گفت: وزارت امور خارجه ایران آماده است." for name in ("حسن روحانی", "محمد جواد ظریف")]
    for text, doc in zip(texts, _nlp().pipe(texts)):
        assert [entity.text for entity in doc.ents] == [entity.text for entity in extract(text).entities]


def _facts_of(doc):
    return [(span.text, span.label_, span._.khabar_value, span._.khabar_fact.qualifier) for span in doc.spans["facts"]]


def test_spacy_component_doc_round_trips_through_bytes():
    nlp = _nlp(reference_date="2018-07-04")
    doc = nlp(TEXT)
    again = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _facts_of(again) == _facts_of(doc)
    assert again._.khabar == doc._.khabar
    assert [(entity.text, entity.label_) for entity in again.ents] == [(entity.text, entity.label_) for entity in doc.ents]


def test_spacy_component_doc_round_trips_through_docbin_with_user_data():
    nlp = _nlp()
    docs = list(nlp.pipe([TEXT, ENTITY_TEXT, "قیمت " + "9" * 30 + " تومان شد."]))  # a 30-digit value: not a msgpack int
    stored = spacy.tokens.DocBin(store_user_data=True, docs=docs).to_bytes()
    again = list(spacy.tokens.DocBin().from_bytes(stored).get_docs(nlp.vocab))
    assert [_facts_of(doc) for doc in again] == [_facts_of(doc) for doc in docs]
    assert again[2].spans["facts"][0]._.khabar_value == int("9" * 30)


@pytest.mark.slow  # two processes
def test_spacy_component_pipe_in_two_processes_equals_one():
    texts = [TEXT, ENTITY_TEXT, *(f"سیجانی گفت: {index} واحد و {index + 1} درصد رشد داشت." for index in range(2, 10))]
    nlp = _nlp(reference_date="2018-07-04")
    in_two = [(_facts_of(doc), doc._.khabar.facts) for doc in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert in_two == [(_facts_of(doc), doc._.khabar.facts) for doc in nlp.pipe(texts)]


def test_spacy_component_reference_date_types_and_a_bad_one_fails_at_add_pipe():
    from extractor.errors import ReferenceDateError

    assert _nlp(reference_date="2018-07-04T10:30:00").get_pipe("khabar").reference_date.isoformat() == "2018-07-04"
    with pytest.raises(ValueError, match="reference_date 'yesterday' is not an ISO 8601 date"):
        _nlp(reference_date="yesterday")
    with pytest.raises(ReferenceDateError, match="outside the years"):
        _nlp(reference_date="0900-01-01")
