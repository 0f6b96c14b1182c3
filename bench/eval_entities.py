"""PERSON, ORG and LOC: the rule recognizer and a trained spaCy pipeline, in domain and out of it.

    python bench/eval_entities.py [--model model/build/pipeline/model-best] [--shared-data ../shared/data]

In domain: the PEYMA validation split `model/prepare.py` writes (model/build/dev.spacy: sentences the
model did not train on, normalized as khabar normalizes). Out of domain: the whole news articles
annotated by hand (corpus/documents/*.expected.json with `entities`, docs/annotation.md). Each
recognizer runs on khabar's normalized text; per label, strict (same start and end) and overlap (a
character in common) precision, recall and F1, each gold mention matched at most once; with a model,
also the two merged (extractor/entities/merge.py). Without --model (or when it is absent) only the
rules are scored.
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers`: look in this folder last.
sys.path.append(sys.path.pop(0))

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import eval_documents
from scores import Score

from extractor import extract
from extractor.entities.merge import RuleMention, merged

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = REPOSITORY / "model" / "build" / "pipeline" / "model-best"
PEYMA_VALIDATION = REPOSITORY / "model" / "build" / "dev.spacy"
LABELS = ("PERSON", "ORG", "LOC")
Mention = tuple[str, int, int]  # label, start, end in the normalized text
Recognizer = Callable[[list[str]], list[list[Mention]]]


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


def rules_found(texts: list[str]) -> list[list[RuleMention]]:
    """The rule recognizer's mentions, each with the rule that found it."""
    return [[(entity.label, entity.span.start, entity.span.end, entity.rule) for entity in extract(text).entities] for text in texts]


def model_recognizer(path: Path) -> Recognizer:
    import spacy

    nlp = spacy.load(path)

    def recognize(texts: list[str]) -> list[list[Mention]]:
        return [[(ent.label_, ent.start_char, ent.end_char) for ent in doc.ents] for doc in nlp.pipe(texts, batch_size=256)]

    return recognize


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
        text = extract(article.raw, reference_date=article.reference_date).text
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--shared-data", type=Path, default=REPOSITORY.parent / "shared" / "data")
    arguments = parser.parse_args()
    recognizers: dict[str, Recognizer] = {}
    if arguments.model.is_dir():
        recognizers["model"] = model_recognizer(arguments.model)
    else:
        print(f"no model at {arguments.model} (`make model` trains one): the rules alone", file=sys.stderr)
    sets = {"whole articles annotated by hand": whole_articles(arguments.shared_data)}
    validation = peyma_validation()
    if validation is None:
        print(f"no PEYMA validation split at {PEYMA_VALIDATION} (`python model/prepare.py` writes it)", file=sys.stderr)
    else:
        sets = {"PEYMA validation split (in domain)": validation, **sets}
    for title, (texts, golds) in sets.items():
        if not texts:
            print(f"{title}: none at hand", file=sys.stderr)
            continue
        by_rule = rules_found(texts)
        found = {"rules": [[mention[:3] for mention in mentions] for mentions in by_rule]}
        found |= {name: recognize(texts) for name, recognize in recognizers.items()}
        if "model" in found:
            found["merged"] = [merged(rule, model) for rule, model in zip(by_rule, found["model"], strict=True)]
        scores = {}
        for name, mentions in found.items():
            score = Scores()
            for gold, mentioned in zip(golds, mentions, strict=True):
                score.add(gold, mentioned)
            scores[name] = score
        print_scores(f"{title}: {len(texts)} texts", scores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
