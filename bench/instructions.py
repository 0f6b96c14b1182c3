"""Count the instructions `khabar extract` spends per document, against a baseline commit, in one run.

Instructions (valgrind's callgrind), not seconds: they hardly vary from run to run on a busy machine.
Each installation is measured twice in a fresh process: once loading and warming up (what every batch
does once: batch.warm_up), once doing that and then extracting and rendering as JSON lines every
STEP-th article of the two shared news corpora (batch.process, one process); the difference is the
work of the documents. The baseline is checked out into a temporary git worktree of this repository
and runs under the same Python as the current tree.

The current tree finds entities with --entities (default: the rules, what every baseline before the
trained model of issue 19 had, so that the two count the same work; `merged` counts the default).

Usage: python bench/instructions.py [--baseline COMMIT] [--step N] [--entities rules] [--shared-data DIR]
(needs valgrind and git; about 5 minutes with the default step of 8, i.e. 500 articles).
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers` for any script run from
# this folder (first on sys.path): look in this folder last.
sys.path.append(sys.path.pop(0))

import argparse
import inspect
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_SHARED_DATA = REPOSITORY.parent / "shared" / "data"
CORPORA = ("news/fars_news.jsonl", "news/varzesh3.jsonl")
# The commit the instruction budget of issue 17 is counted from (the tree when the issue was filed).
DEFAULT_BASELINE = "d26c41a"


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        return _child(Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help=f"the commit to compare with (default {DEFAULT_BASELINE})")
    parser.add_argument("--step", type=int, default=8, help="every STEP-th article of each corpus (default 8)")
    parser.add_argument("--entities", default="rules", choices=["rules", "merged", "model"], help="the current tree's recognizer (default rules)")
    parser.add_argument("--shared-data", type=Path, default=DEFAULT_SHARED_DATA)
    arguments = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind not found: install it (Debian: apt install valgrind)", file=sys.stderr)
        return 2
    missing = [name for name in CORPORA if not (arguments.shared_data / name).is_file()]
    if missing:
        print(f"shared data not found: {', '.join(missing)} under {arguments.shared_data}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="khabar-baseline-") as scratch:
        baseline = Path(scratch) / "tree"
        subprocess.run(["git", "-C", str(REPOSITORY), "worktree", "add", "--detach", str(baseline), arguments.baseline], check=True, capture_output=True)
        try:
            before = _documents_work(baseline, arguments)
            after = _documents_work(REPOSITORY, arguments)
        finally:
            subprocess.run(["git", "-C", str(REPOSITORY), "worktree", "remove", "--force", str(baseline)], check=False, capture_output=True)
    articles = before["articles"]
    print(f"{articles} articles (every {arguments.step}th of {', '.join(CORPORA)}); instructions for the documents, start-up excluded")
    print(f"baseline {arguments.baseline}: {before['documents'] / 1e9:.3f} G ({before['documents'] / articles / 1e6:.2f} M per article); start-up {before['start'] / 1e9:.3f} G")
    print(f"current tree (entities: {arguments.entities}): {after['documents'] / 1e9:.3f} G ({after['documents'] / articles / 1e6:.2f} M per article); start-up {after['start'] / 1e9:.3f} G")
    ratio = after["documents"] / before["documents"]
    print(f"current / baseline: {ratio:.3f} ({ratio - 1:+.1%} instructions)")
    return 0


def _documents_work(tree: Path, arguments: argparse.Namespace) -> dict[str, int]:
    """Instructions of start-up alone, and of the documents (the run less start-up), in `tree`."""
    counts = {mode: _instructions(tree, mode, arguments) for mode in ("start", "run")}
    articles = _articles(arguments.shared_data, arguments.step)
    return {"start": counts["start"], "documents": counts["run"] - counts["start"], "articles": len(articles)}


def _instructions(tree: Path, mode: str, arguments: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="khabar-callgrind-") as scratch:
        command = [
            "valgrind", "--tool=callgrind", f"--callgrind-out-file={scratch}/out",
            sys.executable, __file__, "--child", str(tree), mode, str(arguments.shared_data), str(arguments.step),
            arguments.entities,
        ]
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
    collected = re.search(r"Collected : (\d+)", finished.stderr)
    if finished.returncode != 0 or collected is None:
        raise SystemExit(f"callgrind failed in {tree} ({mode}):\n{finished.stderr[-2000:]}")
    return int(collected.group(1))


def _articles(shared_data: Path, step: int) -> list[str]:
    """Every `step`-th article of each corpus, in corpus order."""
    articles = []
    for name in CORPORA:
        with (shared_data / name).open(encoding="utf-8") as lines:
            articles += [json.loads(line)["text"] for line in lines][::step]
    return articles


def _child(tree: Path, mode: str, shared_data: Path, step: int, entities: str) -> int:
    """Runs under callgrind: the package of `tree`, warmed up, then (mode "run") the articles; with
    `entities` where the tree has a choice of recognizer."""
    sys.path.insert(0, str(tree))
    from extractor import batch
    from extractor.reading import Record

    articles = _articles(shared_data, step)  # read in both modes: only the documents' work differs
    chosen = {"entities": entities} if "entities" in inspect.signature(batch.process).parameters else {}
    batch.warm_up(**chosen)
    if mode == "run":
        for number, text in enumerate(articles):
            result = batch.process(Record(str(number), text), "jsonl", **chosen)
            if result.error is not None:
                raise SystemExit(result.error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
