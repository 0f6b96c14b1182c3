"""Owns how the rule recognizer's mentions and the trained model's are combined (the `merged` entities).

The policy, measured with bench/eval_entities.py on the PEYMA validation split and on whole articles from
other outlets (docs/model.md has the figures):

- the rules' mentions stand, except three kinds, by the rule that found them (POLICY): an organization the
  rules grew from a head noun (`head+specifier`, right in 58% of PEYMA's cases against 83% for the
  lexicon's) is kept only where the model found something too, with the bounds of the model's
  organization; a city yields to the model's organization or place over it (a city is also its team:
  "فرانکفورت", "لیون"); a country, province or region yields only to a model mention with other bounds ("دانشگاه
  تهران"), never to one that calls the same words something else (the model calls the province "فارس"
  an organization, after PEYMA's many "خبرگزاری فارس");
- the model adds the people and organizations no rule mention overlaps (it knows people the lexicons
  never heard of), but no place (its places out of domain are mostly wrong: a team's town, a car's make);
- a model PERSON that holds a rule PERSON and is longer replaces it (the rules often find a surname
  alone where the model has the whole name).

A mention taken from the model says so: its `rule` is MODEL_RULE.
"""

from __future__ import annotations

from enum import Enum

from extractor.entities.recognizer import Mention

MODEL_RULE = "model"
ADDED_FROM_THE_MODEL = frozenset({"PERSON", "ORG"})


class Policy(Enum):
    CONFIRMED_BY_THE_MODEL = "kept where the model found something, with its bounds"
    YIELDS = "replaced by the model's mention over it"
    YIELDS_TO_OTHER_BOUNDS = "replaced by the model's mention over it when that has other bounds"


POLICY = {
    ("ORG", "head+specifier"): Policy.CONFIRMED_BY_THE_MODEL,
    ("LOC", "city"): Policy.YIELDS,
    ("LOC", "place"): Policy.YIELDS_TO_OTHER_BOUNDS,
}


def _overlaps(first: Mention, second: Mention) -> bool:
    return first.start < second.end and second.start < first.end


def _as_policy_says(mention: Mention, model: list[Mention]) -> Mention | None:
    """The rule mention, the model's mention that replaces it, or None when it is dropped."""
    policy = POLICY.get((mention.label, mention.rule))
    if policy is None:
        return mention
    over = [found for found in model if _overlaps(found, mention)]
    if policy is Policy.CONFIRMED_BY_THE_MODEL:
        if not over:
            return None
        return next((found for found in over if found.label == mention.label), mention)
    over = [found for found in over if found.label != "PERSON"]  # "شهرک محمود آباد قم" is no one
    if policy is Policy.YIELDS_TO_OTHER_BOUNDS:
        over = [found for found in over if (found.start, found.end) != (mention.start, mention.end)]
    return over[0] if over else mention


def _longer_name(mention: Mention, model: list[Mention]) -> Mention:
    """The model's PERSON that holds `mention` (a rule PERSON) and is longer, or `mention` itself."""
    if mention.label != "PERSON":
        return mention
    holding = (
        found for found in model
        if found.label == "PERSON" and found.start <= mention.start and mention.end <= found.end
        and found.end - found.start > mention.end - mention.start
    )
    return next(holding, mention)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """The mentions in text order, each dropped that overlaps one kept before it."""
    kept: list[Mention] = []
    for mention in sorted(set(mentions), key=lambda mention: (mention.start, -mention.end)):
        if not any(_overlaps(mention, other) for other in kept):
            kept.append(mention)
    return kept


def merged(rules: list[Mention], model: list[Mention]) -> list[Mention]:
    """The mentions of both recognizers combined by the policy above, in text order, none overlapping
    another. `model`'s mentions carry MODEL_RULE."""
    combined = _without_overlaps([found for mention in rules if (found := _as_policy_says(mention, model)) is not None])
    for mention in model:
        if mention.label in ADDED_FROM_THE_MODEL and not any(_overlaps(mention, kept) for kept in combined):
            combined.append(mention)
    widened = []
    for mention in combined:
        wider = _longer_name(mention, model)
        if any(_overlaps(wider, other) for other in combined if other is not mention):
            wider = mention  # widening must not run into another mention
        widened.append(wider)
    return sorted(set(widened), key=lambda mention: (mention.start, mention.end))
