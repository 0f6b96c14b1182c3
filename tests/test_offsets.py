"""The offset spaces (extractor/offsets.py) are kept apart by the type checker: a span of one space
handed to a function of another is an error `make typecheck` reports; the right one is not."""

import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
MISUSE = """
from extractor.offsets import DocumentOffset, NormalizedOffset
from extractor.text_layout import TextLayout


def raw_span_of(layout: TextLayout) -> None:
    layout.raw_span({space}(3), {space}(5))
"""


def _mypy(tmp_path: Path, space: str) -> subprocess.CompletedProcess:
    module = tmp_path / "uses_an_offset.py"
    module.write_text(MISUSE.format(space=space), encoding="utf-8")
    command = [
        sys.executable, "-m", "mypy", "--follow-imports=silent", "--ignore-missing-imports", "--no-incremental", str(module),
    ]
    return subprocess.run(command, capture_output=True, text=True, cwd=REPOSITORY, check=False)


@pytest.mark.slow  # mypy reads the package: a few seconds
def test_offsets_a_normalized_span_is_no_document_span(tmp_path):
    wrong = _mypy(tmp_path, "NormalizedOffset")
    assert wrong.returncode == 1
    assert 'incompatible type "NormalizedOffset"; expected "DocumentOffset"' in wrong.stdout
    right = _mypy(tmp_path, "DocumentOffset")
    assert right.returncode == 0, right.stdout
