"""Sentence segmentation: sentence ends, and sentences too long to read whole cut at white space."""

from __future__ import annotations

from extractor import segment


def test_segment_sentence_ends():
    text = "وی گفت: 12.5 درصد رشد داشتیم. این خبر است"
    assert [text[start:end] for start, end in segment.sentences(text, 0, len(text))] == [
        "وی گفت: 12.5 درصد رشد داشتیم.",
        "این خبر است",
    ]


def test_segment_long_text_without_sentence_ends_cut_at_white_space():
    words = [f"واژه{number}" for number in range(3000)]
    text = " ".join(words)
    spans = segment.sentences(text, 0, len(text))
    assert len(spans) > 1
    assert all(end - start <= segment.LONGEST_SENTENCE for start, end in spans)
    assert " ".join(text[start:end] for start, end in spans).split() == words


def test_segment_long_run_without_white_space_cut_at_the_limit():
    text = "ا" * (segment.LONGEST_SENTENCE * 2 + 10)
    spans = segment.sentences(text, 0, len(text))
    assert [end - start for start, end in spans] == [segment.LONGEST_SENTENCE, segment.LONGEST_SENTENCE, 10]
