"""extractor/entities/merge.py: the rules stand (a head+specifier organization takes the model's bounds),
the model adds people and organizations where no rule mention is, never a place, and a longer model name
replaces a rule PERSON it holds."""

from extractor.entities.merge import merged


def test_model_adds_people_and_organizations_where_the_rules_found_nothing():
    rules = [("LOC", 0, 5, "place")]
    model = [("PERSON", 10, 20), ("ORG", 30, 40), ("LOC", 50, 55)]
    assert merged(rules, model) == [("LOC", 0, 5), ("PERSON", 10, 20), ("ORG", 30, 40)]


def test_rules_stand_where_both_found_something():
    assert merged([("LOC", 0, 5, "place")], [("ORG", 0, 9)]) == [("LOC", 0, 5)]
    assert merged([("ORG", 0, 9, "organization")], [("PERSON", 3, 9)]) == [("ORG", 0, 9)]
    assert merged([("ORG", 0, 9, "organization")], [("ORG", 0, 12)]) == [("ORG", 0, 9)]


def test_an_organization_grown_from_a_head_takes_the_model_bounds():
    assert merged([("ORG", 0, 12, "head+specifier")], [("ORG", 0, 9)]) == [("ORG", 0, 9)]
    assert merged([("ORG", 0, 12, "head+specifier")], [("PERSON", 0, 9)]) == [("ORG", 0, 12)]


def test_a_longer_model_name_replaces_the_rule_person_it_holds():
    assert merged([("PERSON", 6, 12, "surname_of_full_name")], [("PERSON", 0, 12)]) == [("PERSON", 0, 12)]


def test_widening_never_runs_into_another_mention():
    rules = [("ORG", 0, 5, "organization"), ("PERSON", 6, 12, "person")]
    assert merged(rules, [("PERSON", 3, 12)]) == [("ORG", 0, 5), ("PERSON", 6, 12)]


def test_nothing_from_either():
    assert merged([], []) == []
