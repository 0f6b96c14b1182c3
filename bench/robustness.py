"""The reliability campaign's figures: hostile and unusual inputs through the library and through a
batch run of the command line, counting crashes and lost documents.

    python bench/robustness.py [--documents 2000] [--seed 1] [--data-dir ../shared/data/news]

Inputs are made from real text (the shared news corpora, or the corpus/ lines when they are absent),
in families: lone surrogates, control characters, every line-break convention, digit runs past the
number limits, long runs of scale words, English quantities, ligatures and presentation forms,
invisible format characters, random code points of every plane, random cuts and splices of articles,
extreme years, and reference dates of every accepted type. Then the same documents, with hostile
JSON-lines records between them (malformed JSON, a text that is a number or null, no text field, a
document over --max-characters), go through `khabar extract -j 2`.

Prints: inputs tried, crashes (an exception from extract, or a Document that breaks
extractor.invariants), documents lost by the batch (a valid document neither written nor named in an
error line; an invalid record not named), and the worst seconds per KB (documents of 1 KB or more).
Exits 1 when there is a crash or a lost document.
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers`: look in this folder last.
sys.path.append(sys.path.pop(0))

import argparse
import datetime
import json
import random
import subprocess
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from extractor import extract, invariants

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPOSITORY.parent / "shared" / "data" / "news"
KHABAR = [sys.executable, "-m", "extractor"]
_SMALLEST_TIMED = 1000  # characters: below this, fixed costs make seconds per KB meaningless
_BATCH_LIMIT = 200_000  # --max-characters of the batch run: one record is made longer than this

_HOSTILE_CHARACTERS = [
    "\ud800", "\udfff", "\x00", "\x01", "\x1b", "\x7f", "\x85", "\r", "\u2028", "\u2029", "\x0c", "\x0b",
    "\u200c", "\u200d", "\u200e", "\u202e", "\ufeff", "\ufdfd", "\ufdf2", "\ufdfc", "\ufefb", "\u0640",
    "\u064b", "\u0617", "²", "½", "\U00011f50", "५", "１", "\u066b", "\u066c", "٪", "،", "؛", "\uffff", "\U0010ffff",
]
_NUMBER_WORDS = "هزار میلیون میلیارد بیلیارد صد دو سه چند ده‌ها نیم یک دوم سوم و تا درصد تومان ریال دلار نفر سال ساله".split()


def _base_texts(data_dir: Path) -> list[str]:
    files = sorted(data_dir.glob("*.jsonl"))
    if files:
        return [json.loads(line)["text"] for path in files for line in path.read_text(encoding="utf-8").splitlines() if line]
    print(f"robustness: no news corpora in {data_dir}; inputs made from the corpus/ lines", file=sys.stderr)
    return [
        json.loads(line)["text"] for path in sorted((REPOSITORY / "corpus").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines() if line and "text" in json.loads(line)
    ]


def _sprinkled(rng: random.Random, text: str, characters: list[str], count: int) -> str:
    pieces = list(text)
    for _ in range(count):
        pieces.insert(rng.randrange(len(pieces) + 1), rng.choice(characters))
    return "".join(pieces)


def _random_code_points(rng: random.Random, length: int) -> str:
    return "".join(chr(rng.choice([rng.randrange(0x80), rng.randrange(0x600, 0x700), rng.randrange(0x110000)])) for _ in range(length))


def _families(rng: random.Random, texts: list[str]) -> dict:
    """Family name -> a function making one input (text, reference date) from the random generator."""

    def article() -> str:
        return rng.choice(texts)

    def reference():
        day = datetime.date(1000, 1, 1) + datetime.timedelta(days=rng.randrange(730_000))
        return rng.choice([None, day, datetime.datetime.combine(day, datetime.time(23, 59)), day.isoformat()])

    return {
        "hostile characters": lambda: _sprinkled(rng, article(), _HOSTILE_CHARACTERS, rng.randrange(1, 40)),
        "line breaks": lambda: article().replace("\n", rng.choice(["\r", "\r\n", "\u2028", "\u2029", "\x0c", "\x85", "\n\n\n"])),
        "long digit runs": lambda: _sprinkled(rng, article(), ["1" * rng.choice([31, 400, 4400]), "1." + "0" * 500 + "1", "9" * 29 + " میلیارد"], 3),
        "scale words": lambda: " ".join(rng.choice(_NUMBER_WORDS) for _ in range(rng.randrange(10, 3000))),
        "english quantities": lambda: _sprinkled(rng, article(), [" 30 percent ", " 5 million dollars ", " 12 km ", " 7 PM "], 5),
        "random code points": lambda: _random_code_points(rng, rng.randrange(1, 3000)),
        "cut and spliced": lambda: (lambda a, b: a[: rng.randrange(len(a) + 1)] + b[rng.randrange(len(b) + 1) :])(article(), article()),
        "extreme years": lambda: _sprinkled(rng, article(), [f" سال {rng.choice([0, 1, 99, 3178, 9999, 10**6])} ", " قرن 99 ", " دهه 9990 ", " شش ماهه نخست سال 3200 "], 4),
        "one long line": lambda: " ".join(article().split("\n")) * rng.randrange(1, 20),
        "empty or blank": lambda: rng.choice(["", " ", "\n\n", "\u200c", "\ufeff", "\t\r\n"]),
    }, reference


def library_phase(inputs: list[tuple[str, str, object]]) -> tuple[int, list[str], tuple[float, str], float]:
    """(tried, crashes, (worst seconds per KB, its family), worst seconds) of extract over the inputs."""
    crashes, worst_per_kb, worst = [], (0.0, "-"), 0.0
    for family, text, reference_date in inputs:
        started = time.perf_counter()
        try:
            problems = invariants.problems(extract(text, reference_date=reference_date), text)
        except Exception:
            problems = [traceback.format_exc(limit=-2)]
        elapsed = time.perf_counter() - started
        worst = max(worst, elapsed)
        if len(text) >= _SMALLEST_TIMED:
            worst_per_kb = max(worst_per_kb, (elapsed / (len(text.encode("utf-8", "surrogatepass")) / 1000), family))
        if problems:
            crashes.append(f"{family}: {problems[0][:300]!r} on {text[:80]!r}")
    return len(inputs), crashes, worst_per_kb, worst


_HOSTILE_RECORDS = [
    '{"id": "bad-json", "text": "5 واحد",}',
    '{"id": "number", "text": 42}',
    '{"id": "null", "text": null}',
    '{"id": "no-text", "body": "5 واحد"}',
    '["not", "an", "object"]',
    '{"id": "bad-date", "text": "5 واحد", "date": "yesterday"}',
]


def batch_phase(inputs: list[tuple[str, str, object]], rng: random.Random) -> tuple[int, int, int, list[str]]:
    """(records, documents written, records named in errors, lost) of one `khabar extract -j 2` run."""
    lines, expected_written, expected_named = [], [], []
    for index, (_, text, _) in enumerate(inputs):
        lines.append(json.dumps({"id": f"doc{index}", "text": text}))  # ASCII-escaped: lone surrogates survive
        expected_written.append(f"doc{index}")
        if rng.random() < 0.05:
            record = rng.choice(_HOSTILE_RECORDS)
            lines.append(record)
            expected_named.append(len(lines))
    lines.append(json.dumps({"id": "too-long", "text": "5 واحد " * (_BATCH_LIMIT // 7 + 1)}))
    expected_named.append(len(lines))
    with tempfile.TemporaryDirectory() as folder:
        corpus, output = Path(folder) / "hostile.jsonl", Path(folder) / "out.jsonl"
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        command = [*KHABAR, "extract", str(corpus), "--id-field", "id", "--reference-date-field", "date",
                   "-o", str(output), "-j", "2", "--max-characters", str(_BATCH_LIMIT)]
        run = subprocess.run(command, capture_output=True, text=True, timeout=3600)
        written = [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()] if output.exists() else []
    errors = [line for line in run.stderr.splitlines() if line.startswith("khabar: error: ")]
    lost = [f"doc not written: {name}" for name in sorted(set(expected_written) - set(written)) if not any(f"(id {name})" in e for e in errors)]
    lost += [f"record on line {number} not named" for number in expected_named if not any(f"{corpus}:{number}" in e for e in errors)]
    if "Traceback" in run.stderr:
        lost.append("a traceback on standard error")
    return len(lines), len(written), len(errors), lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    families, reference = _families(rng, _base_texts(arguments.data_dir))
    names = sorted(families)
    inputs = [(name, families[name](), reference()) for name in (names[index % len(names)] for index in range(arguments.documents))]
    extract("گرم کردن: 2 هزار و 300 واحد")
    tried, crashes, worst_per_kb, worst = library_phase(inputs)
    print(f"library: {tried:,} inputs tried ({', '.join(f'{n} {c}' for n, c in sorted(Counter(f for f, _, _ in inputs).items()))})")
    print(
        f"library: {len(crashes)} crashes; worst {worst_per_kb[0] * 1000:.1f} ms per KB ({worst_per_kb[1]}; documents of "
        f"1 KB or more), slowest document {worst:.2f} s"
    )
    for crash in crashes[:20]:
        print(f"  crash: {crash}")
    records, written, named, lost = batch_phase(inputs, rng)
    print(f"batch (khabar extract -j 2): {records:,} records, {written:,} documents written, {named} records named in errors, {len(lost)} documents lost")
    for item in lost[:20]:
        print(f"  lost: {item}")
    return 1 if crashes or lost else 0


if __name__ == "__main__":
    sys.exit(main())
