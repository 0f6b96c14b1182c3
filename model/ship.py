"""Ship a trained entity pipeline with the package, or check that a fresh build reproduces the shipped one.

    python model/ship.py [--from model/build/pipeline/model-best]            # copy it into the package
    python model/ship.py --check [--from model/build/pipeline/model-best]    # exit 1 unless reproduced

Shipping copies the pipeline into extractor/entities/trained/ (package data, loaded by
extractor/entities/model.py) and fills its meta.json: name, description, licence and sources (PEYMA is
research data; docs/model.md is the card). --check compares a fresh `make model` build with the shipped
pipeline: the same validation scores (spaCy's, per label), and says whether the weights are the same bytes
(they are on the machine that trained them: the training is seeded).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
BUILT = REPOSITORY / "model" / "build" / "pipeline" / "model-best"
SHIPPED = REPOSITORY / "extractor" / "entities" / "trained"
WEIGHTS = ("tok2vec/model", "ner/model")
LARGEST_MEGABYTES = 10
SCORE_TOLERANCE = 0.005
META = {
    "name": "khabar_entities",
    "description": "PERSON, ORG and LOC in Persian news, on text as khabar normalizes it; merged with khabar's "
    "rules by default (docs/model.md).",
    "license": "Trained on PEYMA (Shahshahani et al., 2018), a research corpus: research use; see docs/model.md",
    "sources": [{"name": "PEYMA", "author": "Mahsa Sadat Shahshahani, Mahdi Mohseni, Azadeh Shakery, Heshaam Faili"}],
}


def per_label_scores(pipeline: Path) -> dict[str, float]:
    performance = json.loads((pipeline / "meta.json").read_text(encoding="utf-8"))["performance"]
    return {label: round(score["f"], 4) for label, score in performance["ents_per_type"].items()}


def megabytes(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6


def ship(built: Path) -> int:
    size = megabytes(built)
    if size > LARGEST_MEGABYTES:
        print(f"ship: {built} is {size:.1f} MB, more than the {LARGEST_MEGABYTES} MB a wheel may carry", file=sys.stderr)
        return 1
    shutil.rmtree(SHIPPED, ignore_errors=True)
    shutil.copytree(built, SHIPPED)
    meta_path = SHIPPED / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) | META
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"shipped {built} ({size:.1f} MB) as {SHIPPED}: F1 per label {per_label_scores(SHIPPED)}")
    return 0


def check(built: Path) -> int:
    fresh, shipped = per_label_scores(built), per_label_scores(SHIPPED)
    same_bytes = all(filecmp.cmp(built / weights, SHIPPED / weights, shallow=False) for weights in WEIGHTS)
    print(f"fresh build F1 per label {fresh}; shipped {shipped}; weights {'the same bytes' if same_bytes else 'differ'}")
    drifted = [label for label in shipped if abs(fresh.get(label, 0.0) - shipped[label]) > SCORE_TOLERANCE]
    if drifted:
        print(f"check: the fresh build does not reproduce the shipped scores for {', '.join(drifted)}", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="built", type=Path, default=BUILT)
    parser.add_argument("--check", action="store_true")
    arguments = parser.parse_args()
    if not (arguments.built / "meta.json").is_file():
        print(f"no trained pipeline at {arguments.built}: run `make model` first", file=sys.stderr)
        return 1
    return check(arguments.built) if arguments.check else ship(arguments.built)


if __name__ == "__main__":
    sys.exit(main())
