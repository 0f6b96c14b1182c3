"""bench/eval_entities.py scores strict and overlapping mentions, each gold mention matched once."""

from support import bench_module

eval_entities = bench_module("eval_entities")


def test_strict_and_overlap_counts():
    score = eval_entities.Scores()
    gold = [("PERSON", 0, 10), ("PERSON", 20, 25), ("ORG", 30, 40)]
    found = [("PERSON", 0, 10), ("PERSON", 21, 25), ("PERSON", 22, 24), ("LOC", 30, 40)]
    score.add(gold, found)
    assert (score.strict["PERSON"].matched, score.strict["PERSON"].predicted, score.strict["PERSON"].gold) == (1, 3, 2)
    assert score.overlap["PERSON"].matched == 2  # the second gold mention is matched once, not twice
    assert (score.strict["ORG"].matched, score.strict["LOC"].predicted) == (0, 1)


def test_figures_without_mentions_are_zero():
    score = bench_module("scores").Score()
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)
