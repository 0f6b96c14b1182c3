"""Owns the progress bar of long batch runs, drawn on standard error."""

from __future__ import annotations

import time
from typing import TextIO

_WIDTH = 30
_REDRAW_SECONDS = 0.1


class Progress:
    """A one-line bar redrawn in place on a terminal; elsewhere only the closing summary is written."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.interactive = stream.isatty()
        self.started = time.monotonic()
        self._last_drawn = 0.0

    def advance(self, failures: int) -> None:
        self.done += 1
        now = time.monotonic()
        if self.interactive and (now - self._last_drawn >= _REDRAW_SECONDS or self.done == self.total):
            self._last_drawn = now
            self.stream.write("\r" + self._line(failures))
            self.stream.flush()

    def finish(self, failures: int) -> None:
        prefix = "\r" if self.interactive else ""
        self.stream.write(prefix + self._line(failures) + "\n")
        self.stream.flush()

    def _line(self, failures: int) -> str:
        filled = _WIDTH * self.done // max(self.total, 1)
        elapsed = max(time.monotonic() - self.started, 1e-9)
        failed = f", {failures} failed" if failures else ""
        return (
            f"khabar: [{'#' * filled}{'.' * (_WIDTH - filled)}] {self.done}/{self.total} files"
            f" ({self.done / elapsed:.1f}/s{failed})"
        )
