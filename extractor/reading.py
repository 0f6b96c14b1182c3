"""Owns reading inputs: files, folders and the bundled sample article, with errors that name the file."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from extractor.errors import UndecodableInputError, UnreadableInputError
from extractor.models import Document
from extractor.pipeline import extract

SAMPLE_NAME = "qom_industry_irna.txt"
_SOURCE_CHECKOUT_CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "documents"


def sample_path() -> Path:
    """The bundled sample article: inside an installed wheel, or in corpus/ of a source checkout."""
    packaged = resources.files("extractor").joinpath("samples", SAMPLE_NAME)
    if packaged.is_file():
        return Path(str(packaged))
    return _SOURCE_CHECKOUT_CORPUS / SAMPLE_NAME


def read_text(path: Path) -> str:
    """The UTF-8 text of a file (a leading byte-order mark is dropped), or an InputError naming it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableInputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise UnreadableInputError(str(path), "is a folder, not a file") from None
    except OSError as error:
        raise UnreadableInputError(str(path), f"cannot be read ({error.strerror})") from None
    return decode(data, str(path))


def decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UndecodableInputError(
            source,
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "convert it first, e.g. `iconv -f windows-1256 -t utf-8`",
        ) from None


def text_files(path: Path) -> Iterator[Path]:
    """The file itself, or every *.txt below a folder, in sorted order."""
    if path.is_dir():
        yield from sorted(candidate for candidate in path.rglob("*.txt") if candidate.is_file())
    else:
        yield path


def extract_file(path: str | Path, reference_date: datetime.date | None = None) -> Document:
    """Extract the facts of one UTF-8 text file; the Document's id is the path as given."""
    path = Path(path)
    return extract(read_text(path), reference_date=reference_date, document_id=str(path))
