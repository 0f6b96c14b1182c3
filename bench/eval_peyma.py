"""Span precision, recall and F1 of our facts and entities on PEYMA (hand-tagged Persian news), strict and overlap.

    python bench/eval_peyma.py [--data ../shared/data/peyma/dev.jsonl] [--show LABEL] [--peer parstdex]
                               [--check-floors bench/floors.json]

Gold labels map to fact kinds: MON -> money, PCT -> percent, DAT -> date, TIM -> time, and to entity
labels: PER -> PERSON, ORG -> ORG, LOC -> LOC. A fact's or entity's raw_span is compared with the gold offsets: strict when start and end are equal, overlap when the
spans share a character (each gold span is matched at most once). It also reports the share of the
date/time spans in parstdex's own test sentences that we find. --show LABEL prints the
disagreements for one label; --peer parstdex scores parstdex on DAT and TIM in the same run, with
both throughputs; --check-floors exits 1 when any F1 falls below the floors in the file. For the
entity labels it prints the surface texts missed and wrongly found most often.
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers` for any script run from
# this folder (first on sys.path): look in this folder last.
sys.path.append(sys.path.pop(0))

import argparse
import collections
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from scores import Score, Span, matched

from extractor import extract

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPOSITORY.parent / "shared" / "data" / "peyma" / "dev.jsonl"
PARSTDEX_CASES = REPOSITORY.parent / "shared" / "data" / "dates" / "parstdex_cases.jsonl"
TEMPORAL_KINDS = ("date", "time", "duration")
LABEL_KINDS = {"MON": "money", "PCT": "percent", "DAT": "date", "TIM": "time"}
ENTITY_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
MOST_COMMON_ERRORS = 12


@dataclass
class Evaluation:
    strict: dict[str, Score] = field(default_factory=dict)
    overlap: dict[str, Score] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)
    errors: dict[str, collections.Counter] = field(default_factory=dict)  # (missed|extra, text) -> count
    seconds: float = 0.0
    characters: int = 0

    def add(self, label: str, text: str, predicted: list[Span], gold: list[Span]) -> None:
        for rule, scores in (("strict", self.strict), ("overlap", self.overlap)):
            scores.setdefault(label, Score()).add(predicted, gold, overlap=rule == "overlap")
        wrong_predictions = [span for span in predicted if span not in gold]
        missed_gold = [span for span in gold if span not in predicted]
        lines = self.misses.setdefault(label, [])
        errors = self.errors.setdefault(label, collections.Counter())
        for start, end in missed_gold:
            lines.append(f"  missed   [{text[start:end]}]   in: {text}")
            errors["missed", text[start:end]] += 1
        for start, end in wrong_predictions:
            lines.append(f"  extra    [{text[start:end]}]   in: {text}")
            errors["extra", text[start:end]] += 1


def _gold(sentence: dict, label: str) -> list[Span]:
    return [(span["start"], span["end"]) for span in sentence["spans"] if span["label"] == label]


def evaluate_ours(sentences: list[dict], labels: list[str]) -> Evaluation:
    evaluation = Evaluation()
    started = time.perf_counter()
    # The rules' entities: the shipped model trained on most of these sentences (bench/eval_entities.py
    # scores it, and the merged recognizer, on the sentences it did not train on).
    documents = [extract(sentence["text"], entities="rules") for sentence in sentences]
    evaluation.seconds = time.perf_counter() - started
    evaluation.characters = sum(len(sentence["text"].encode("utf-8")) for sentence in sentences)
    for sentence, document in zip(sentences, documents):
        for label in labels:
            evaluation.add(label, sentence["text"], _predicted(document, label), _gold(sentence, label))
    return evaluation


def _predicted(document, label: str) -> list[Span]:
    if label in ENTITY_LABELS:
        found = [entity for entity in document.entities if entity.label == ENTITY_LABELS[label]]
    else:
        found = [fact for fact in document.facts if fact.kind == LABEL_KINDS[label]]
    return [(item.raw_span.start, item.raw_span.end) for item in found]


def _print_most_common_errors(evaluation: Evaluation) -> None:
    """Where the entity rules fail most: the texts missed, and wrongly found, most often."""
    for label in ENTITY_LABELS:
        errors = evaluation.errors[label]
        for kind in ("missed", "extra"):
            common = [(text, count) for (which, text), count in errors.most_common() if which == kind][:MOST_COMMON_ERRORS]
            print(f"{label} {kind:<6} " + ", ".join(f"{text} ({count})" for text, count in common))


def _facts_only_seconds(sentences: list[dict]) -> float:
    """Our pipeline without entities over the sentences: the fair match for a date/time-only peer."""
    started = time.perf_counter()
    for sentence in sentences:
        extract(sentence["text"], entities=None)
    return time.perf_counter() - started


def evaluate_parstdex(sentences: list[dict]) -> Evaluation:
    try:
        from parstdex import Parstdex
    except ImportError:
        sys.exit("eval_peyma: parstdex is not installed: pip install -e '.[bench]'")
    model = Parstdex()
    evaluation = Evaluation()
    started = time.perf_counter()
    outputs = [model.extract_span(sentence["text"]) for sentence in sentences]
    evaluation.seconds = time.perf_counter() - started
    evaluation.characters = sum(len(sentence["text"].encode("utf-8")) for sentence in sentences)
    for sentence, output in zip(sentences, outputs):
        for label, key in (("DAT", "date"), ("TIM", "time")):
            predicted = [tuple(span) for span in output.get(key, [])]
            evaluation.add(label, sentence["text"], predicted, _gold(sentence, label))
    return evaluation


def _print(name: str, evaluation: Evaluation, labels: list[str]) -> None:
    rate = evaluation.characters / 1024 / evaluation.seconds if evaluation.seconds else 0.0
    print(f"\n{name}: {evaluation.seconds:.2f} s, {rate:,.0f} KB/s")
    print(f"{'label':<7}{'gold':>6}{'strict P':>10}{'R':>7}{'F1':>7}{'overlap P':>11}{'R':>7}{'F1':>7}")
    for label in labels:
        strict, overlap = evaluation.strict[label], evaluation.overlap[label]
        print(
            f"{label:<7}{strict.gold:>6}{strict.precision:>10.3f}{strict.recall:>7.3f}{strict.f1:>7.3f}"
            f"{overlap.precision:>11.3f}{overlap.recall:>7.3f}{overlap.f1:>7.3f}"
        )


def report_parstdex_cases(path: Path) -> None:
    """The share of the date and time spans of parstdex's own test sentences that our facts find."""
    if not path.is_file():
        print(f"\nparstdex cases: {path} not found; skipped")
        return
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    gold = strict = overlap = 0
    for case in cases:
        document = extract(case["text"])
        spans = [(fact.raw_span.start, fact.raw_span.end) for fact in document.facts if fact.kind in TEMPORAL_KINDS]
        golds = [(span["start"], span["end"]) for span in case["spans"]]
        gold += len(golds)
        strict += matched(spans, golds, overlap=False)
        overlap += matched(spans, golds, overlap=True)
    print(f"\nparstdex's {len(cases)} test sentences, {gold} date/time spans: we find {100 * strict / gold:.1f}% exactly, "
          f"{100 * overlap / gold:.1f}% overlapping (our date, time and duration facts)")


