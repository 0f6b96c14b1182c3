"""Time linear in the document's length: seconds per MB of `extract` on one document of 100 KB, 1 MB
and 5 MB, in four shapes, in this one process.

    python bench/scaling.py [--data-dir ../shared/data/news] [--sizes 100000,1000000,5000000] [--check]

Shapes (built from the shared news corpora, or from the bundled sample article when they are absent):
  one line      news text joined on one line (no paragraph breaks)
  short lines   distinct short lines, one paragraph each
  scale words   "هزار " repeated (one sentence of number words)
  articles      whole articles joined by line breaks

Prints, per shape, seconds per MB at each size and the ratio of the largest size's figure to the
smallest's; the target is at most 1.5 (linear time). Small sizes are timed as the best of three runs,
the largest once: noise can only make the ratio look worse. Each run starts after a garbage
collection, so that none pays for an earlier run's garbage. --check exits 1 when a ratio misses.
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers`: look in this folder last.
sys.path.append(sys.path.pop(0))

import argparse
import gc
import json
import random
import time
from collections.abc import Callable
from pathlib import Path

from extractor import extract

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPOSITORY.parent / "shared" / "data" / "news"
SAMPLE = REPOSITORY / "corpus" / "documents" / "qom_industry_irna.txt"
TARGET_RATIO = 1.5
_SHORTEST_LINE, _LONGEST_LINE = 20, 120
_SEED = 20261203


def _articles(data_dir: Path) -> list[str]:
    files = sorted(data_dir.glob("*.jsonl"))
    if not files:
        print(f"scaling: no news corpora in {data_dir}; shapes built from the sample article", file=sys.stderr)
        return [SAMPLE.read_text(encoding="utf-8")]
    return [json.loads(line)["text"] for path in files for line in path.read_text(encoding="utf-8").splitlines() if line]


def _repeated_to(text: str, size: int, separator: str) -> str:
    """`text` repeated (joined by `separator`) and cut to `size` characters."""
    copies = size // max(len(text), 1) + 1
    return separator.join([text] * copies)[:size]


_LETTERS = "بپتثجچحخدذرزژسشصضطظعغفقکگلمن"


def _made_up_word(number: int) -> str:
    """A distinct word for each number: its digits in base 28, written with Persian letters."""
    word = ""
    while True:
        number, digit = divmod(number, len(_LETTERS))
        word = _LETTERS[digit] + word
        if number == 0:
            return "ک" + word


def shapes(articles: list[str]) -> dict[str, Callable[[int], str]]:
    """Each shape: a function from a size in characters to a document of that size. Articles and lines
    are shuffled (with a fixed seed), so that a small document holds the same mix of text as a large
    one (the corpora's first articles are of one outlet and one kind)."""
    articles = random.Random(_SEED).sample(articles, len(articles))
    one_line = " ".join(" ".join(article.split("\n")) for article in articles)
    lines = list(dict.fromkeys(
        line.strip() for article in articles for line in article.split("\n")
        if _SHORTEST_LINE < len(line.strip()) < _LONGEST_LINE
    ))
    random.Random(_SEED).shuffle(lines)

    def short_lines(size: int) -> str:
        # Past the corpus's own lines, each line gets a made-up word of its own, so that none repeats an
        # earlier one (repeats are dropped); a word, not a number, so the lines hold no more facts.
        chosen, length, index = [], 0, 0
        while length < size:
            line = lines[index % len(lines)] + (f" {_made_up_word(index)}" if index >= len(lines) else "")
            chosen.append(line)
            length += len(line) + 1
            index += 1
        return "\n".join(chosen)[:size]

    return {
        "one line": lambda size: _repeated_to(one_line, size, " "),
        "short lines": short_lines,
        "scale words": lambda size: ("هزار " * (size // 5 + 1))[:size],
        "articles": lambda size: _repeated_to("\n".join(articles), size, "\n"),
    }


def seconds(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()  # each run starts from the same heap: not with an earlier run's garbage to collect
        started = time.perf_counter()
        extract(text, max_characters=None)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default="100000,1000000,5000000", help="document sizes in characters, smallest first")
    parser.add_argument("--check", action="store_true", help=f"exit 1 when a ratio is above {TARGET_RATIO}")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    extract("گرم کردن: 2 هزار و 300 واحد")  # hazm loaded and patterns compiled before any timing
    print(f"{'shape':<12}" + "".join(f"{f'{size / 1e6:g} MB s/MB':>14}" for size in sizes) + f"{'ratio':>8}  (target <= {TARGET_RATIO})")
    missed = []
    for name, build in shapes(_articles(arguments.data_dir)).items():
        per_megabyte = []
        for size in sizes:
            runs = 1 if size == sizes[-1] else 3
            per_megabyte.append(seconds(build(size), runs) / (size / 1e6))
        ratio = per_megabyte[-1] / per_megabyte[0]
        if ratio > TARGET_RATIO:
            missed.append(name)
        print(f"{name:<12}" + "".join(f"{figure:>14.2f}" for figure in per_megabyte) + f"{ratio:>8.2f}", flush=True)
    print(f"linear time: {'met' if not missed else 'missed for ' + ', '.join(missed)}")
    return 1 if missed and arguments.check else 0


if __name__ == "__main__":
    sys.exit(main())
