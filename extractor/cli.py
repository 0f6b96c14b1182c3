"""The front end: `khabar extract`, `khabar render`, `khabar serve`, `khabar dedupe` and `khabar schema`;
no extraction logic of its own."""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import signal
import sys
from collections import Counter
from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path

from extractor import __version__, calendars, exports, output, output_file, serve
from extractor.arguments import DEFAULT_RECOGNIZER, RECOGNIZERS
from extractor.batch import run, warm_up
from extractor.corpus_dedupe import NearDuplicates, document_words, find_duplicates
from extractor.errors import KhabarError
from extractor.models import Document
from extractor.output import FORMAT_CHOICES
from extractor.pipeline import MAX_CHARACTERS
from extractor.progress import Progress
from extractor.reading import STANDARD_INPUT, JsonlFields, Record, input_files, records, sample_path
from extractor.render import render

EXIT_SOME_INPUTS_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 128 + signal.SIGTERM
_STOPS = {signal.SIGINT: ("interrupted", EXIT_INTERRUPTED), signal.SIGTERM: ("terminated", EXIT_TERMINATED)}
_DOCUMENT_SIMILARITY = 0.8  # extract --dedupe: the estimated Jaccard similarity of a near-duplicate document


def _stop_now(signal_number: int, frame) -> None:
    """Ctrl-C or SIGTERM: remove the partial file (OUT stays as it was), end the workers, exit. Done here
    and at once rather than by an exception unwinding the run: an exception raised wherever the main
    thread stands can leave a lock of the worker pool held, and the run hung on its way out."""
    output_file.discard_partial()
    for worker in multiprocessing.active_children():
        worker.kill()
    said, status = _STOPS[signal_number]
    os.write(sys.stderr.fileno(), f"\nkhabar: {said}; any OUT was left as it was\n".encode())
    os._exit(status)


def _reference_date(value: str) -> datetime.date:
    try:
        date = datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None
    if problem := calendars.reference_date_problem(date):
        raise argparse.ArgumentTypeError(problem)
    return date


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="khabar", description="Structured facts from Persian news text.")
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    _add_extract_command(commands)
    _add_dedupe_command(commands)
    _add_render_command(commands)
    _add_serve_command(commands)
    schema_command = commands.add_parser("schema", help="print the JSON Schema of the output documents")
    schema_command.add_argument("-o", "--output", type=Path, metavar="OUT", help="write the schema here")
    return parser


def _add_extract_command(commands) -> None:
    extract_command = commands.add_parser(
        "extract",
        help="extract facts from text files, folders or standard input (JSONL out)",
        description="Write one JSON document per input, one per line (JSONL). "
        "With no PATH, runs on the bundled sample article.",
    )
    _add_input_arguments(extract_command)
    extract_command.add_argument(
        "--resume", action="store_true", help="keep the documents already in OUT and extract only the others"
    )
    extract_command.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local: worker processes on this machine (-j); dask: the Dask cluster at --scheduler",
    )
    extract_command.add_argument(
        "--scheduler", metavar="ADDRESS", help="the Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask)"
    )
    extract_command.add_argument("-o", "--output", type=Path, metavar="OUT", help="write here (atomically)")
    extract_command.add_argument(
        "--format",
        choices=FORMAT_CHOICES,
        default="jsonl",
        help="jsonl: one JSON document per line (default); table: the facts, one per line, for reading; "
        "csv: one row per fact (or entity, --table); parquet: the same with typed columns (needs -o and "
        "khabar[parquet])",
    )
    extract_command.add_argument(
        "--table",
        choices=exports.TABLES,
        default="facts",
        help="with --format csv or parquet: a row per fact (default) or per entity mention",
    )
    extract_command.add_argument(
        "--one-row-per-statement",
        action="store_true",
        help="with --format table, csv or parquet: leave out the facts that restate an earlier one (mention_of)",
    )
    _add_extraction_arguments(extract_command)
    extract_command.add_argument(
        "--dedupe",
        action="store_true",
        help="skip a document that repeats an earlier one (exactly or nearly; needs khabar[dedupe])",
    )


