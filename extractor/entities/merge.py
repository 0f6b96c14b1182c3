"""Owns how the rule recognizer's mentions and a trained model's are combined (issue 19; measured by
bench/eval_entities.py, not yet used by the pipeline).

The policy, as measured on the PEYMA validation split and on whole articles from other outlets, with
three trained models: the rules' mentions stand, but an organization the rules grew from a head noun
(`head+specifier`: right in 58% of PEYMA's cases, against 83% for the lexicon's) takes the span of the
model's organization it overlaps; the model adds the people and organizations no rule mention overlaps
(it knows people the lexicons never heard of), but no place (its places out of domain are mostly
wrong: a team's town, a car's make); and a model PERSON that holds a rule PERSON and is longer replaces
it (the rules often find a surname alone where the model has the whole name).
"""

from __future__ import annotations

Mention = tuple[str, int, int]  # label, start, end (offsets into one text)
RuleMention = tuple[str, int, int, str]  # and the rule that found it

ADDED_FROM_THE_MODEL = frozenset({"PERSON", "ORG"})
BOUNDED_BY_THE_MODEL = frozenset({("ORG", "head+specifier")})


def _overlaps(first: Mention, second: Mention) -> bool:
    return first[1] < second[2] and second[1] < first[2]


def _bounded(mention: RuleMention, model: list[Mention]) -> Mention:
    """The rule mention, or the span of the model's mention of the same label it overlaps when the
    rule's boundaries are the weaker (BOUNDED_BY_THE_MODEL)."""
    label, start, end, rule = mention
    own = (label, start, end)
    if (label, rule) not in BOUNDED_BY_THE_MODEL:
        return own
    return next((found for found in model if found[0] == label and _overlaps(found, own)), own)


def _longer_name(mention: Mention, model: list[Mention]) -> Mention:
    """The model's PERSON that holds `mention` (a rule PERSON) and is longer, or `mention` itself."""
    if mention[0] != "PERSON":
        return mention
    holding = (
        found for found in model
        if found[0] == "PERSON" and found[1] <= mention[1] and mention[2] <= found[2] and found != mention
    )
    return next(holding, mention)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """The mentions in text order, each dropped that overlaps one kept before it."""
    kept: list[Mention] = []
    for mention in sorted(set(mentions), key=lambda mention: (mention[1], -mention[2])):
        if not any(_overlaps(mention, other) for other in kept):
            kept.append(mention)
    return kept


def merged(rules: list[RuleMention], model: list[Mention]) -> list[Mention]:
    """The mentions of both recognizers combined by the policy above, in text order, none overlapping
    another."""
    combined = _without_overlaps([_bounded(mention, model) for mention in rules])
    for mention in model:
        if mention[0] in ADDED_FROM_THE_MODEL and not any(_overlaps(mention, kept) for kept in combined):
            combined.append(mention)
    widened = []
    for mention in combined:
        wider = _longer_name(mention, model)
        if any(_overlaps(wider, other) for other in combined if other != mention):
            wider = mention  # widening must not run into another mention
        widened.append(wider)
    return sorted(set(widened), key=lambda mention: (mention[1], mention[2]))
