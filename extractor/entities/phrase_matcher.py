"""Owns finding lexicon phrases in a text's tokens: every occurrence of every phrase, by match key,
compared lower-cased token by token (what spaCy's PhraseMatcher does, without building a spaCy Doc)."""

from __future__ import annotations

from collections import defaultdict

from extractor.entities.tokens import Tokens


class PhraseMatcher:
    """Built once from {key: phrases}; called on a text's Tokens, it returns {key: [(first, end), ...]}
    in token offsets, by start and then by length, keys in the order given at construction."""

    def __init__(self, phrases_by_key: dict[str, list[str]]) -> None:
        self._keys: dict[tuple[str, ...], list[str]] = defaultdict(list)
        lengths: dict[str, set[int]] = defaultdict(set)
        for key, phrases in phrases_by_key.items():
            for phrase in phrases:
                words = tuple(Tokens(phrase).lower)
                if words and key not in self._keys[words]:
                    self._keys[words].append(key)
                    lengths[words[0]].add(len(words))
        self._lengths = {first: sorted(found) for first, found in lengths.items()}

    def __call__(self, tokens: Tokens) -> dict[str, list[tuple[int, int]]]:
        words, count = tokens.lower, len(tokens)
        hits: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for position in [position for position, word in enumerate(words) if word in self._lengths]:
            for length in self._lengths[words[position]]:
                end = position + length
                if end > count:
                    break
                for key in self._keys.get(tuple(words[position:end]), ()):
                    hits[key].append((position, end))
        return hits