def _add_dedupe_command(commands) -> None:
    dedupe_command = commands.add_parser(
        "dedupe",
        help="find duplicate documents and repeated paragraphs across a corpus (JSON report)",
        description="Exact and near-duplicate documents, and paragraphs repeated across documents, by "
        "MinHash LSH (needs: pip install 'khabar[dedupe]').",
    )
    _add_input_arguments(dedupe_command)
    dedupe_command.add_argument("-o", "--output", type=Path, metavar="OUT", help="write the report here")
    dedupe_command.add_argument(
        "--threshold",
        type=_similarity,
        default=0.8,
        help="estimated Jaccard similarity that makes a near duplicate, above 0 and at most 1 (default 0.8)",
    )


def _add_render_command(commands) -> None:
    render_command = commands.add_parser(
        "render",
        help="extract and write one self-contained HTML page with the facts marked in the text",
        description="One HTML page (right to left, no network): each document with its facts highlighted by "
        "kind, its people, organizations and places marked, its dropped paragraphs struck through, its "
        "notes on top and a table of its facts. With no PATH, the bundled sample article.",
    )
    _add_input_arguments(render_command)
    render_command.add_argument("-o", "--output", type=Path, metavar="PAGE", help="write the page here (atomically)")
    _add_extraction_arguments(render_command)
    render_command.set_defaults(
        format="html", table="facts", one_row_per_statement=False, resume=False, dedupe=False, engine="local", scheduler=None
    )


def _add_serve_command(commands) -> None:
    serve_command = commands.add_parser(
        "serve",
        help="a local page to paste an article into and see its facts (JSON and CSV downloads)",
        description="Serve a page where you paste an article or drop text files and see the HTML view of its "
        "facts. Bound to 127.0.0.1 (this machine only) unless --host says otherwise.",
    )
    serve_command.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    serve_command.add_argument("--port", type=_port, default=serve.DEFAULT_PORT, help=f"default {serve.DEFAULT_PORT}; 0: any free port")


def _add_extraction_arguments(command: argparse.ArgumentParser) -> None:
    """The options of every command that extracts: workers, publication date, recognizer, size limit."""
    command.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    command.add_argument(
        "--reference-date",
        type=_reference_date,
        metavar="YYYY-MM-DD",
        help="the publication date, to resolve relative dates (14 تیرماه جاری, روز چهارشنبه); "
        "--reference-date-field overrides it per document",
    )
    command.add_argument(
        "--entities",
        choices=[*RECOGNIZERS, "none"],
        default=DEFAULT_RECOGNIZER,
        help="how people, organizations and places are found: the trained model and the rules merged (the "
        "default), either alone, or none (facts only, fastest)",
    )
    command.add_argument(
        "--no-entities",
        action="store_const",
        const="none",
        dest="entities",
        help="the same as --entities none",
    )
    command.add_argument(
        "--max-characters",
        type=_positive_int,
        default=MAX_CHARACTERS,
        metavar="N",
        help=f"refuse a document longer than N characters, naming it; the batch goes on (default {MAX_CHARACTERS:,})",
    )


def _add_input_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a UTF-8 .txt file, a .jsonl file (one document per line), either gzipped (.gz), "
        "a folder (every such file below it) or - for standard input",
    )
    command.add_argument("--text-field", default="text", help="JSON-lines: the field holding the text")
    command.add_argument("--id-field", help="JSON-lines: the field holding the id (default: FILE:LINE)")
    command.add_argument(
        "--reference-date-field", help="JSON-lines: the field holding each document's publication date"
    )
    command.add_argument(
        "--stdin-format",
        choices=["text", "jsonl"],
        default="text",
        help="what - (standard input) holds: one plain-text document (default), or JSON lines",
    )


