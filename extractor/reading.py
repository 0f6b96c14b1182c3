"""Owns reading inputs: text files, JSON-lines files (gzipped or not), folders, standard input and the
bundled sample article, streamed record by record, with errors that name the file and line."""

from __future__ import annotations

import datetime
import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from extractor import calendars
from extractor.errors import UndecodableInputError, UnreadableInputError
from extractor.models import Document
from extractor.pipeline import extract

SAMPLE_NAME = "qom_industry_irna.txt"
STANDARD_INPUT = "-"
_SOURCE_CHECKOUT_CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "documents"
TEXT_SUFFIXES = (".txt", ".txt.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


@dataclass(frozen=True)
class Record:
    """One document to extract, or the reason it cannot be: never both."""

    id: str
    text: str | None = None
    reference_date: datetime.date | None = None
    error: str | None = None
    size: int = 0  # bytes read for it, for the progress bar


@dataclass(frozen=True)
class JsonlFields:
    """Where a JSON-lines record keeps its text, id and publication date."""

    text: str = "text"
    id: str | None = None
    reference_date: str | None = None


def sample_path() -> Path:
    """The bundled sample article: inside an installed wheel, or in corpus/ of a source checkout."""
    packaged = resources.files("extractor").joinpath("samples", SAMPLE_NAME)
    if packaged.is_file():
        return Path(str(packaged))
    return _SOURCE_CHECKOUT_CORPUS / SAMPLE_NAME


def _read_bytes(path: Path) -> bytes:
    try:
        with (gzip.open(path) if path.name.endswith(".gz") else path.open("rb")) as stream:
            return stream.read()
    except FileNotFoundError:
        raise UnreadableInputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise UnreadableInputError(str(path), "is a folder, not a file") from None
    except (OSError, EOFError) as error:
        raise UnreadableInputError(str(path), f"cannot be read ({getattr(error, 'strerror', None) or error})") from None


def read_text(path: Path) -> str:
    """The UTF-8 text of a file (gzipped when it ends in .gz; a byte-order mark is dropped)."""
    return decode(_read_bytes(path), str(path))


def decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UndecodableInputError(
            source,
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "convert it first, e.g. `iconv -f windows-1256 -t utf-8`",
        ) from None


def input_files(path: Path) -> Iterator[Path]:
    """The file itself, or every text and JSON-lines file below a folder, in sorted order."""
    if path.is_dir():
        yield from sorted(
            candidate for candidate in path.rglob("*") if candidate.is_file() and _is_input(candidate.name)
        )
    else:
        yield path


def _is_input(name: str) -> bool:
    return name.endswith(TEXT_SUFFIXES + JSONL_SUFFIXES)


def records(
    paths: list[Path | str], fields: JsonlFields, reference_date: datetime.date | None
) -> Iterator[Record]:
    """Every record of the inputs, in order, read lazily: memory does not grow with the corpus."""
    for path in paths:
        if path == STANDARD_INPUT:
            yield _standard_input(reference_date)
        elif str(path).endswith(JSONL_SUFFIXES):
            yield from _jsonl_records(Path(path), fields, reference_date)
        else:
            yield _text_record(Path(path), reference_date)


def _standard_input(reference_date: datetime.date | None) -> Record:
    data = sys.stdin.buffer.read()
    try:
        return Record(STANDARD_INPUT, decode(data, "<stdin>"), reference_date, size=len(data))
    except UndecodableInputError as error:
        return Record(STANDARD_INPUT, error=str(error))


def _text_record(path: Path, reference_date: datetime.date | None) -> Record:
    document_id = SAMPLE_NAME if path == sample_path() else str(path)
    try:
        data = _read_bytes(path)
        return Record(document_id, decode(data, str(path)), reference_date, size=len(data))
    except (UnreadableInputError, UndecodableInputError) as error:
        return Record(document_id, error=str(error))


def _jsonl_records(path: Path, fields: JsonlFields, reference_date: datetime.date | None) -> Iterator[Record]:
    try:
        stream = gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")
    except OSError as error:
        yield Record(str(path), error=f"{path}: cannot be read ({error.strerror or error})")
        return
    with stream:
        try:
            for number, line in enumerate(stream, 1):
                if line.strip():
                    yield _jsonl_record(path, number, line, fields, reference_date)
        except (OSError, EOFError) as error:  # a truncated .gz
            yield Record(f"{path}:?", error=f"{path}: cannot be read to the end ({error})")


def _jsonl_record(
    path: Path, number: int, line: bytes, fields: JsonlFields, reference_date: datetime.date | None
) -> Record:
    where = f"{path}:{number}"
    try:
        data = json.loads(decode(line, where))
    except UndecodableInputError as error:
        return Record(where, error=str(error))
    except json.JSONDecodeError as error:
        return Record(where, error=f"{where}: not valid JSON ({error.msg}, column {error.colno})")
    if not isinstance(data, dict) or not isinstance(data.get(fields.text), str):
        return Record(where, error=f"{where}: has no text field {fields.text!r} (set it with --text-field)")
    document_id = str(data[fields.id]) if fields.id and data.get(fields.id) is not None else where
    date = reference_date
    if fields.reference_date and data.get(fields.reference_date):
        try:
            date = datetime.date.fromisoformat(str(data[fields.reference_date])[:10])
        except ValueError:
            return Record(document_id, error=f"{where}: {fields.reference_date!r} is not a YYYY-MM-DD date")
        if problem := calendars.reference_date_problem(date):
            return Record(document_id, error=f"{where}: {fields.reference_date!r}: {problem}")
    return Record(document_id, data[fields.text], date, size=len(line))


def extract_file(path: str | Path, reference_date: datetime.date | None = None) -> Document:
    """Extract the facts of one UTF-8 text file; the Document's id is the path as given."""
    path = Path(path)
    return extract(read_text(path), reference_date=reference_date, document_id=str(path))
