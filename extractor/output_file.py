"""Owns writing OUT: a partial file beside it, renamed onto it only when the run is complete; what a
resumed run keeps (the finished lines of OUT and of the partial files of runs that were killed); and
the clean-up of those partial files.

A partial file is named `.OUT.PID.RANDOM.partial` (the PID of the run writing it): a partial file
whose process is gone was left by a run killed without a chance to clean up (kill -9, a power cut).
"""

from __future__ import annotations

import glob
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

_PARTIAL_SUFFIX = ".partial"


@contextmanager
def atomic_output(output: Path | None, binary: bool = False) -> Iterator[IO]:
    """Standard output, or a partial file renamed onto `output` only once everything is written; on any
    exception (an interrupt, a termination) the partial file is removed and `output` left as it was.
    Text (UTF-8) unless `binary`."""
    if output is None:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    handle = tempfile.NamedTemporaryFile(
        "wb" if binary else "w",
        encoding=None if binary else "utf-8",
        dir=output.parent,
        prefix=f".{output.name}.{os.getpid()}.",
        suffix=_PARTIAL_SUFFIX,
        delete=False,
    )
    _partials_written.add(handle.name)
    try:
        with handle:
            yield handle
        os.chmod(handle.name, 0o666 & ~_umask())  # a temporary file is private; OUT gets the usual mode
        os.replace(handle.name, output)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    finally:
        _partials_written.discard(handle.name)


# The partial files this process is writing, for discard_partial (a signal handler's clean-up).
_partials_written: set[str] = set()


def discard_partial() -> None:
    """Remove the partial files this process is writing: for a run stopped by a signal, which exits at once."""
    for name in list(_partials_written):
        Path(name).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def stale_partials(output: Path) -> list[Path]:
    """The partial files of `output` whose run is gone, oldest first."""
    prefix = f".{output.name}."
    found = [
        path for path in output.parent.glob(f".{glob.escape(output.name)}.*{_PARTIAL_SUFFIX}")
        if path.name.startswith(prefix) and not _process_alive(_writer(path.name[len(prefix) :]))
    ]
    return sorted(found, key=lambda path: path.stat().st_mtime)


def _writer(rest: str) -> int | None:
    """The PID in `PID.RANDOM.partial`, or None for a name of another form."""
    pid = rest.split(".", 1)[0]
    return int(pid) if pid.isdigit() else None


def _process_alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


@dataclass
class Finished:
    """The documents earlier runs finished: their lines, in order, and how often each id stands there."""

    lines: list[str] = field(default_factory=list)
    ids: Counter = field(default_factory=Counter)
    partials: list[Path] = field(default_factory=list)  # the killed runs' files these lines include

    def add_file(self, path: Path) -> None:
        """The complete lines of `path` that these lines do not already hold: an id's n-th line counts
        only when fewer than n lines of that id are held (a resumed run's partial file starts with
        a copy of OUT)."""
        in_file: Counter = Counter()
        with path.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                document_id = _document_id(line)
                if document_id is _UNREADABLE:
                    continue  # a line cut short by a killed writer is extracted again
                in_file[document_id] += 1
                if in_file[document_id] > self.ids[document_id]:
                    self.ids[document_id] += 1
                    self.lines.append(line)


_UNREADABLE = object()


def _document_id(line: str) -> object:
    if not line.endswith("\n"):
        return _UNREADABLE
    try:
        return json.loads(line)["id"]
    except (json.JSONDecodeError, KeyError, TypeError):
        return _UNREADABLE


def finished(output: Path, stale: list[Path]) -> Finished:
    """What a resumed run keeps: OUT's complete lines, then those of the killed runs' partial files
    (`stale`, from stale_partials)."""
    done = Finished()
    if output.is_file():
        done.add_file(output)
    for partial in stale:
        done.add_file(partial)
        done.partials.append(partial)
    return done


def remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
