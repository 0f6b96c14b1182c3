"""The one overlap policy: the best-ranked of overlapping items wins, the kept come back in text order."""

from extractor import overlaps


def _settle(items):
    return overlaps.settle(items, span=lambda item: (item[0], item[1]), rank=lambda item: (-(item[1] - item[0]), item[0]))


def test_overlaps_longest_wins_and_text_order_comes_back():
    assert _settle([(5, 7, "b"), (0, 3, "a"), (2, 9, "long"), (9, 10, "after")]) == [(2, 9, "long"), (9, 10, "after")]


def test_overlaps_touching_spans_do_not_overlap_and_equal_length_goes_to_the_earlier():
    assert _settle([(3, 6, "second"), (0, 3, "first"), (2, 5, "middle")]) == [(0, 3, "first"), (3, 6, "second")]


def test_overlaps_empty_input_and_empty_spans():
    assert _settle([]) == []
    assert _settle([(2, 2, "empty"), (0, 4, "word")]) == [(0, 4, "word"), (2, 2, "empty")]