def _check_floors(evaluation: Evaluation, floors_path: Path) -> int:
    floors = json.loads(floors_path.read_text(encoding="utf-8"))
    failures = []
    for label, rules in floors.items():
        for rule, floor in rules.items():
            observed = getattr(evaluation, rule)[label].f1
            if observed < floor:
                failures.append(f"{label} {rule} F1 {observed:.3f} < floor {floor}")
    for failure in failures:
        print(f"eval_peyma: accuracy fell: {failure}", file=sys.stderr)
    if not failures:
        print(f"\nall F1 at or above the floors in {floors_path.name}")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", choices=sorted([*LABEL_KINDS, *ENTITY_LABELS]), help="print this label's disagreements")
    parser.add_argument("--peer", choices=["parstdex"], help="also score a peer on DAT and TIM")
    parser.add_argument("--check-floors", type=Path, metavar="FLOORS_JSON")
    arguments = parser.parse_args()
    if not arguments.data.is_file():
        print(f"eval_peyma: {arguments.data} not found; nothing to evaluate", file=sys.stderr)
        return 0
    sentences = [json.loads(line) for line in arguments.data.read_text(encoding="utf-8").splitlines() if line]
    labels = [*LABEL_KINDS, *ENTITY_LABELS]
    ours = evaluate_ours(sentences, labels)
    _print(f"khabar on {len(sentences)} PEYMA sentences", ours, labels)
    print("\nentity errors, most frequent first:")
    _print_most_common_errors(ours)
    if arguments.peer == "parstdex":
        peer = evaluate_parstdex(sentences)
        _print("parstdex on the same sentences", peer, ["DAT", "TIM"])
        facts_only = _facts_only_seconds(sentences)
        print(f"\nspeed ratio (khabar / parstdex): {peer.seconds / ours.seconds:.0f}x the whole pipeline, "
              f"{peer.seconds / facts_only:.0f}x facts only ({facts_only:.2f} s, entities=None)")
    report_parstdex_cases(PARSTDEX_CASES)
    if arguments.show:
        print(f"\n{arguments.show} disagreements:")
        print("\n".join(ours.misses[arguments.show]))
    if arguments.check_floors:
        return _check_floors(ours, arguments.check_floors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
