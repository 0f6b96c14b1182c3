"""Helpers shared by the tests: corpus lines, shared data (skipped cleanly when absent), span invariants,
the local page served in a thread."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from extractor import invariants, serve
from extractor.models import Document

REPOSITORY = Path(__file__).resolve().parent.parent
CORPUS = REPOSITORY / "corpus"
SHARED_DATA = REPOSITORY.parent / "shared" / "data"


def bench_module(name: str) -> ModuleType:
    """A module of bench/, loaded by path. bench/ goes last on sys.path, as the scripts put it when run
    (first, bench/numbers.py would shadow the standard library's `numbers`), so that they import each
    other (`scores`, `eval_documents`)."""
    if str(REPOSITORY / "bench") not in sys.path:
        sys.path.append(str(REPOSITORY / "bench"))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPOSITORY / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[f"bench_{name}"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def corpus_lines(name: str) -> list[dict]:
    """The lines of corpus/<name>.jsonl, as pytest parameters named by line number."""
    path = CORPUS / f"{name}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [pytest.param(json.loads(line), id=f"{name}:{number}") for number, line in enumerate(lines, 1) if line]


def shared_file(relative: str) -> Path:
    """A file of ../shared/data, or a clean skip that says why."""
    path = SHARED_DATA / relative
    if not path.is_file():
        pytest.skip(f"shared data not found at {path} (it sits beside the checkout in CI)")
    return path


def shared_jsonl(relative: str) -> list[dict]:
    return [json.loads(line) for line in shared_file(relative).read_text(encoding="utf-8").splitlines() if line]


def assert_span_invariants(document: Document, raw: str) -> None:
    """Every fact's and entity's text is its span in Document.text, its raw span normalizes to that text,
    and the Document is writable as UTF-8 JSON (extractor.invariants)."""
    assert invariants.problems(document, raw) == []


@contextlib.contextmanager
def served_page() -> Iterator[str]:
    """`khabar serve`'s server on a free port of 127.0.0.1, in a thread: its address (no trailing slash)."""
    httpd = serve.server("127.0.0.1", 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host, port = httpd.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        httpd.shutdown()
        httpd.server_close()
