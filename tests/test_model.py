"""The event record: the checked-in JSON Schema is the model's, every field is documented, and
what ``casus extract`` writes for the samples validates (docs/event-record.md)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from casus.model import Claim, Deaths, Event, Span, span_text

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "docs" / "event-record.schema.json"
DOC = ROOT / "docs" / "event-record.md"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_checked_in_schema_is_the_models(schema):
    assert schema == Event.model_json_schema(), "the model changed: run `make schema` and update docs/event-record.md"


def test_schema_file_is_what_the_script_prints():
    printed = subprocess.run([sys.executable, str(ROOT / "scripts" / "event_schema.py")],
                             capture_output=True, text=True, check=True).stdout
    assert printed == SCHEMA.read_text(encoding="utf-8")


def test_schema_is_a_valid_json_schema(schema):
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("model", [Event, Claim, Deaths, Span], ids=lambda m: m.__name__)
def test_every_field_is_documented(model):
    documented = set(re.findall(r"`([a-z_0-9]+)`", DOC.read_text(encoding="utf-8")))
    fields = set(model.model_json_schema()["properties"])
    assert fields - documented == set()


def test_the_claim_vocabulary_is_documented():
    text = DOC.read_text(encoding="utf-8")
    kinds = Claim.model_json_schema()["properties"]["kind"]["enum"]
    missing = [k for k in kinds if f"`{k}`" not in text]
    assert missing == []


@pytest.fixture(scope="module")
def extracted_lines() -> list[str]:
    result = subprocess.run([str(Path(sys.executable).parent / "casus"), "extract", "samples", "-o", "-", "-q"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_every_line_extract_writes_validates(schema, extracted_lines):
    validator = jsonschema.Draft202012Validator(schema)
    assert extracted_lines
    for line in extracted_lines:
        errors = sorted(validator.iter_errors(json.loads(line)), key=str)
        assert errors == [], (line[:200], [e.message for e in errors[:3]])


@pytest.fixture(scope="module")
def sample_claims():
    from casus.extract.pipeline import extract
    from casus.ingest import read_paths

    out = []
    for doc in read_paths([SAMPLES]):
        if isinstance(doc, Exception):
            pytest.fail(f"sample refused: {doc}")
        out += [(doc, c) for e in extract(doc) for c in e.claims]
    assert out
    return out


def test_every_quote_is_its_spans_text(sample_claims):
    for doc, c in sample_claims:
        assert c.doc_id == doc.doc_id
        assert c.quote == span_text(doc.text, c.spans), (doc.doc_id, c.quote)
        assert all(0 <= s.start < s.end <= len(doc.text) for s in c.spans)
        assert c.spans == sorted(c.spans, key=lambda s: s.start)


def test_every_context_holds_its_quote(sample_claims):
    for doc, c in sample_claims:
        assert c.context is not None
        assert c.context.start <= c.spans[0].start and c.spans[-1].end <= c.context.end, (doc.doc_id, c.quote)


def test_claim_ranges_are_ordered(sample_claims):
    for _, c in sample_claims:
        if c.low is not None:
            assert c.high is not None and c.low <= c.high
            if c.low != c.high:
                assert c.approx
