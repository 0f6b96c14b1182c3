"""Owns the one overlap policy, for facts and entities alike: walk the candidates in order of rank and
keep each one that no kept candidate overlaps; return the kept ones in text order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

Item = TypeVar("Item")
_TAKEN = b"\x01"


def settle(items: Iterable[Item], span: Callable[[Item], tuple[int, int]], rank: Callable[[Item], object]) -> list[Item]:
    """The items no better-ranked item overlaps (`span` gives an item's [start, end), `rank` its sort key:
    lower ranks first), in text order. Each overlap check costs the item's length, not the items kept."""
    ranked = sorted(items, key=rank)
    taken = bytearray(max((span(item)[1] for item in ranked), default=0))
    kept = []
    for item in ranked:
        start, end = span(item)
        if _TAKEN not in taken[start:end]:
            kept.append(item)
            taken[start:end] = _TAKEN * (end - start)
    return sorted(kept, key=lambda item: span(item)[0])
