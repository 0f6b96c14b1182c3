"""Owns the offset spaces of one document, as types a type checker keeps apart (typing.NewType to it,
plain int at run time). A span from one space used in another is an error `make typecheck` reports;
crossing from one space to another is a function that says so (NormalizedText.raw_span,
TextLayout.raw_span), or an explicit conversion where the spaces coincide.

- Raw: the input string as given.
- Normalized: the normalized input, every paragraph kept or not (dedupe.Block).
- Document: Document.text, the kept paragraphs joined by newlines: every span in the output.
Fact finders see one sentence's own text; find_facts shifts their candidates into the Document space
(plain ints, converted where the pipeline takes them: pipeline._in_document).
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, NewType

if TYPE_CHECKING:
    RawOffset = NewType("RawOffset", int)
    NormalizedOffset = NewType("NormalizedOffset", int)
    DocumentOffset = NewType("DocumentOffset", int)
else:  # at run time a NewType is a Python-level call per conversion (about 1% of a batch run, measured):
    # the conversions return the int they are given, by the cheapest builtin that does
    RawOffset = NormalizedOffset = DocumentOffset = operator.index

RawSpan = tuple[RawOffset, RawOffset]
NormalizedSpan = tuple[NormalizedOffset, NormalizedOffset]
DocumentSpan = tuple[DocumentOffset, DocumentOffset]
