"""model/prepare.py: every PEYMA PER, ORG and LOC span survives normalization onto spaCy's tokens, the split is
fixed, and the ZWNJ variants keep their entities (skipped without ../shared)."""

import subprocess
import sys

import pytest
from support import REPOSITORY, shared_file

pytestmark = pytest.mark.slow


def test_prepare_keeps_every_entity_and_a_fixed_split(tmp_path):
    data = shared_file("peyma/dev.jsonl")
    command = [sys.executable, str(REPOSITORY / "model" / "prepare.py"), "--data", str(data), "--out", str(tmp_path), "--zwnj-variants"]
    printed = subprocess.run(command, capture_output=True, text=True, check=True, cwd=REPOSITORY).stdout
    assert "left out" not in printed
    assert "train: LOC 3599, ORG 3745, PERSON 2666, ZWNJ variants 3433, sentences 5925" in printed
    assert "dev: LOC 650, ORG 700, PERSON 465, sentences 1068" in printed
    assert (tmp_path / "train.spacy").is_file() and (tmp_path / "dev.spacy").is_file()
