"""Owns batch runs: maps the pipeline over records, in worker processes when asked, in input order."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import islice

from extractor.dask_engine import run_on_cluster
from extractor.output import FORMATS
from extractor.pipeline import extract
from extractor.reading import Record

# Records handed to the pool per worker at a time: enough to keep workers busy, few enough that
# memory does not grow with the corpus.
_RECORDS_PER_WORKER = 32


@dataclass(frozen=True)
class Result:
    """What became of one record: its output text, or the error that stopped it."""

    id: str
    output: str | None
    error: str | None
    size: int


def process(record: Record, output_format: str) -> Result:
    """Extract one record and render it (runs in a worker process when there are several)."""
    if record.error is not None:
        return Result(record.id, None, record.error, record.size)
    document = extract(record.text, reference_date=record.reference_date, document_id=record.id)
    return Result(record.id, FORMATS[output_format](document), None, record.size)


def run(records: Iterable[Record], output_format: str, jobs: int, scheduler: str | None = None) -> Iterator[Result]:
    """The results of every record, in input order: on the Dask cluster at `scheduler` when given,
    else with `jobs` worker processes (1: in this one)."""
    work = partial(process, output_format=output_format)
    if scheduler is not None:
        yield from run_on_cluster(work, records, scheduler)
        return
    if jobs <= 1:
        yield from map(work, records)
        return
    records = iter(records)
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        while batch := list(islice(records, jobs * _RECORDS_PER_WORKER)):
            yield from pool.map(work, batch, chunksize=max(1, len(batch) // (jobs * 4)))