def _positive_int(value: str) -> int:
    try:
        number = int(value.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be at least 1")
    return number


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (0 to 65535)")
    return int(value)


def _serve(arguments: argparse.Namespace) -> int:
    warm_up()  # the model and the rules, before the first request
    try:
        httpd = serve.server(arguments.host, arguments.port)
    except OSError as error:
        print(f"khabar: error: cannot listen on {arguments.host}:{arguments.port} ({error.strerror})", file=sys.stderr)
        return EXIT_USAGE
    host, port = httpd.server_address[:2]
    print(f"khabar: serving on http://{host}:{port}/ (Ctrl-C stops)", file=sys.stderr, flush=True)
    with httpd:
        httpd.serve_forever()
    return 0


def _similarity(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a similarity: give a number above 0 and at most 1")
    return number


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    problem = _output_problem(getattr(arguments, "output", None))
    if problem:
        print(f"khabar: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    previous_handlers = {stop: signal.signal(stop, _stop_now) for stop in _STOPS}
    try:
        if arguments.command == "schema":
            return _write_schema(arguments.output)
        if arguments.command == "dedupe":
            return _dedupe(arguments)
        if arguments.command == "serve":
            return _serve(arguments)
        return _extract(arguments)
    except KhabarError as error:  # a missing optional dependency, an unreachable cluster
        print(f"khabar: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # raised by code rather than by the terminal (which _stop_now answers)
        left = f"; {arguments.output} was left as it was" if arguments.output else ""
        print(f"khabar: interrupted{left}", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        for stop, handler in previous_handlers.items():
            signal.signal(stop, handler)


def _output_problem(output: Path | None) -> str | None:
    """Why -o OUT cannot be written, said before any work."""
    if output is None:
        return None
    if output.is_dir():
        return f"{output}: is a folder; -o takes the name of a file to write"
    if not output.parent.resolve().is_dir():
        return f"{output}: its folder does not exist"
    return None


def _write_schema(output: Path | None) -> int:
    schema = json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
    with output_file.atomic_output(output) as stream:
        stream.write(schema)
    return 0


def _inputs(paths: list[str]) -> list[str | Path]:
    """Every input to read, folders expanded; a folder with no input files is reported, not skipped."""
    if not paths:
        return [sample_path()]
    inputs: list[str | Path] = []
    for path in paths:
        if path == STANDARD_INPUT:
            inputs.append(STANDARD_INPUT)
            continue
        files = list(input_files(Path(path)))
        if not files:
            print(f"khabar: warning: {path}: folder holds no .txt or .jsonl files", file=sys.stderr)
        inputs.extend(files)
    return inputs


def _usage_error(arguments: argparse.Namespace) -> str | None:
    if arguments.resume and arguments.output is None:
        return "--resume needs -o OUT: it skips the documents already in OUT"
    if arguments.resume and arguments.format != "jsonl":
        return "--resume needs --format jsonl"
    if arguments.format == "parquet" and arguments.output is None:
        return "--format parquet needs -o OUT: Parquet is a binary file, not text for a terminal"
    if arguments.table != "facts" and arguments.format not in ("csv", "parquet"):
        return "--table goes with --format csv or parquet"
    if arguments.one_row_per_statement and (arguments.format == "jsonl" or arguments.table != "facts"):
        return "--one-row-per-statement goes with --format table, csv or parquet, and facts (JSON lines keep mention_of)"
    if arguments.jobs < 1:
        return "--jobs must be at least 1"
    if arguments.engine == "dask" and not arguments.scheduler:
        return "--engine dask needs --scheduler ADDRESS (a running Dask scheduler)"
    return None


def _extract(arguments: argparse.Namespace) -> int:
    problem = _usage_error(arguments)
    if problem:
        print(f"khabar: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    inputs = _inputs(arguments.paths)
    fields = JsonlFields(arguments.text_field, arguments.id_field, arguments.reference_date_field)
    stale = output_file.stale_partials(arguments.output) if arguments.output else []
    done = output_file.finished(arguments.output, stale) if arguments.resume else output_file.Finished()
    if done.partials:
        print(f"khabar: resuming with the finished documents of {len(done.partials)} partial files of a killed run", file=sys.stderr)
    all_records = records(inputs, fields, arguments.reference_date, arguments.stdin_format)
    pending = _not_done(all_records, done.ids)
    if arguments.dedupe:
        pending = _without_duplicates(pending)
    first = list(islice(pending, 2))
    entities = None if arguments.entities == "none" else arguments.entities
    jobs = arguments.jobs if len(first) > 1 else 1  # one document: no worker processes to start
    if first:
        warm_up(entities)  # before the progress clock starts: its rates are those of the work itself
    progress = Progress(sys.stderr, resumed=len(done.lines)) if len(first) > 1 or len(inputs) > 1 else None
    options = {"entities": entities, "max_characters": arguments.max_characters}
    scheduler = arguments.scheduler if arguments.engine == "dask" else None
    worker_format = output.worker_format(arguments.format, arguments.table, arguments.one_row_per_statement)
    results = run(chain(first, pending), worker_format, jobs, scheduler, **options)
    outputs = _Reported(results, progress)
    with output_file.atomic_output(arguments.output, binary=arguments.format == "parquet") as stream:
        _write(stream, arguments, done.lines, outputs)
    failures = outputs.failures
    output_file.remove(stale)  # their documents are in OUT now (--resume), or OUT was written anew
    if progress:
        progress.finish(failures)
    return EXIT_SOME_INPUTS_FAILED if failures or not inputs else 0


class _Reported:
    """The outputs of the successful results, in order; each failure said on standard error and counted,
    the progress line advanced."""

    def __init__(self, results: Iterator, progress: Progress | None) -> None:
        self.results, self.progress, self.failures = results, progress, 0

    def __iter__(self) -> Iterator[str]:
        for result in self.results:
            if result.error is not None:
                self.failures += 1
                print(f"khabar: error: {result.error}", file=sys.stderr)
            else:
                yield result.output
            if self.progress:
                self.progress.advance(result.size, self.failures)


def _write(stream, arguments: argparse.Namespace, done_lines: list[str], outputs: _Reported) -> None:
    """The run's outputs written as `arguments.format` asks: JSON lines, a table or CSV line by line (each
    flushed: a run killed outright leaves every finished document for --resume); Parquet in row groups;
    an HTML page once every document is in."""
    if arguments.format == "parquet":
        documents = map(Document.model_validate_json, outputs)
        exports.write_parquet(documents, stream, arguments.table, arguments.one_row_per_statement)
        return
    if arguments.format == "html":
        stream.write(render(map(Document.model_validate_json, outputs)))
        return
    stream.writelines(done_lines)
    if arguments.format == "csv":
        stream.write(exports.csv_header(arguments.table))
    for text in outputs:
        stream.write(text)
        stream.flush()


def _not_done(pending: Iterator[Record], done: Counter) -> Iterator[Record]:
    """The records an earlier run did not finish. Ids may repeat: the first n records of an id that OUT
    holds n times are the finished ones (a run writes in input order). Repeated ids are reported."""
    seen: Counter = Counter()
    repeated = 0
    for record in pending:
        seen[record.id] += 1
        if seen[record.id] == 2:
            repeated += 1
            if repeated == 1:
                print(
                    f"khabar: warning: id {record.id!r} is given to more than one document ({record.name}); "
                    "each is extracted, and --resume tells them apart by their order",
                    file=sys.stderr,
                )
        if seen[record.id] > done[record.id]:
            yield record
    if repeated > 1:
        print(f"khabar: warning: {repeated} ids are given to more than one document", file=sys.stderr)


def _without_duplicates(pending: Iterator[Record]) -> Iterator[Record]:
    """The records that repeat no earlier record; each one skipped is named on standard error."""
    index = NearDuplicates(threshold=_DOCUMENT_SIMILARITY)
    for record in pending:
        match = index.add(record.id, document_words(record.text)) if record.error is None else None
        if match is None:
            yield record
        else:
            print(f"khabar: skipped {record.id}: {match[1]} duplicate of {match[0]}", file=sys.stderr)


def _dedupe(arguments: argparse.Namespace) -> int:
    fields = JsonlFields(arguments.text_field, arguments.id_field, arguments.reference_date_field)
    failures = 0

    def documents() -> Iterator[tuple[str, str]]:
        nonlocal failures
        for record in records(_inputs(arguments.paths), fields, None, arguments.stdin_format):
            if record.error is not None:
                failures += 1
                print(f"khabar: error: {record.error}", file=sys.stderr)
            else:
                yield record.id, record.text

    report = find_duplicates(documents(), arguments.threshold)
    with output_file.atomic_output(arguments.output) as stream:
        stream.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    copies = sum(len(cluster["copies"]) for cluster in report["duplicate_documents"])
    repeated = sum(len(cluster["copies"]) for cluster in report["repeated_paragraphs"])
    print(
        f"khabar: {report['documents']:,} documents: {copies} duplicate documents in "
        f"{len(report['duplicate_documents'])} clusters, {repeated} paragraphs repeated from other documents",
        file=sys.stderr,
    )
    return EXIT_SOME_INPUTS_FAILED if failures else 0
