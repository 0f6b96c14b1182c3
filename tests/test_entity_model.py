"""extractor/entities/model.py: the shipped trained recognizer, loaded once, fed paragraphs in pieces, its
mentions in document offsets."""

import pytest

from extractor import extract
from extractor.entities import model
from extractor.entities.merge import MODEL_RULE
from extractor.errors import ModelUnavailableError

TEXT = "به گزارش ایرنا، محمود سیجانی رئیس سازمان صنعت، معدن و تجارت قم گفت: کار ادامه دارد.\nحسن روحانی به تهران رفت."


def test_entity_model_ships_inside_the_package_and_loads_once():
    assert model.TRAINED.parent.name == "entities" and (model.TRAINED / "meta.json").is_file()
    assert model.pipeline() is model.pipeline()
    assert set(model.pipeline().get_pipe("ner").labels) == {"PERSON", "ORG", "LOC"}


def test_entity_model_mentions_are_in_document_offsets():
    paragraphs = [(0, TEXT.index("\n")), (TEXT.index("\n") + 1, len(TEXT))]
    mentions = model.recognize(TEXT, paragraphs)
    assert mentions and all(mention.rule == MODEL_RULE for mention in mentions)
    for mention in mentions:
        found = TEXT[mention.start : mention.end]
        assert found == found.strip() and "\n" not in found
    assert ("PERSON", "محمود سیجانی") in {(mention.label, TEXT[mention.start : mention.end]) for mention in mentions}


@pytest.mark.parametrize("length", [0, 10, model.LONGEST_PIECE, model.LONGEST_PIECE + 1, 3 * model.LONGEST_PIECE + 7])
def test_entity_model_long_paragraphs_are_cut_at_spaces_into_pieces(length):
    text = ("کلمه " * length)[:length]
    spans = model.pieces(text, 0, length)
    assert "".join(text[start:end] for start, end in spans) == text
    assert all(end - start <= model.LONGEST_PIECE for start, end in spans)
    assert all(text[start] == " " for start, _ in spans[1:])  # each cut at a space


def test_entity_model_one_long_word_is_cut_at_the_limit():
    spans = model.pieces("ا" * (2 * model.LONGEST_PIECE + 1), 0, 2 * model.LONGEST_PIECE + 1)
    assert [end - start for start, end in spans] == [model.LONGEST_PIECE, model.LONGEST_PIECE, 1]


def test_entity_model_that_cannot_be_loaded_says_so(tmp_path):
    model.use(tmp_path)
    try:
        with pytest.raises(ModelUnavailableError, match=str(tmp_path)):
            extract(TEXT, entities="model")
        assert extract(TEXT, entities="rules").entities  # the rules need no model
    finally:
        model.use(model.TRAINED)


@pytest.mark.parametrize("recognizer", ["merged", "model", "rules", None])
def test_entity_model_every_recognizer_keeps_the_span_invariants(recognizer):
    document = extract(TEXT, entities=recognizer)
    assert all(document.text[entity.span.start : entity.span.end] == entity.text for entity in document.entities)
    assert bool(document.entities) == (recognizer is not None)


@pytest.mark.parametrize("value, error", [("crf", ValueError), (True, TypeError)])
def test_entity_model_unknown_recognizer_is_refused(value, error):
    with pytest.raises(error, match="entities must be one of 'merged', 'model', 'rules' or None"):
        extract(TEXT, entities=value)
