"""Owns the Dask integration: the pipeline mapped over a dask.bag of texts or a Dask DataFrame column,
on whatever cluster the user's Dask client points at (Kubernetes, YARN, Slurm, cloud, local)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice

from extractor.errors import ClusterUnreachableError, MissingDependencyError
from extractor.pipeline import extract

# Records sent to the cluster per round trip: results come back in input order, memory stays bounded.
RECORDS_PER_ROUND = 512


def document_json(text: str, reference_date: datetime.date | None = None, document_id: str | None = None) -> str:
    """One text's Document as JSON: what the Dask functions map over their items."""
    return extract(text, reference_date=reference_date, document_id=document_id).model_dump_json()


def extract_bag(bag, reference_date: datetime.date | None = None):
    """A dask.bag of JSON Documents from a dask.bag of texts (lazy, like every bag operation).

    >>> import dask.bag  # doctest: +SKIP
    >>> extract_bag(dask.bag.from_sequence(texts)).compute()  # doctest: +SKIP
    """
    return bag.map(document_json, reference_date=reference_date)


def extract_column(series, reference_date: datetime.date | None = None):
    """A Dask Series of JSON Documents from a Dask Series of texts, e.g. `dataframe["text"]`."""
    return series.map(partial(document_json, reference_date=reference_date), meta=(series.name, "object"))


def run_on_cluster(work, records: Iterable, scheduler: str) -> Iterator:
    """`work` mapped over `records` on the Dask cluster at `scheduler`, results in input order."""
    try:
        from distributed import Client
    except ImportError:
        raise MissingDependencyError("the Dask engine needs distributed: pip install 'khabar[dask]'") from None
    records = iter(records)
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as error:
        raise ClusterUnreachableError(f"{scheduler}: cannot reach the Dask scheduler ({error})") from None
    with client:
        while batch := list(islice(records, RECORDS_PER_ROUND)):
            yield from client.gather(client.map(work, batch, pure=False))
