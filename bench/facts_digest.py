"""Print a digest of every fact extracted from the shared corpora, to compare two installations.

CI runs this under Python 3.11 (hazm 0.10) and 3.12 (hazm 0.12) and requires equal digests: the
facts must not depend on the hazm line. Usage: python bench/facts_digest.py [SHARED_DATA_DIR]
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers` for any script run from
# this folder (first on sys.path): look in this folder last.
sys.path.append(sys.path.pop(0))

import hashlib
import json
from pathlib import Path

from extractor import extract

CORPORA = ("peyma/dev.jsonl", "dates/parstdex_cases.jsonl", "news/fars_news.jsonl", "news/varzesh3.jsonl")
DEFAULT_SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def corpus_digest(path: Path) -> tuple[int, int, str]:
    """(texts, facts, sha256 of the documents' JSON) for one JSONL corpus."""
    digest = hashlib.sha256()
    texts = facts = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            document = extract(json.loads(line)["text"])
            digest.update(document.model_dump_json().encode("utf-8"))
            texts += 1
            facts += len(document.facts)
    return texts, facts, digest.hexdigest()


def main() -> int:
    shared_data = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SHARED_DATA
    if not shared_data.is_dir():
        print(f"facts_digest: shared data not found at {shared_data}; nothing to compare", file=sys.stderr)
        return 0
    for name in CORPORA:
        texts, facts, digest = corpus_digest(shared_data / name)
        print(f"{name}\t{texts} texts\t{facts} facts\t{digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
