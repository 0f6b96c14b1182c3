"""Owns the progress line of long batch runs, drawn on standard error: documents, documents per
second and megabytes per second."""

from __future__ import annotations

import time
from typing import TextIO

_REDRAW_SECONDS = 0.2


class Progress:
    """A line redrawn in place on a terminal; elsewhere only the closing summary is written."""

    def __init__(self, stream: TextIO, resumed: int = 0) -> None:
        self.stream = stream
        self.interactive = stream.isatty()
        self.resumed = resumed
        self.documents = 0
        self.bytes = 0
        self.started = time.monotonic()
        self._last_drawn = 0.0

    def advance(self, size: int, failures: int) -> None:
        self.documents += 1
        self.bytes += size
        now = time.monotonic()
        if self.interactive and now - self._last_drawn >= _REDRAW_SECONDS:
            self._last_drawn = now
            self.stream.write("\r" + self._line(failures))
            self.stream.flush()

    def finish(self, failures: int) -> None:
        prefix = "\r" if self.interactive else ""
        self.stream.write(prefix + self._line(failures) + "\n")
        self.stream.flush()

    def _line(self, failures: int) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        failed = f", {failures} failed" if failures else ""
        resumed = f", {self.resumed} kept from the earlier run" if self.resumed else ""
        return (
            f"khabar: {self.documents:,} documents in {elapsed:,.1f} s ({self.documents / elapsed:,.1f}/s, "
            f"{self.bytes / elapsed / 1e6:,.2f} MB/s){failed}{resumed}"
        )
