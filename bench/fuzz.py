"""Coverage-guided fuzzing of the entry points a hostile input reaches, with atheris (pip install atheris).

    python bench/fuzz.py TARGET [libFuzzer options] [CORPUS_DIR ...]

TARGET is one of:
  extract   extract() on any text (lone surrogates included) with or without a reference date; the
            Document must satisfy extractor.invariants (spans, raw spans, UTF-8 JSON)
  numbers   parse_number() and find_numbers() on any text: values exact and finite, spans in the text
  jsonl     one JSON-lines record read as the CLI reads it, then extracted as above

A crash is any exception (or a broken invariant): libFuzzer writes the input as crash-<sha1> under
-artifact_prefix. The corpus lines of corpus/ seed the first CORPUS_DIR when it is empty. Example:

    python bench/fuzz.py extract -max_total_time=1800 -timeout=20 -artifact_prefix=/tmp/fuzz/ /tmp/fuzz/extract
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers`: look in this folder last.
sys.path.append(sys.path.pop(0))

import datetime
import hashlib
import json
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["extractor"]):
    from extractor import extract, find_numbers, invariants, parse_number
    from extractor.reading import JsonlFields, _jsonl_record

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
_FIRST_REFERENCE = datetime.date(1990, 1, 1)
_FIELDS = JsonlFields("text", "id", "date")


def _text(data: bytes) -> str:
    """Any string: UTF-8 where the bytes are, a lone surrogate for each byte that is not (surrogateescape)."""
    return data.decode("utf-8", errors="surrogateescape")


def _reference_date(data: bytes) -> datetime.date | None:
    """None, or a day from 1990 on, chosen by the input's first two bytes."""
    if len(data) < 2 or data[0] % 4 == 0:
        return None
    return _FIRST_REFERENCE + datetime.timedelta(days=data[1] * 97)


def _check_document(text: str, reference_date: datetime.date | None) -> None:
    document = extract(text, reference_date=reference_date)
    broken = invariants.problems(document, text)
    if broken:
        raise AssertionError(broken)


def fuzz_extract(data: bytes) -> None:
    _check_document(_text(data[2:]), _reference_date(data))


def fuzz_numbers(data: bytes) -> None:
    text = _text(data)
    parsed = parse_number(text)
    if parsed is not None and parsed.value is not None:
        float(parsed.value)  # raises OverflowError past float's range
    for match in find_numbers(text):
        if text[match.start : match.end] != match.text:
            raise AssertionError((match, text))
        if match.value is not None:
            float(match.value)


def fuzz_jsonl(data: bytes) -> None:
    record = _jsonl_record(Path("fuzz.jsonl"), 1, data, _FIELDS, None)
    if (record.error is None) == (record.text is None):
        raise AssertionError(("a record holds a text or an error, never both nor neither", record))
    if record.error is not None:
        record.error.encode("utf-8")  # the message is printed: it must be writable
    else:
        _check_document(record.text, record.reference_date)


TARGETS = {"extract": fuzz_extract, "numbers": fuzz_numbers, "jsonl": fuzz_jsonl}


def _seed(directory: Path, target: str) -> None:
    """The texts of corpus/*.jsonl as seed inputs (as JSON lines for the jsonl target)."""
    directory.mkdir(parents=True, exist_ok=True)
    if any(directory.iterdir()):
        return
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if not isinstance(text, str):
                continue
            seed = json.dumps({"text": text, "id": 1}, ensure_ascii=False) if target == "jsonl" else "\x01\x05" + text
            data = seed.encode("utf-8")
            (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: python bench/fuzz.py {{{','.join(TARGETS)}}} [libFuzzer options] [CORPUS_DIR ...]")
    target = sys.argv.pop(1)
    directories = [argument for argument in sys.argv[1:] if not argument.startswith("-")]
    if directories:
        _seed(Path(directories[0]), target)
    atheris.Setup(sys.argv, TARGETS[target])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
