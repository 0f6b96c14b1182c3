"""Owns the one overlap policy, for facts and entities alike: walk the candidates in order of rank and
keep each one that no kept candidate overlaps; return the kept ones in text order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import TypeVar

Item = TypeVar("Item")


def settle(items: Iterable[Item], span: Callable[[Item], tuple[int, int]], rank: Callable[[Item], object]) -> list[Item]:
    """The items no better-ranked item overlaps (`span` gives an item's [start, end), best an
    operator.itemgetter or attrgetter; `rank` its sort key, lower ranks first), in text order."""
    ranked = sorted(items, key=rank)
    if len(ranked) < 2:  # most sentences: nothing to settle
        return ranked
    taken: set[int] = set()  # the positions the kept items cover: a check costs an item's length
    kept = []
    for item, (start, end) in zip(ranked, map(span, ranked)):
        positions = range(start, end)
        if taken.isdisjoint(positions):
            kept.append((start, item))
            taken.update(positions)
    kept.sort(key=itemgetter(0))
    return list(map(itemgetter(1), kept))
