"""PERSON, ORG and LOC by khabar's three recognizers, in domain and out of it.

    python bench/eval_entities.py [--model DIR] [--shared-data ../shared/data] [--check-floors bench/entity_floors.json]

In domain: the PEYMA validation split `model/prepare.py` writes (model/build/dev.spacy: sentences the
shipped model did not train on, normalized as khabar normalizes). Out of domain: the whole news articles
annotated by hand (corpus/documents/*.expected.json with `entities`, docs/annotation.md). Each
recognizer (`extract(text, entities=...)`: the rules, the trained model, the two merged) runs on the
text; per label, strict (same start and end) and overlap (a character in common) precision, recall and
F1, each gold mention matched at most once. --model scores a newly trained pipeline (`make model` writes
model/build/pipeline/model-best) in place of the shipped one. --check-floors exits 1 when the default
recognizer's strict F1 for a label falls below its floor in the file, on either set.
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers`: look in this folder last.
sys.path.append(sys.path.pop(0))

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

import eval_documents
from scores import Score

from extractor import extract
from extractor.arguments import DEFAULT_RECOGNIZER, RECOGNIZERS
from extractor.entities import model

REPOSITORY = Path(__file__).resolve().parent.parent
PEYMA_VALIDATION = REPOSITORY / "model" / "build" / "dev.spacy"
LABELS = ("PERSON", "ORG", "LOC")
TITLES = {"peyma": "PEYMA validation split (in domain)", "articles": "whole articles annotated by hand (other outlets)"}
Mention = tuple[str, int, int]  # label, start, end in the normalized text


@dataclass
class Scores:
    """A Score per label, strict and overlap."""

    strict: dict[str, Score] = field(default_factory=lambda: {label: Score() for label in LABELS})
    overlap: dict[str, Score] = field(default_factory=lambda: {label: Score() for label in LABELS})

    def add(self, gold: list[Mention], found: list[Mention]) -> None:
        for label in LABELS:
            gold_spans = [(start, end) for kind, start, end in gold if kind == label]
            found_spans = [(start, end) for kind, start, end in found if kind == label]
            self.strict[label].add(found_spans, gold_spans, overlap=False)
            self.overlap[label].add(found_spans, gold_spans, overlap=True)


def found_by(recognizer: str, texts: list[str]) -> list[list[Mention]]:
    """The mentions `extract(text, entities=recognizer)` finds in each text."""
    return [[(entity.label, entity.span.start, entity.span.end) for entity in extract(text, entities=recognizer).entities] for text in texts]


def peyma_validation() -> tuple[list[str], list[list[Mention]]] | None:
    if not PEYMA_VALIDATION.is_file():
        return None
    import spacy
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(PEYMA_VALIDATION).get_docs(spacy.blank("fa").vocab))
    return [doc.text for doc in docs], [[(ent.label_, ent.start_char, ent.end_char) for ent in doc.ents] for doc in docs]


def whole_articles(shared_data: Path) -> tuple[list[str], list[list[Mention]]]:
    articles, _ = eval_documents.load_articles(shared_data)
    texts, golds = [], []
    for article in articles:
        expected = json.loads((REPOSITORY / "corpus" / "documents" / f"{article.name}.expected.json").read_text(encoding="utf-8"))
        if "entities" not in expected:
            continue
        text = extract(article.raw, reference_date=article.reference_date, entities=None).text  # the text alone
        spans = eval_documents.gold_spans(article.name, text, expected["entities"])
        texts.append(text)
        golds.append([(entity["label"], start, end) for entity, (start, end) in zip(expected["entities"], spans, strict=True)])
    return texts, golds


def print_scores(title: str, scores: dict[str, Scores]) -> None:
    print(title)
    print(f"  {'recognizer':<12}{'label':<8}{'gold':>6}  {'strict P / R / F1':<22}{'overlap P / R / F1':<22}")
    for name, score in scores.items():
        for label in LABELS:
            strict, overlap = score.strict[label], score.overlap[label]
            cells = [f"{score.precision:.3f} / {score.recall:.3f} / {score.f1:.3f}" for score in (strict, overlap)]
            print(f"  {name:<12}{label:<8}{strict.gold:>6}  {cells[0]:<22}{cells[1]:<22}")


def below_floors(title: str, scores: Scores, floors: dict[str, float]) -> list[str]:
    return [
        f"{title}: {label} strict F1 {scores.strict[label].f1:.3f} < {floor}"
        for label, floor in floors.items() if scores.strict[label].f1 < floor
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="a trained spaCy pipeline to score in place of the shipped one")
    parser.add_argument("--shared-data", type=Path, default=REPOSITORY.parent / "shared" / "data")
    parser.add_argument("--check-floors", type=Path, metavar="FLOORS_JSON")
    arguments = parser.parse_args()
    if arguments.model is not None:
        model.use(arguments.model)
    floors = json.loads(arguments.check_floors.read_text(encoding="utf-8")) if arguments.check_floors else {}
    sets = {"articles": whole_articles(arguments.shared_data)}
    validation = peyma_validation()
    if validation is None:
        print(f"no PEYMA validation split at {PEYMA_VALIDATION} (`python model/prepare.py` writes it)", file=sys.stderr)
    else:
        sets = {"peyma": validation, **sets}
    failures = []
    for key, (texts, golds) in sets.items():
        title = TITLES[key]
        if not texts:
            print(f"{title}: none at hand", file=sys.stderr)
            continue
        scores = {}
        for recognizer in RECOGNIZERS:
            score = scores[recognizer] = Scores()
            for gold, mentioned in zip(golds, found_by(recognizer, texts), strict=True):
                score.add(gold, mentioned)
        print_scores(f"{title}: {len(texts)} texts", scores)
        failures += below_floors(key, scores[DEFAULT_RECOGNIZER], floors.get(key, {}))
    for failure in failures:
        print(f"below floor: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
