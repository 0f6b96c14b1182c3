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
from typing import BinaryIO

from extractor import arguments, calendars
from extractor.errors import InputError, UndecodableInputError, UnreadableInputError
from extractor.models import Document
from extractor.pipeline import extract

SAMPLE_NAME = "qom_industry_irna.txt"
STANDARD_INPUT = "-"
_STANDARD_INPUT_NAME = "<stdin>"
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
    where: str = ""  # FILE, FILE:LINE or <stdin>: where it was read, for error messages

    @property
    def name(self) -> str:
        """How an error message names the document: where it was read, and its id when that differs."""
        where = self.where or self.id
        return where if self.id in (where, STANDARD_INPUT) else f"{where} (id {self.id})"


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
        raise UndecodableInputError(source, f"is not UTF-8 text ({_encoding_hint(data, error.start)})") from None


def _encoding_hint(data: bytes, offset: int) -> str:
    """What the bytes look like instead, and the command that converts them."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(0) > len(data[:200]) // 4:
        return "it looks like UTF-16; convert it first, e.g. `iconv -f utf-16 -t utf-8`"
    return (
        f"byte 0x{data[offset]:02x} at offset {offset}; if it is Windows Persian text, convert it first, "
        "e.g. `iconv -f windows-1256 -t utf-8`"
    )


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
    paths: list[Path | str],
    fields: JsonlFields,
    reference_date: datetime.date | None,
    standard_input_format: str = "text",
) -> Iterator[Record]:
    """Every record of the inputs, in order, read lazily: memory does not grow with the corpus.
    Standard input is one plain-text document, or JSON lines with `standard_input_format="jsonl"`."""
    for path in paths:
        if path == STANDARD_INPUT and standard_input_format == "jsonl":
            yield from _jsonl_lines(_STANDARD_INPUT_NAME, sys.stdin.buffer, fields, reference_date)
        elif path == STANDARD_INPUT:
            yield _standard_input(reference_date)
        elif str(path).endswith(JSONL_SUFFIXES):
            yield from _jsonl_records(Path(path), fields, reference_date)
        else:
            yield _text_record(Path(path), reference_date)


def _standard_input(reference_date: datetime.date | None) -> Record:
    data = sys.stdin.buffer.read()
    try:
        text = decode(data, _STANDARD_INPUT_NAME)
    except UndecodableInputError as error:
        return Record(STANDARD_INPUT, error=str(error), where=_STANDARD_INPUT_NAME)
    if _looks_like_json_lines(text):
        print(
            "khabar: warning: standard input looks like JSON lines but is read as one plain-text document; "
            "give --stdin-format jsonl to read one document per line",
            file=sys.stderr,
        )
    return Record(STANDARD_INPUT, text, reference_date, size=len(data), where=_STANDARD_INPUT_NAME)


def _looks_like_json_lines(text: str) -> bool:
    first_line = text.lstrip().partition("\n")[0]
    if not first_line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first_line), dict)
    except json.JSONDecodeError:
        return False


def _text_record(path: Path, reference_date: datetime.date | None) -> Record:
    document_id = SAMPLE_NAME if path == sample_path() else str(path)
    try:
        data = _read_bytes(path)
        return Record(document_id, decode(data, str(path)), reference_date, size=len(data), where=str(path))
    except (UnreadableInputError, UndecodableInputError) as error:
        return Record(document_id, error=str(error), where=str(path))


def _jsonl_records(path: Path, fields: JsonlFields, reference_date: datetime.date | None) -> Iterator[Record]:
    try:
        stream = gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")
    except OSError as error:
        yield Record(str(path), error=f"{path}: cannot be read ({error.strerror or error})", where=str(path))
        return
    with stream:
        yield from _jsonl_lines(str(path), stream, fields, reference_date)


def _jsonl_lines(source: str, stream: BinaryIO, fields: JsonlFields, reference_date: datetime.date | None) -> Iterator[Record]:
    try:
        for number, line in enumerate(stream, 1):
            if line.strip():
                yield _jsonl_record(source, number, line, fields, reference_date)
    except (OSError, EOFError) as error:  # a truncated .gz
        yield Record(f"{source}:?", error=f"{source}: cannot be read to the end ({error})", where=source)


def _jsonl_record(
    source: str | Path, number: int, line: bytes, fields: JsonlFields, reference_date: datetime.date | None
) -> Record:
    where = f"{source}:{number}"
    try:
        data = json.loads(decode(line, where))
    except UndecodableInputError as error:
        return Record(where, error=str(error), where=where)
    except json.JSONDecodeError as error:
        return Record(where, error=f"{where}: not valid JSON: {error.msg} at column {error.colno}", where=where)
    problem = _text_field_problem(data, fields.text)
    if problem:
        return Record(where, error=f"{where}: {problem}", where=where)
    document_id = str(data[fields.id]) if fields.id and data.get(fields.id) is not None else where
    date = reference_date
    if fields.reference_date and data.get(fields.reference_date):
        try:
            date = datetime.date.fromisoformat(str(data[fields.reference_date])[:10])
        except ValueError:
            return Record(document_id, error=f"{where}: {fields.reference_date!r} is not a YYYY-MM-DD date", where=where)
        if problem := calendars.reference_date_problem(date):
            return Record(document_id, error=f"{where}: {fields.reference_date!r}: {problem}", where=where)
    return Record(document_id, data[fields.text], date, size=len(line), where=where)


_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "true or false", int: "a number", float: "a number"}


def _text_field_problem(data: object, field: str) -> str | None:
    """Why a JSON line holds no text to extract, or None when it does."""
    if not isinstance(data, dict):
        return f"is {_JSON_TYPES.get(type(data), 'null')}, not a JSON object with a text field {field!r}"
    if field not in data:
        return f"has no text field {field!r} (name the field with --text-field)"
    value = data[field]
    if not isinstance(value, str):
        return f"its text field {field!r} is {_JSON_TYPES.get(type(value), 'null')}, not a string"
    return None


def extract_file(path: str | Path, reference_date: datetime.date | str | None = None) -> Document:
    """Extract the facts of one UTF-8 text file (gzipped when it ends in .gz); the Document's id is the
    path as given. A JSON-lines file holds many documents: read it with `extract_jsonl_file`."""
    path = Path(path)
    if path.name.endswith(JSONL_SUFFIXES):
        raise InputError(str(path), "is a JSON-lines file, one document per line: use extract_jsonl_file(path)")
    return extract(read_text(path), reference_date=reference_date, document_id=str(path))


def extract_jsonl_file(
    path: str | Path,
    text_field: str = "text",
    id_field: str | None = None,
    reference_date: datetime.date | str | None = None,
) -> Iterator[Document]:
    """The Document of each line of a JSON-lines file (gzipped when it ends in .gz), in order, read
    lazily; a line that holds no document raises InputError naming the file and line."""
    fields = JsonlFields(text_field, id_field)
    for record in _jsonl_records(Path(path), fields, arguments.reference_date(reference_date)):
        if record.error is not None:
            raise InputError(record.where, record.error.removeprefix(f"{record.where}: "))
        yield extract(record.text, reference_date=record.reference_date, document_id=record.id)
