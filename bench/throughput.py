"""End-to-end throughput, scaling, memory and start-up of `khabar extract`, against hazm's own default
Normalizer() run alone on the same texts, all in one run.

    python bench/throughput.py [--data-dir ../shared/data/news] [--repeat 20] [--runs 3]

Prints: MB/s per core of the whole pipeline (read, normalize, de-duplicate, extract, serialize) next
to hazm's default normalization alone, measured two ways that
treat both sides alike: in this process after both are built (no start-up on either side), and as two
processes over the JSONL files (start-up, reading and writing on both sides), and in process with
the entities of the rules alone (--entities rules: the default's ratio to it is issue 19's speed target)
and for facts only (--no-entities); the speed-up from 1 to 2 worker processes; peak memory (RSS) for the
corpus and for the corpus read --repeat times over; the start-up time of `khabar extract` on one small
file. Every timing is the best of --runs, on both sides alike: this 2-core machine is shared, and
single runs of the same command wander by 20% or more.
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers` for any script run from
# this folder (first on sys.path): look in this folder last.
sys.path.append(sys.path.pop(0))

import argparse
import json
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

from extractor.arguments import DEFAULT_RECOGNIZER

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPOSITORY.parent / "shared" / "data" / "news"
KHABAR = [sys.executable, "-m", "extractor"]


def _texts(files: list[Path]) -> list[str]:
    return [json.loads(line)["text"] for path in files for line in path.read_text(encoding="utf-8").splitlines() if line]


# hazm's default normalization as a program of its own: read the JSONL, normalize, write JSON lines.
HAZM_ALONE = [
    sys.executable,
    "-c",
    "import json, sys\n"
    "from hazm import Normalizer\n"
    "normalizer = Normalizer()\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, encoding='utf-8') as lines:\n"
    "        for line in lines:\n"
    "            text = normalizer.normalize(json.loads(line)['text'])\n"
    "            sys.stdout.write(json.dumps({'text': text}, ensure_ascii=False) + '\\n')\n",
]


def hazm_default_seconds(texts: list[str]) -> float:
    """hazm's Normalizer() with its default options over every text (built once, not timed)."""
    from hazm import Normalizer

    normalizer = Normalizer()
    started = time.perf_counter()
    for text in texts:
        normalizer.normalize(text)
    return time.perf_counter() - started


def khabar_in_process_seconds(files: list[Path], entities: str | None = DEFAULT_RECOGNIZER) -> float:
    """The whole pipeline in this process (read, normalize, de-duplicate, extract, serialize, write to
    /dev/null), after the CLI's own warm-up: the counterpart of hazm_default_seconds."""
    from extractor.batch import run, warm_up
    from extractor.reading import JsonlFields, records

    warm_up(entities)
    started = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for result in run(records(files, JsonlFields(), None), "jsonl", jobs=1, entities=entities):
            sink.write(result.output)
    return time.perf_counter() - started


def run_process(command: list[str]) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in MB over the process and its children, standard error) of one run."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"throughput: {' '.join(command[:4])} failed: {stderr}")
    return seconds, usage.ru_maxrss // 1024, stderr


