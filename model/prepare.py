"""PEYMA dev sentences as spaCy training data, on the text as khabar normalizes it.

    python model/prepare.py [--data ../shared/data/peyma/dev.jsonl] [--out model/build] [--validation 0.15]

Each sentence is normalized by khabar's normalizer (a model trained on PEYMA's text falls from 0.83 to
about 0.4 F1 when ی and ک arrive in their Arabic forms: khabar runs any model on its own normalized
text), its PER, ORG and LOC spans carried through the offset map (as PERSON, ORG, LOC; MON, PCT, DAT and
TIM are khabar's facts, not entities), and written to `train.spacy` or `dev.spacy` by a fixed hash of
the sentence (the split does not depend on the file's order or on a random seed). A span that does not
fall on spaCy's token boundaries is counted and left out; the counts are printed.

--zwnj-variants adds to the training split a copy of each sentence written as most outlets write it,
with a zero-width non-joiner where PEYMA has a space (می‌شود, کتاب‌ها, بزرگ‌ترین): PEYMA's text has none,
the news khabar reads has them, and spaCy keeps a word joined by one as one token.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import regex
import spacy
from spacy.tokens import DocBin

from extractor.normalize import default_normalizer

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPOSITORY.parent / "shared" / "data" / "peyma" / "dev.jsonl"
LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
# The spaces most outlets write as ZWNJ: before a plural, comparative or possessive suffix, after می/نمی.
_ZWNJ_SPACE = regex.compile(
    r"(?<=[^\s\d]) (?=(?:ها|های|هایی|ای|تر|ترین|ام|ات|اش)(?:\s|$|[،.]))|(?<=(?:^|\s)(?:می|نمی)) (?=\S)"
)


def is_validation(text: str, share: float) -> bool:
    """A fixed share of the sentences, chosen by a hash of their text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def normalized_offsets(raw_index, length: int) -> tuple[dict[int, int], dict[int, int]]:
    """For each raw offset, the normalized offset where a span starting (ending) there starts (ends)."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for position in range(length):
        raw = raw_index[position]
        starts.setdefault(raw, position)
        ends[raw + 1] = position + 1
    return starts, ends


def sentence_doc(nlp, record: dict, counts: Counter):
    normalized = default_normalizer().normalize(record["text"])
    doc = nlp.make_doc(normalized.text)
    starts, ends = normalized_offsets(normalized.raw_index, len(normalized.text))
    entities = []
    for span in record["spans"]:
        label = LABELS.get(span["label"])
        if label is None:
            continue
        start, end = starts.get(span["start"]), ends.get(span["end"])
        entity = doc.char_span(start, end, label=label) if start is not None and end is not None else None
        if entity is None:
            counts[f"{label} left out (not on token boundaries)"] += 1
            continue
        counts[label] += 1
        entities.append(entity)
    doc.ents = spacy.util.filter_spans(entities)
    return doc


def zwnj_variant(nlp, doc):
    """`doc` with a ZWNJ for each such space (one character for one: the entities keep their offsets), or
    None when nothing changes or an entity would no longer fall on token boundaries."""
    text = _ZWNJ_SPACE.sub("\u200c", doc.text)
    if text == doc.text:
        return None
    variant = nlp.make_doc(text)
    entities = [variant.char_span(entity.start_char, entity.end_char, label=entity.label_) for entity in doc.ents]
    if any(entity is None for entity in entities):
        return None
    variant.ents = entities
    return variant


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=REPOSITORY / "model" / "build")
    parser.add_argument("--validation", type=float, default=0.15, help="the share of sentences held for validation")
    parser.add_argument("--zwnj-variants", action="store_true", help="add training copies written with ZWNJ")
    arguments = parser.parse_args()
    if not arguments.data.is_file():
        print(f"PEYMA not found at {arguments.data} (the shared data sits beside the checkout)", file=sys.stderr)
        return 1
    nlp = spacy.blank("fa")
    splits = {"train": DocBin(), "dev": DocBin()}
    counts: dict[str, Counter] = {"train": Counter(), "dev": Counter()}
    with arguments.data.open(encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            split = "dev" if is_validation(record["text"], arguments.validation) else "train"
            doc = sentence_doc(nlp, record, counts[split])
            splits[split].add(doc)
            counts[split]["sentences"] += 1
            variant = zwnj_variant(nlp, doc) if arguments.zwnj_variants and split == "train" else None
            if variant is not None:
                splits[split].add(variant)
                counts[split]["ZWNJ variants"] += 1
    arguments.out.mkdir(parents=True, exist_ok=True)
    for split, docs in splits.items():
        docs.to_disk(arguments.out / f"{split}.spacy")
        print(f"{split}: " + ", ".join(f"{key} {value}" for key, value in sorted(counts[split].items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
