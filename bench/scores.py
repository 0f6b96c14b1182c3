"""Precision, recall and F1 from counts, and span matching, shared by the evaluation scripts of bench/."""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass
class Score:
    """Counts for one label (or kind) under one matching rule."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def add(self, predicted: list[Span], gold: list[Span], overlap: bool) -> None:
        """Count `predicted` against `gold`: the same span, or (`overlap`) a character in common."""
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.matched += matched(predicted, gold, overlap)


def matched(predicted: list[Span], gold: list[Span], overlap: bool) -> int:
    """How many predicted spans find a gold span, each gold span found at most once."""
    unmatched = list(gold)
    count = 0
    for span in predicted:
        for candidate in unmatched:
            if span == candidate or (overlap and span[0] < candidate[1] and candidate[0] < span[1]):
                unmatched.remove(candidate)
                count += 1
                break
    return count
