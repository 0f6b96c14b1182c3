"""End-to-end throughput, scaling, memory and start-up of `khabar extract`, against hazm's own default
Normalizer() run alone on the same texts, all in one run.

    python bench/throughput.py [--data-dir ../shared/data/news] [--repeat 20]

Prints: MB/s per core of the whole pipeline (read, normalize, de-duplicate, extract, serialize) next
to hazm's default normalization alone (the must: at least 1.0x; the aim: 2x); the speed-up from 1 to 2
worker processes; peak memory (RSS) for the corpus and for the corpus read --repeat times over; the
start-up time of `khabar extract` on one small file.
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers` for any script run from
# this folder (first on sys.path): look in this folder last.
sys.path.append(sys.path.pop(0))

import argparse
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPOSITORY.parent / "shared" / "data" / "news"
KHABAR = [sys.executable, "-m", "extractor"]


def _texts(files: list[Path]) -> list[str]:
    return [json.loads(line)["text"] for path in files for line in path.read_text(encoding="utf-8").splitlines() if line]


def hazm_default_seconds(texts: list[str]) -> float:
    """hazm's Normalizer() with its default options over every text (built once, not timed)."""
    from hazm import Normalizer

    normalizer = Normalizer()
    started = time.perf_counter()
    for text in texts:
        normalizer.normalize(text)
    return time.perf_counter() - started


def run_khabar(arguments: list[str]) -> tuple[float, int]:
    """(wall seconds, peak RSS in MB over the process and its workers) of one `khabar extract` run."""
    started = time.perf_counter()
    process = subprocess.Popen([*KHABAR, "extract", *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"throughput: khabar failed: {process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss // 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=20, help="how many times the memory run reads the corpus")
    arguments = parser.parse_args()
    files = sorted(arguments.data_dir.glob("*.jsonl"))
    if not files:
        print(f"throughput: no .jsonl files in {arguments.data_dir}; nothing to measure", file=sys.stderr)
        return 0
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    texts = _texts(files)
    text_megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"corpus: {len(texts):,} articles, {megabytes:.1f} MB of JSON-lines ({text_megabytes:.1f} MB of text)")

    hazm_seconds = hazm_default_seconds(texts)
    hazm_rate = text_megabytes / hazm_seconds
    inputs = [str(path) for path in files]
    one_seconds, one_rss = run_khabar([*inputs, "-j", "1"])
    two_seconds, _ = run_khabar([*inputs, "-j", "2"])
    one_rate = text_megabytes / one_seconds
    print(f"\nhazm Normalizer() defaults alone, 1 core     {hazm_rate:6.2f} MB/s of text ({hazm_seconds:.1f} s)")
    print(f"khabar extract end to end, 1 worker          {one_rate:6.2f} MB/s of text ({one_seconds:.1f} s, start-up included)")
    print(f"  ratio to hazm-normalize-alone              {one_rate / hazm_rate:6.2f}x  (must >= 1.0, aim 2.0)")
    print(f"khabar extract, 2 workers                    {text_megabytes / two_seconds:6.2f} MB/s ({two_seconds:.1f} s)")
    print(f"  speed-up from 1 to 2 workers               {one_seconds / two_seconds:6.2f}x  (target >= 1.8)")

    repeated_seconds, repeated_rss = run_khabar([*(inputs * arguments.repeat), "-j", "1"])
    print(f"\npeak RSS, corpus once                        {one_rss:6d} MB")
    print(f"peak RSS, corpus {arguments.repeat} times ({megabytes * arguments.repeat:.0f} MB)         {repeated_rss:6d} MB"
          f"  (target: flat, under 500 MB; {repeated_seconds:.0f} s)")

    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small.txt"
        small.write_text("به گزارش ایرنا، سیجانی گفت: 22 واحد صنعتی فعال است.\n", encoding="utf-8")
        startup = min(run_khabar([str(small)])[0] for _ in range(3))
    print(f"\nstart-up: khabar extract on one small file   {startup:6.2f} s (best of 3; most of it importing hazm)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
