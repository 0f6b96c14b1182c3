"""extractor/entities/merge.py: the rules stand, except an organization grown from a head (kept only where
the model found something, with its bounds), a city (yields to the model's organization or place over it)
and another place (yields only to one with other bounds); the model adds people and organizations where no
rule mention is, never a place; a longer model name replaces a rule PERSON it holds."""

import pytest

from extractor.entities.merge import MODEL_RULE, merged
from extractor.entities.recognizer import Mention


def rule(label, start, end, name):
    return Mention(label, start, end, name)


def model(label, start, end):
    return Mention(label, start, end, MODEL_RULE)


def spans(mentions):
    return [(mention.label, mention.start, mention.end, mention.rule) for mention in mentions]


def test_entity_merge_model_adds_people_and_organizations_where_the_rules_found_nothing():
    found = merged([rule("LOC", 0, 5, "place")], [model("PERSON", 10, 20), model("ORG", 30, 40), model("LOC", 50, 55)])
    assert spans(found) == [("LOC", 0, 5, "place"), ("PERSON", 10, 20, MODEL_RULE), ("ORG", 30, 40, MODEL_RULE)]


def test_entity_merge_rules_stand_where_both_found_something():
    assert spans(merged([rule("ORG", 0, 9, "organization")], [model("PERSON", 3, 9)])) == [("ORG", 0, 9, "organization")]
    assert spans(merged([rule("ORG", 0, 9, "organization")], [model("ORG", 0, 12)])) == [("ORG", 0, 9, "organization")]


def test_entity_merge_a_country_or_province_keeps_its_label_against_the_model():
    """The model calls the province "فارس" an organization (PEYMA's many "خبرگزاری فارس")."""
    assert spans(merged([rule("LOC", 0, 4, "place")], [model("ORG", 0, 4)])) == [("LOC", 0, 4, "place")]


def test_entity_merge_a_place_yields_to_a_model_mention_with_other_bounds():
    """"دانشگاه تهران": the model's organization holds the rules' place."""
    assert spans(merged([rule("LOC", 8, 13, "place")], [model("ORG", 0, 13)])) == [("ORG", 0, 13, MODEL_RULE)]


@pytest.mark.parametrize("place_rule", ["city", "place"])
def test_entity_merge_a_place_never_yields_to_a_person(place_rule):
    """"شهرک محمود آباد قم": a town, not a man."""
    assert spans(merged([rule("LOC", 12, 14, place_rule)], [model("PERSON", 0, 14)])) == [("LOC", 12, 14, place_rule)]


def test_entity_merge_a_city_yields_to_the_model_organization_over_it():
    """"فرانکفورت" the team."""
    assert spans(merged([rule("LOC", 0, 9, "city")], [model("ORG", 0, 9)])) == [("ORG", 0, 9, MODEL_RULE)]


def test_entity_merge_an_organization_grown_from_a_head_takes_the_model_bounds():
    assert spans(merged([rule("ORG", 0, 12, "head+specifier")], [model("ORG", 0, 9)])) == [("ORG", 0, 9, MODEL_RULE)]
    assert spans(merged([rule("ORG", 0, 12, "head+specifier")], [model("PERSON", 0, 9)])) == [("ORG", 0, 12, "head+specifier")]


def test_entity_merge_an_organization_grown_from_a_head_needs_the_model():
    """"شرکت پیشرو": a head and a common noun, where the model sees nothing."""
    assert merged([rule("ORG", 0, 12, "head+specifier")], []) == []


def test_entity_merge_a_longer_model_name_replaces_the_rule_person_it_holds():
    found = merged([rule("PERSON", 6, 12, "surname_of_full_name")], [model("PERSON", 0, 12)])
    assert spans(found) == [("PERSON", 0, 12, MODEL_RULE)]


def test_entity_merge_widening_never_runs_into_another_mention():
    rules = [rule("ORG", 0, 5, "organization"), rule("PERSON", 6, 12, "person")]
    assert spans(merged(rules, [model("PERSON", 3, 12)])) == [("ORG", 0, 5, "organization"), ("PERSON", 6, 12, "person")]


def test_entity_merge_nothing_from_either():
    assert merged([], []) == []
