"""Owns how the entity pipeline splits normalized text into spaCy tokens: words (ZWNJ inside kept),
numbers, and every other character alone. One regular expression does what spaCy's general
tokenizer does with prefix, suffix and infix rules, at a fraction of the cost."""

from __future__ import annotations

import regex
from spacy.tokens import Doc
from spacy.vocab import Vocab

# A word: letters, ZWNJ inside allowed (احمدی‌نژاد).
WORD = regex.compile(r"[\p{L}\p{M}]+(?:\u200c[\p{L}\p{M}]+)*")
# A token and the one space after it (spaCy's `whitespace_`), or a run of other white space (its own token).
_TOKEN_AND_SPACE = regex.compile(rf"({WORD.pattern}|\d+(?:[.,/٫]\d+)*|[^\s\u200c])( ?)|([\s\u200c]+)")


class WordTokenizer:
    """A spaCy tokenizer (`nlp.tokenizer = WordTokenizer(nlp.vocab)`); the Doc's text is the input."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        found = _TOKEN_AND_SPACE.findall(text)
        words = [token or white_space for token, _, white_space in found]
        spaces = [bool(space) for _, space, _ in found]
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts):
        return map(self, texts)
