"""Entities: every corpus line, every lexicon entry, the context rules and the linking, of the rule
recognizer (the trained model's and the merged mentions are measured by bench/eval_entities.py; the
merge policy is tested in test_entity_merge.py)."""

import functools

import pytest
from support import corpus_lines

import extractor
from extractor import lexicons
from extractor.entities import patterns

extract = functools.partial(extractor.extract, entities="rules")


def _entities(text):
    return [(entity.label, entity.text, entity.canonical) for entity in extract(text).entities]


@pytest.mark.parametrize("case", corpus_lines("entities"))
def test_entities_corpus_line(case):
    expected = [(entity["label"], entity["text"], entity["canonical"]) for entity in case["entities"]]
    assert _entities(case["text"]) == expected


@pytest.mark.parametrize("row", [row for row in lexicons.rows("places") if row["alone"] == "yes"], ids=lambda row: row["name"])
def test_entities_every_place(row):
    assert ("LOC", row["name"], None) in _entities(f"سفر هیئت به {row['name']} انجام شد.")


@pytest.mark.parametrize("row", lexicons.rows("organizations"), ids=lambda row: row["name"])
def test_entities_every_organization(row):
    assert ("ORG", row["name"], None) in _entities(f"نماینده {row['name']} در جلسه حضور داشت.")


@pytest.mark.parametrize("name", patterns.unambiguous_agencies())
def test_entities_every_unambiguous_agency(name):
    assert ("ORG", name, None) in _entities(f"این خبر را {name} منتشر کرد.")


@pytest.mark.parametrize("row", [row for row in lexicons.rows("agencies") if row["alone"] == "no"], ids=lambda row: row["name"])
def test_entities_ambiguous_agency_only_in_context(row):
    assert ("ORG", row["name"], None) in _entities(f"به گزارش {row['name']}، جلسه برگزار شد.")
    assert ("ORG", row["name"], None) not in _entities(f"این {row['name']} بود.")


@pytest.mark.parametrize("row", lexicons.rows("people"), ids=lambda row: row["name"])
def test_entities_every_person_and_short_name(row):
    text = f"در این دیدار {row['name']} حضور داشت."
    assert ("PERSON", row["name"], None) in _entities(text)
    if row["short"]:
        assert ("PERSON", row["short"], row["name"]) in _entities(f"{text} سپس {row['short']} سخنرانی کرد.")


@pytest.mark.parametrize(
    "row", [row for row in lexicons.rows("first_names") if row["starts_a_name"] == "yes"], ids=lambda row: row["name"]
)
def test_entities_every_first_name_starts_a_name(row):
    assert ("PERSON", f"{row['name']} کاظمیان", None) in _entities(f"در این دیدار {row['name']} کاظمیان حضور داشت.")


@pytest.mark.parametrize("phrase", lexicons.column("honorifics", "phrase"))
def test_entities_every_honorific_is_left_out_of_the_name(phrase):
    assert ("PERSON", "کاظمیان", None) in _entities(f"در این دیدار {phrase} کاظمیان حضور داشت.")


@pytest.mark.parametrize("head", lexicons.column("organization_heads", "word"))
def test_entities_every_organization_head_with_a_specifier(head):
    assert ("ORG", f"{head} کاظمیان", None) in _entities(f"نماینده {head} کاظمیان در جلسه حضور داشت.")


def test_entities_bare_surname_linked_to_the_full_name_said_earlier():
    text = "محمود سیجانی رئیس سازمان صنعت گفت: کار ادامه دارد. سیجانی افزود: 22 واحد فعال است."
    assert ("PERSON", "سیجانی", "محمود سیجانی") in _entities(text)


def test_entities_title_only_speaker_named_when_the_name_stands_beside_the_title():
    text = "رئیس سازمان صنعت قم، محمود سیجانی در نشست حضور داشت.\nرئیس سازمان صنعت قم گفت: 22 واحد فعال است."
    document = extract(text)
    assert document.paragraphs[1].speaker.name == "محمود سیجانی"
    assert document.paragraphs[1].speaker.title == "رئیس سازمان صنعت قم"


def test_entities_spans_and_raw_spans_point_at_their_text():
    raw = "به گزارش ايرنا، محمود سيجاني در قم گفت: سيجاني آمد."
    document = extract(raw)
    assert [entity.text for entity in document.entities] == ["ایرنا", "محمود سیجانی", "قم", "سیجانی"]
    for entity in document.entities:
        assert document.text[entity.span.start : entity.span.end] == entity.text
        assert raw[entity.raw_span.start : entity.raw_span.end].replace("ي", "ی") == entity.text


def test_entities_name_the_person_an_age_is_said_of():
    """"جواد نکونام 33 ساله": an age after a person the recognizer names; without entities, a length of time
    (both words are in the dictionary: no unknown name says it either)."""
    text = "جواد نکونام 33 ساله را یکی از بهترین بازیکنان می‌دانند."
    assert [(fact.kind, fact.text) for fact in extract(text).facts] == [("age", "33 ساله")]
    assert [(fact.kind, fact.text) for fact in extract(text, entities=None).facts] == [("duration", "33 ساله")]


def test_entities_title_named_from_the_name_after_it_too():
    text = "محمود سیجانی، رئیس سازمان صنعت قم در نشست حضور داشت.\nرئیس سازمان صنعت قم گفت: 22 واحد فعال است."
    assert extract(text).paragraphs[1].speaker.name == "محمود سیجانی"


def test_entities_many_names_found_again_as_a_scan_of_the_text_would():
    """Past a few names to find again, linking looks them up in an index of the text's word pieces: the
    same occurrences as a scan of the whole text for each."""
    from extractor.entities.linking import _indexed_occurrences, _occurrences

    text = "سیجانی و سیجانی‌ها، آقای سیجانی رفت. علی‌رضایی و رضایی و (رضایی) در «تهران» و تهرانی ها ؛ رضایی"
    index = _indexed_occurrences(text)
    for form in ["سیجانی", "رضایی", "تهران", "علی‌رضایی", "رضایی و", "(رضایی)", "ها"]:
        assert list(index(text, form)) == list(_occurrences(text, form)), form


def test_entities_a_surname_far_from_its_full_name_stands_for_no_one(monkeypatch):
    """A shorter form is linked to a full name said within LINK_REACH characters of it: in a text of
    many articles, a surname far away is another article's, not this person's."""
    from extractor.entities import linking

    monkeypatch.setattr(linking, "LINK_REACH", 200)
    filler = "\n".join(f"خبر شماره {number} بدون نام کسی منتشر شد." for number in range(20))
    text = f"محمود سیجانی در قم بود. سیجانی افزود.\n{filler}\nسیجانی آمد."
    document = extract(text)
    linked = [(entity.span.start, entity.canonical) for entity in document.entities if entity.text == "سیجانی"]
    assert linked[0] == (document.text.index("سیجانی افزود"), "محمود سیجانی")
    assert document.text.rindex("سیجانی") not in [start for start, _ in linked]


def test_entities_speaker_surname_resolved_to_the_latest_full_name():
    text = "علی رضایی گفت: یک.\nمحسن رضایی گفت: دو.\nرضایی گفت: سه."
    assert extract(text).paragraphs[2].speaker.name == "محسن رضایی"
