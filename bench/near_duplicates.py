"""Near-duplicate paragraphs and statements told twice, over the shared news corpora.

    python bench/near_duplicates.py [--data-dir ../shared/data/news] [--sample 50] [--seed 21]

Prints, for the kept paragraphs of at least 40 characters of each article: the pairs left whose character
5-grams overlap with Jaccard at or above 0.75, 0.85 and 0.95 (as written, normalized: issue 21 counted 60,
20 and 3 before near duplicates were dropped); the paragraphs dropped as near duplicates, and a seeded
sample of them with the kept twin, to read; any of them whose facts (extracted from it alone) are not all
among its twin's (must be 0); the twins kept because their facts differ, and the notes on different
values; the facts linked as restatements (`mention_of`), with a sample.
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers`: look in this folder last.
sys.path.append(sys.path.pop(0))

import argparse
import itertools
import json
import random
from collections import Counter
from pathlib import Path

from extractor import dedupe, extract

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPOSITORY.parent / "shared" / "data" / "news"
THRESHOLDS = (0.75, 0.85, 0.95)
SHORTEST = 40


def kept_pairs(document) -> list[float]:
    """The similarity of every pair of kept paragraphs of at least SHORTEST characters, as written."""
    texts = [document.text[paragraph.span.start : paragraph.span.end] for paragraph in document.paragraphs]
    grams = [dedupe.shingles(text) for text in texts if len(text) >= SHORTEST]
    return [dedupe.similarity(first, second) for first, second in itertools.combinations(grams, 2)]


def statements(text: str) -> Counter:
    return Counter((fact.kind, str(fact.value), fact.unit) for fact in extract(text, entities=None).facts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=21)
    arguments = parser.parse_args()
    files = sorted(arguments.data_dir.glob("*.jsonl"))
    if not files:
        print(f"near_duplicates: no .jsonl files in {arguments.data_dir}; nothing to measure", file=sys.stderr)
        return 0
    left = Counter()
    drops, linked, losing, notes, articles = [], [], 0, 0, 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            document = extract(record["text"], entities="rules")
            articles += 1
            for alike in kept_pairs(document):
                left.update(threshold for threshold in THRESHOLDS if alike >= threshold)
            kept_text = {paragraph.index: document.text[paragraph.span.start : paragraph.span.end] for paragraph in document.paragraphs}
            for duplicate in document.duplicates:
                twin = kept_text.get(duplicate.duplicate_of, "")
                if dedupe.exact_key(duplicate.text) != dedupe.exact_key(twin):
                    drops.append((record["id"], duplicate.similarity, duplicate.text, twin))
                    losing += not statements(duplicate.text) <= statements(twin)
            notes += sum(note.kind == "near_duplicate_paragraphs_differ" for note in document.notes)
            linked += [(record["id"], fact.text, document.facts[fact.mention_of].text) for fact in document.facts if fact.mention_of is not None]
    print(f"{articles:,} articles of {', '.join(path.name for path in files)}")
    print("kept pairs of paragraphs (>= 40 characters) left, by Jaccard of their 5-grams: "
          + ", ".join(f">= {threshold}: {left[threshold]}" for threshold in THRESHOLDS))
    print(f"paragraphs dropped as near duplicates: {len(drops)} in {len({drop[0] for drop in drops})} articles; "
          f"of them holding a fact their kept twin lacks: {losing}")
    print(f"near duplicates kept with a note that they give different values: {notes}")
    print(f"facts linked as restatements of an earlier fact: {len(linked)} in {len({link[0] for link in linked})} articles")
    randomly = random.Random(arguments.seed)
    print(f"\n{min(arguments.sample, len(drops))} drops to read (seed {arguments.seed}): dropped / kept")
    for record_id, alike, dropped, twin in randomly.sample(drops, min(arguments.sample, len(drops))):
        print(f"- {record_id} ({alike:.3f})\n    dropped: {dropped[:160]}\n    kept:    {twin[:160]}")
    print(f"\n{min(20, len(linked))} restatements to read:")
    for record_id, text, first in randomly.sample(linked, min(20, len(linked))):
        print(f"- {record_id}: {text} -> {first}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
