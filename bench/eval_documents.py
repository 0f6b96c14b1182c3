"""Precision, recall and F1 per fact kind on whole articles annotated by hand (docs/annotation.md).

    python bench/eval_documents.py [--shared-data ../shared/data] [--quiet] [--check-floors bench/document_floors.json]

The article set is every corpus/documents/*.expected.json with a `section` (the sample article, which
the product was specified from, is checked whole by tests/test_golden.py instead), scored by split:
`development` (read while the rules were written) and `held_out` (annotated after, never used to change
them), then both together. An article of the shared corpora is read from --shared-data and skipped,
with a message, when that is absent. An extracted fact matches a gold fact of its kind whose value (and
value_high), unit and qualifier agree and whose text overlaps it in the normalized article; each gold
fact matches at most once. Every miss and false fact is listed unless --quiet. --check-floors exits 1
when the overall F1 or a kind's F1 falls below its floor in the file (all splits together).
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers`: look in this folder last.
sys.path.append(sys.path.pop(0))

import argparse
import datetime
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from scores import Score

from extractor import extract

REPOSITORY = Path(__file__).resolve().parent.parent
DOCUMENTS = REPOSITORY / "corpus" / "documents"
DEFAULT_SHARED_DATA = REPOSITORY.parent / "shared" / "data"
KINDS = ("money", "percent", "count", "rank", "date", "time", "duration", "age")
_FOLDED_LETTERS = str.maketrans(
    {"ي": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ۀ": "ه", "ة": "ه"}
    | {chr(0x06F0 + digit): str(digit) for digit in range(10)}
    | {chr(0x0660 + digit): str(digit) for digit in range(10)}
)
_IGNORED = re.compile(r"[\s\u200c\u200d\u200e\u200f\u0640]")  # and the tatweel
_EZAFE_AFTER_VOWEL = re.compile(r"(?<=[اوه])ی$")


@dataclass
class Article:
    name: str
    split: str
    section: str
    raw: str
    reference_date: datetime.date
    facts: list[dict]


def fold(text: str) -> str:
    """Letters, digits and spacing folded so that a gold text finds its words in the normalized article."""
    return _IGNORED.sub("", text.translate(_FOLDED_LETTERS))


def folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """fold(text), and for each of its characters the offset in `text` it came from."""
    characters, offsets = [], []
    for offset, character in enumerate(text):
        kept = fold(character)
        characters.append(kept)
        offsets.extend([offset] * len(kept))
    return "".join(characters), offsets


def load_articles(shared_data: Path) -> tuple[list[Article], list[str]]:
    """The annotated articles whose text is at hand, and a message for each one skipped."""
    articles, skipped = [], []
    shared_records: dict[str, dict[str, str]] = {}
    for path in sorted(DOCUMENTS.glob("*.expected.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        if "section" not in expected:
            continue
        name = path.name.removesuffix(".expected.json")
        if "shared" in expected:
            source = shared_data / expected["shared"]["file"]
            if not source.is_file():
                skipped.append(f"{name}: {source} not found (shared data sits beside the checkout)")
                continue
            records = shared_records.setdefault(str(source), _records_by_id(source))
            raw = records[expected["shared"]["id"]]
        else:
            raw = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
        reference_date = datetime.date.fromisoformat(expected["reference_date"])
        articles.append(Article(name, expected["split"], expected["section"], raw, reference_date, expected["facts"]))
    return articles, skipped


def _records_by_id(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as lines:
        return {record["id"]: record["text"] for record in map(json.loads, lines)}


def gold_spans(article_name: str, text: str, facts: list[dict]) -> list[tuple[int, int]]:
    """Where each gold fact's text sits in the normalized article: the first place after the previous
    fact's, or the first anywhere when facts overlap out of order."""
    folded, offsets = folded_with_offsets(text)
    spans, position = [], 0
    for fact in facts:
        needle = fold(fact["text"])
        found = folded.find(needle, position)
        if found < 0:
            found = folded.find(needle)
        if found < 0:
            raise SystemExit(f"{article_name}: gold text {fact['text']!r} is not in the normalized article")
        spans.append((offsets[found], offsets[found + len(needle) - 1] + 1))
        position = found + len(needle)
    return spans


def _same_number(gold: object, observed: object) -> bool:
    if isinstance(gold, (int, float)) and isinstance(observed, (int, float)):
        return math.isclose(gold, observed, rel_tol=1e-4)
    return gold == observed


def _unit(kind: str, unit: str | None) -> str | None:
    if kind != "count" or unit is None:
        return unit
    return _EZAFE_AFTER_VOWEL.sub("", fold(unit))


