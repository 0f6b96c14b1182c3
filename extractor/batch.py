"""Owns batch runs: maps the pipeline over records, in worker processes when asked, in input order."""

from __future__ import annotations

import ctypes
import functools
import gc
import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from extractor.dask_engine import run_on_cluster
from extractor.output import FORMATS
from extractor.errors import KhabarError
from extractor import lexicons
from extractor.facts import compile_rules
from extractor.arguments import DEFAULT_RECOGNIZER
from extractor.pipeline import MAX_CHARACTERS, extract, extract_json
from extractor.reading import Record

# Records sent to a worker at a time (one round trip), and chunks in flight per worker: enough that no
# worker waits for another, few enough that memory does not grow with the corpus.
_RECORDS_PER_CHUNK = 32
_CHUNKS_IN_FLIGHT_PER_WORKER = 4
# Extracted once before work starts (and before workers fork): hazm loaded, every pattern compiled.
_WARM_UP_TEXT = "به گزارش ایرنا، روز پنجشنبه 14 تیرماه 1397 ساعت 10 صبح، وی گفت: بیش از 2 هزار و 300 واحد با 30 میلیارد تومان و 90 درصد رتبه چهاردهم را دارد."


@dataclass(frozen=True)
class Result:
    """What became of one record: its output text, or the error that stopped it."""

    id: str
    output: str | None
    error: str | None
    size: int


_YOUNG_GENERATION_THRESHOLD = 50_000
_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


@functools.cache
def warm_up(entities: str | None = DEFAULT_RECOGNIZER) -> None:
    """Load hazm (and the entity model, when `entities` uses it), compile every pattern and read the
    dictionary now, once per process, rather than in the first document (and, with worker processes, once
    before they fork rather than once in each). Then set the garbage collector for a batch: what is loaded
    now lives as long as the process (frozen: full collections no longer walk hazm's and scikit-learn's
    objects), and each document makes tens of thousands of short-lived objects, so the youngest generation is collected every 50,000 allocations, not 700
    (about 5-10% of a run's time, measured on the shared news corpora)."""
    extract(_WARM_UP_TEXT, entities=entities)
    compile_rules()  # the rules the warm-up text does not run
    lexicons.dictionary_words()  # read once (76 ms), shared by the workers forked after
    gc.freeze()
    gc.set_threshold(_YOUNG_GENERATION_THRESHOLD, *gc.get_threshold()[1:])


def process(
    record: Record, output_format: str, entities: str | None = DEFAULT_RECOGNIZER, max_characters: int | None = MAX_CHARACTERS
) -> Result:
    """Extract one record and render it (runs in a worker process when there are several). Whatever goes
    wrong with one document is its error, naming it; the batch goes on."""
    if record.error is not None:
        return Result(record.id, None, record.error, record.size)
    try:
        return Result(record.id, _rendered(record, output_format, entities, max_characters), None, record.size)
    except KhabarError as error:
        return Result(record.id, None, f"{record.name}: {error}", record.size)
    except Exception as error:  # a bug: one document must not cost the batch every other one
        problem = f"{type(error).__name__}: {error}"
        return Result(record.id, None, f"{record.name}: khabar failed on it ({problem}); please report it with this document", record.size)


def _rendered(record: Record, output_format: str, entities: str | None, max_characters: int | None) -> str:
    document = (record.text, record.reference_date, record.id, entities, max_characters)
    if output_format == "jsonl":  # the hot path: the same line as output.jsonl, built without validation
        return extract_json(*document) + "\n"
    return FORMATS[output_format](extract(*document))


def run(
    records: Iterable[Record],
    output_format: str,
    jobs: int,
    scheduler: str | None = None,
    entities: str | None = DEFAULT_RECOGNIZER,
    max_characters: int | None = MAX_CHARACTERS,
) -> Iterator[Result]:
    """The results of every record, in input order: on the Dask cluster at `scheduler` when given,
    else with `jobs` worker processes (1: in this one)."""
    work = functools.partial(process, output_format=output_format, entities=entities, max_characters=max_characters)
    if scheduler is not None:
        yield from run_on_cluster(work, records, scheduler)
        return
    if jobs <= 1:
        yield from map(work, records)
        return
    yield from _in_worker_processes(work, iter(records), jobs, entities)


def _in_worker_processes(work, records: Iterator[Record], jobs: int, entities: str | None) -> Iterator[Result]:
    """`work` over `records` in `jobs` forked processes, a bounded window of chunks in flight, in order."""
    warm_up(entities)
    chunks = iter(lambda: list(islice(records, _RECORDS_PER_CHUNK)), [])
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_quiet_worker) as pool:
        submit = functools.partial(_submit, pool, work)
        in_flight = deque(map(submit, islice(chunks, jobs * _CHUNKS_IN_FLIGHT_PER_WORKER)))
        while in_flight:
            results = in_flight.popleft().get()
            in_flight.extend(map(submit, islice(chunks, 1)))
            yield from results


def _quiet_worker() -> None:
    """A worker leaves interrupts to the parent, which ends the pool: Ctrl-C reaches every process of the
    terminal's group, and without this each worker would print its own KeyboardInterrupt traceback. It
    dies quietly on the SIGTERM the pool's end sends, and (on Linux) when the parent dies, even by kill -9."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):  # no prctl: the worker ends when it next reads from the parent
            pass


def _submit(pool, work, chunk: list[Record]):
    return pool.apply_async(_process_chunk, (work, chunk))


def _process_chunk(work, chunk: list[Record]) -> list[Result]:
    return [work(record) for record in chunk]
