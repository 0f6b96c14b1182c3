"""Owns the Dask integration: the pipeline mapped over a dask.bag of texts or a Dask DataFrame column,
on whatever cluster the user's Dask client points at (Kubernetes, YARN, Slurm, cloud, local)."""

from __future__ import annotations

import datetime
import socket
import threading
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice

from extractor import arguments
from extractor.arguments import DEFAULT_RECOGNIZER
from extractor.errors import ClusterUnreachableError, MissingDependencyError
from extractor.pipeline import extract_json

# Records sent to the cluster per round trip: results come back in input order, memory stays bounded.
RECORDS_PER_ROUND = 512
CONNECT_SECONDS = 10
_TCP_SCHEMES = ("tcp", "tls")


def document_json(
    text: str, reference_date: datetime.date | None = None, document_id: str | None = None, entities: str | None = DEFAULT_RECOGNIZER
) -> str:
    """One text's Document as JSON: what the Dask functions map over their items (each worker process
    loads the entity model once, on its first text)."""
    return extract_json(text, reference_date=reference_date, document_id=document_id, entities=entities)


def extract_bag(bag, reference_date: datetime.date | None = None, entities: str | None = DEFAULT_RECOGNIZER):
    """A dask.bag of JSON Documents from a dask.bag of texts (lazy, like every bag operation).

    >>> import dask.bag  # doctest: +SKIP
    >>> extract_bag(dask.bag.from_sequence(texts)).compute()  # doctest: +SKIP
    """
    return bag.map(document_json, reference_date=reference_date, entities=arguments.entities(entities))


def extract_column(series, reference_date: datetime.date | None = None, entities: str | None = DEFAULT_RECOGNIZER):
    """A Dask Series of JSON Documents from a Dask Series of texts, e.g. `dataframe["text"]`."""
    work = partial(document_json, reference_date=reference_date, entities=arguments.entities(entities))
    return series.map(work, meta=(series.name, "object"))


def run_on_cluster(work, records: Iterable, scheduler: str) -> Iterator:
    """`work` mapped over `records` on the Dask cluster at `scheduler`, results in input order."""
    records = iter(records)
    with connect(scheduler) as client:
        while batch := list(islice(records, RECORDS_PER_ROUND)):
            yield from client.gather(client.map(work, batch, pure=False))


def connect(scheduler: str):
    """A Client of the Dask scheduler at `scheduler`, or one clear ClusterUnreachableError, fast: an
    address that is no address, nothing listening there, something there that is not a Dask scheduler
    (a web server's reply read as a Dask message asked for exabytes), or something that never answers."""
    try:
        from distributed import Client
        from distributed.comm.addressing import parse_address, parse_host_port
    except ImportError:
        raise MissingDependencyError("the Dask engine needs distributed: pip install 'khabar[dask]'") from None
    try:
        scheme, location = parse_address(scheduler)
        host, port = parse_host_port(location) if scheme in _TCP_SCHEMES else (None, None)
    except ValueError as error:
        raise ClusterUnreachableError(f"{scheduler!r} is not a scheduler address such as tcp://10.0.0.5:8786 ({error})") from None
    if host is not None:
        _check_listening(scheduler, host, port)
    found: dict = {}

    def make_client() -> None:
        try:
            found["client"] = Client(scheduler, timeout=f"{CONNECT_SECONDS}s")
        # Any failure here, a MemoryError from a web server's reply included, is reported on the caller's thread.
        except BaseException as error:  # noqa: B036
            found["error"] = error

    attempt = threading.Thread(target=make_client, daemon=True, name="khabar-dask-connect")
    attempt.start()
    attempt.join(CONNECT_SECONDS + 2)  # distributed can wait past its own timeout on a silent peer
    if attempt.is_alive():
        raise ClusterUnreachableError(f"{scheduler}: something listens there but no Dask scheduler answered within {CONNECT_SECONDS} s")
    if "error" in found:
        error = found["error"]
        raise ClusterUnreachableError(f"{scheduler}: no Dask scheduler answers there ({type(error).__name__}: {str(error)[:200]})") from None
    return found["client"]


def _check_listening(scheduler: str, host: str, port: int) -> None:
    if not 0 < port < 65536:
        raise ClusterUnreachableError(f"{scheduler!r}: port {port} is not a port number (1 to 65535)")
    try:
        socket.create_connection((host, port), timeout=CONNECT_SECONDS).close()
    except OSError as error:
        raise ClusterUnreachableError(f"{scheduler}: cannot reach the Dask scheduler ({error.strerror or error})") from None