def agrees(gold: dict, observed: dict) -> bool:
    return (
        _same_number(gold["value"], observed["value"])
        and _same_number(gold.get("value_high"), observed.get("value_high"))
        and _unit(gold["kind"], gold["unit"]) == _unit(gold["kind"], observed["unit"])
        and gold["qualifier"] == observed["qualifier"]
    )


def observed_facts(article: Article) -> tuple[str, list[dict]]:
    document = extract(article.raw, reference_date=article.reference_date)
    facts = []
    for fact in document.facts:
        facts.append(
            {
                "kind": fact.kind,
                "text": fact.text,
                "value": fact.value,
                "value_high": getattr(fact, "value_high", None),
                "unit": getattr(fact, "unit", None),
                "qualifier": fact.qualifier,
                "span": (fact.span.start, fact.span.end),
            }
        )
    return document.text, facts


def score_article(article: Article, scores: dict[str, Score]) -> tuple[list[dict], list[dict]]:
    """Add the article's counts to `scores`; return its misses and its false facts."""
    text, observed = observed_facts(article)
    unmatched = list(observed)
    misses = []
    for gold, (start, end) in zip(article.facts, gold_spans(article.name, text, article.facts), strict=True):
        match = next(
            (
                fact
                for fact in unmatched
                if fact["kind"] == gold["kind"] and fact["span"][0] < end and start < fact["span"][1] and agrees(gold, fact)
            ),
            None,
        )
        if match is None:
            misses.append(gold)
        else:
            unmatched.remove(match)
            scores[gold["kind"]].matched += 1
        scores[gold["kind"]].gold += 1
    for fact in observed:
        scores[fact["kind"]].predicted += 1
    return misses, unmatched


def _describe(fact: dict) -> str:
    high = f"-{fact['value_high']}" if fact.get("value_high") is not None else ""
    return f"{fact['kind']:<8} {fact['text']!r}  value {fact['value']}{high}  unit {fact['unit']}  {fact['qualifier']}"


def overall(scores: list[Score]) -> Score:
    return Score(
        matched=sum(score.matched for score in scores),
        predicted=sum(score.predicted for score in scores),
        gold=sum(score.gold for score in scores),
    )


def print_table(scores: dict[str, Score], articles: int, split: str) -> None:
    print(f"{split}: {articles} whole articles annotated by hand (docs/annotation.md)")
    print(f"{'kind':<10}{'gold':>6}{'found':>7}{'right':>7}{'precision':>11}{'recall':>8}{'F1':>7}")
    for kind, score in [*scores.items(), ("overall", overall(list(scores.values())))]:
        print(
            f"{kind:<10}{score.gold:>6}{score.predicted:>7}{score.matched:>7}"
            f"{score.precision:>11.3f}{score.recall:>8.3f}{score.f1:>7.3f}"
        )


def below_floors(scores: dict[str, Score], floors_path: Path) -> list[str]:
    floors = json.loads(floors_path.read_text(encoding="utf-8"))
    every = {**scores, "overall": overall(list(scores.values()))}
    return [f"{name} F1 {every[name].f1:.3f} < {floor}" for name, floor in floors.items() if every[name].f1 < floor]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-data", type=Path, default=DEFAULT_SHARED_DATA)
    parser.add_argument("--quiet", action="store_true", help="print the table only, not each miss and false fact")
    parser.add_argument("--check-floors", type=Path, metavar="FLOORS_JSON")
    arguments = parser.parse_args()
    articles, skipped = load_articles(arguments.shared_data)
    for message in skipped:
        print(f"skipped {message}", file=sys.stderr)
    if not articles:
        print("no annotated article at hand: nothing to score", file=sys.stderr)
        return 0
    by_split: dict[str, dict[str, Score]] = {}
    for article in articles:
        misses, false_facts = score_article(article, by_split.setdefault(article.split, {kind: Score() for kind in KINDS}))
        if not arguments.quiet:
            for fact in misses:
                print(f"missed  {article.split} {article.name}: {_describe(fact)}")
            for fact in false_facts:
                print(f"false   {article.split} {article.name}: {_describe(fact)}")
    together = {kind: overall([scores[kind] for scores in by_split.values()]) for kind in KINDS}
    for split in sorted(by_split):
        print_table(by_split[split], sum(article.split == split for article in articles), split)
    print_table(together, len(articles), "all")
    if arguments.check_floors:
        failures = below_floors(together, arguments.check_floors)
        for failure in failures:
            print(f"below floor: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