def run_khabar(arguments: list[str]) -> tuple[float, int, float | None]:
    """(wall seconds, peak RSS in MB, seconds of work from khabar's own closing line: start-up excluded)."""
    seconds, rss, stderr = run_process([*KHABAR, "extract", *arguments])
    summary = re.search(r"documents in ([\d,.]+) s", stderr)
    return seconds, rss, float(summary.group(1).replace(",", "")) if summary else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=20, help="how many times the memory run reads the corpus")
    parser.add_argument("--runs", type=int, default=3, help="every timing is the best of this many runs, on both sides alike")
    arguments = parser.parse_args()
    files = sorted(arguments.data_dir.glob("*.jsonl"))
    if not files:
        print(f"throughput: no .jsonl files in {arguments.data_dir}; nothing to measure", file=sys.stderr)
        return 0
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    texts = _texts(files)
    text_megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"corpus: {len(texts):,} articles, {megabytes:.1f} MB of JSON-lines ({text_megabytes:.1f} MB of text)")

    runs = range(max(1, arguments.runs))
    from extractor.batch import warm_up

    warm_up()  # the garbage collector set as khabar's batch runs set it, for both sides of this process alike
    hazm_seconds = min(hazm_default_seconds(texts) for _ in runs)
    khabar_seconds = min(khabar_in_process_seconds(files) for _ in runs)
    print(f"\nin one process, both built beforehand (no start-up on either side), best of {len(runs)}:")
    print(f"hazm Normalizer() defaults alone, 1 core     {text_megabytes / hazm_seconds:6.2f} MB/s of text ({hazm_seconds:.1f} s)")
    print(f"khabar end to end, 1 core                    {text_megabytes / khabar_seconds:6.2f} MB/s of text ({khabar_seconds:.1f} s)")
    print(f"  ratio to hazm-normalize-alone              {hazm_seconds / khabar_seconds:6.2f}x")
    rules_seconds = min(khabar_in_process_seconds(files, entities="rules") for _ in runs)
    print(f"khabar, entities by the rules alone, 1 core  {text_megabytes / rules_seconds:6.2f} MB/s of text ({rules_seconds:.1f} s)")
    print(f"  default ({DEFAULT_RECOGNIZER}) to rules-only throughput    {rules_seconds / khabar_seconds:6.2f}x")
    facts_seconds = min(khabar_in_process_seconds(files, entities=None) for _ in runs)
    print(f"khabar facts only (--no-entities), 1 core    {text_megabytes / facts_seconds:6.2f} MB/s of text ({facts_seconds:.1f} s)")
    print(f"  ratio to hazm-normalize-alone              {hazm_seconds / facts_seconds:6.2f}x")

    inputs = [str(path) for path in files]
    hazm_process_seconds = min(run_process([*HAZM_ALONE, *inputs])[0] for _ in runs)
    one_runs = [run_khabar([*inputs, "-j", "1"]) for _ in runs]
    two_runs = [run_khabar([*inputs, "-j", "2"]) for _ in runs]
    one_seconds, one_work, one_rss = min(run[0] for run in one_runs), min(run[2] for run in one_runs), max(run[1] for run in one_runs)
    two_seconds, two_work = min(run[0] for run in two_runs), min(run[2] for run in two_runs)
    print(f"\nas programs over the JSONL files (start-up, reading and writing on both sides), best of {len(runs)}:")
    print(f"hazm Normalizer() defaults alone, 1 process  {text_megabytes / hazm_process_seconds:6.2f} MB/s of text ({hazm_process_seconds:.1f} s)")
    print(f"khabar extract, 1 worker                     {text_megabytes / one_seconds:6.2f} MB/s of text ({one_seconds:.1f} s)")
    print(f"  ratio to hazm-normalize-alone              {hazm_process_seconds / one_seconds:6.2f}x")
    print(f"khabar extract, 2 workers                    {text_megabytes / two_seconds:6.2f} MB/s of text ({two_seconds:.1f} s)")
    print(f"  speed-up from 1 to 2 workers, wall clock   {one_seconds / two_seconds:6.2f}x  (start-up included)")
    print(f"  speed-up from 1 to 2 workers, work alone   {one_work / two_work:6.2f}x  (target >= 1.8; {one_work:.1f} s -> {two_work:.1f} s"
          " by khabar's closing line, start-up excluded)")

    repeated_seconds, repeated_rss, _ = run_khabar([*(inputs * arguments.repeat), "-j", "1"])
    print(f"\npeak RSS, corpus once                        {one_rss:6d} MB")
    print(f"peak RSS, corpus {arguments.repeat} times ({megabytes * arguments.repeat:.0f} MB)         {repeated_rss:6d} MB"
          f"  (target: flat, under 500 MB; {repeated_seconds:.0f} s)")

    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small.txt"
        small.write_text("به گزارش ایرنا، سیجانی گفت: 22 واحد صنعتی فعال است.\n", encoding="utf-8")
        startup = min(run_khabar([str(small)])[0] for _ in range(3))
    print(f"\nstart-up: khabar extract on one small file   {startup:6.2f} s (best of 3; most of it importing hazm and building its normalizer)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
