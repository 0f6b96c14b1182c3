import json

from support import REPOSITORY

from extractor.models import Document

SCHEMA = REPOSITORY / "schemas" / "document.schema.json"


def test_schema_is_current():
    """schemas/ is generated from extractor/models.py; regenerate with `make schema`."""
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert committed == Document.model_json_schema(), "schemas/document.schema.json is stale: run `make schema`"
