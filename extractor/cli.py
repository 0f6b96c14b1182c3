"""The batch front end: `khabar extract` and `khabar schema`; no extraction logic of its own."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from extractor import __version__
from extractor.errors import InputError
from extractor.models import Document
from extractor.pipeline import extract
from extractor.output import FORMATS
from extractor.progress import Progress
from extractor.reading import SAMPLE_NAME, decode, read_text, sample_path, text_files

STANDARD_INPUT = "-"
EXIT_SOME_INPUTS_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def _reference_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="khabar", description="Structured facts from Persian news text.")
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    extract_command = commands.add_parser(
        "extract",
        help="extract facts from text files, folders or standard input (JSONL out)",
        description="Write one JSON document per input, one per line (JSONL). "
        "With no PATH, runs on the bundled sample article.",
    )
    extract_command.add_argument(
        "paths", nargs="*", metavar="PATH", help="a UTF-8 text file, a folder (every *.txt below it) or - for stdin"
    )
    extract_command.add_argument("-o", "--output", type=Path, metavar="OUT", help="write here (atomically)")
    extract_command.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="jsonl",
        help="jsonl: one JSON document per line (default); table: the facts, one per line, for reading",
    )
    extract_command.add_argument(
        "--reference-date",
        type=_reference_date,
        metavar="YYYY-MM-DD",
        help="the publication date, to resolve relative dates (14 تیرماه جاری, روز چهارشنبه)",
    )
    schema_command = commands.add_parser("schema", help="print the JSON Schema of the output documents")
    schema_command.add_argument("-o", "--output", type=Path, metavar="OUT", help="write the schema here")
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    try:
        if arguments.command == "schema":
            return _write_schema(arguments.output)
        return _extract(arguments)
    except KeyboardInterrupt:
        left = f"; {arguments.output} was left as it was" if arguments.output else ""
        print(f"khabar: interrupted{left}", file=sys.stderr)
        return EXIT_INTERRUPTED


def _write_schema(output: Path | None) -> int:
    schema = json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
    with _output_stream(output) as stream:
        stream.write(schema)
    return 0


def _inputs(paths: list[str]) -> list[str | Path]:
    """Every input to read, folders expanded; a folder with no *.txt is reported, not silently skipped."""
    if not paths:
        return [sample_path()]
    inputs: list[str | Path] = []
    for path in paths:
        if path == STANDARD_INPUT:
            inputs.append(STANDARD_INPUT)
            continue
        files = list(text_files(Path(path)))
        if not files:
            print(f"khabar: warning: {path}: folder holds no *.txt files", file=sys.stderr)
        inputs.extend(files)
    return inputs


def _document(source: str | Path, reference_date: datetime.date | None) -> Document:
    if source == STANDARD_INPUT:
        return extract(decode(sys.stdin.buffer.read(), "<stdin>"), reference_date, document_id=STANDARD_INPUT)
    document_id = SAMPLE_NAME if source == sample_path() else str(source)
    return extract(read_text(Path(source)), reference_date, document_id=document_id)


def _extract(arguments: argparse.Namespace) -> int:
    if arguments.output is not None and not arguments.output.parent.resolve().is_dir():
        print(f"khabar: error: {arguments.output}: its folder does not exist", file=sys.stderr)
        return EXIT_USAGE
    inputs = _inputs(arguments.paths)
    failures = 0
    progress = Progress(len(inputs), sys.stderr) if len(inputs) > 1 else None
    with _output_stream(arguments.output) as stream:
        for source in inputs:
            try:
                document = _document(source, arguments.reference_date)
            except InputError as error:
                failures += 1
                print(f"khabar: error: {error}", file=sys.stderr)
            else:
                stream.write(FORMATS[arguments.format](document))
                stream.flush()
            if progress:
                progress.advance(failures)
    if progress:
        progress.finish(failures)
    return EXIT_SOME_INPUTS_FAILED if failures or not inputs else 0


@contextmanager
def _output_stream(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or a temporary file renamed onto `output` only once everything is written."""
    if output is None:
        yield sys.stdout
        return
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=output.parent, prefix=f".{output.name}.", suffix=".partial", delete=False
    )
    try:
        with handle:
            yield handle
        os.replace(handle.name, output)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
