"""Each format checked by its own validator: the vendored SARIF 2.1.0 schema (jsonschema),
cyclonedx-python-lib's JSON validator (CycloneDX 1.6 schema it ships), spdx-tools' validator."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=1)
def _sarif_validator():
    import jsonschema

    schema = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def validate_sarif(text: str) -> dict:
    """Fail unless ``text`` is a SARIF 2.1.0 log valid against the OASIS schema; return it."""
    data = json.loads(text)
    errors = sorted(_sarif_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return data


VALIDATORS = {"sarif": validate_sarif}


def validate_cyclonedx(text: str) -> dict:
    """Fail unless ``text`` is valid CycloneDX 1.6 JSON by cyclonedx-python-lib's strict validator; return it."""
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    errors = JsonStrictValidator(SchemaVersion.V1_6).validate_str(text, all_errors=True)
    assert errors is None, "\n".join(str(e)[:500] for e in list(errors)[:5])
    return json.loads(text)


VALIDATORS["cyclonedx-json"] = validate_cyclonedx


def validate_spdx(text: str) -> dict:
    """Fail unless spdx-tools parses ``text`` as SPDX 2.3 JSON and its validator finds nothing; return it."""
    import tempfile

    from spdx_tools.spdx.parser.parse_anything import parse_file
    from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.spdx.json"
        path.write_text(text, encoding="utf-8")
        document = parse_file(str(path))
    messages = [m.validation_message for m in validate_full_spdx_document(document)]
    assert not messages, "\n".join(messages[:10])
    assert document.creation_info.spdx_version == "SPDX-2.3"
    return json.loads(text)


VALIDATORS["spdx-json"] = validate_spdx


@lru_cache(maxsize=1)
def _mot_validator():
    import jsonschema

    schema = json.loads((DATA / "mof" / "mof_schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def validate_mot(text: str) -> dict:
    """Fail unless ``text`` is a Model Openness Tool model record valid against the MOT's schema
    (tests/data/mof/mof_schema.json); return it."""
    import yaml

    data = yaml.safe_load(text)
    errors = sorted(_mot_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return data


VALIDATORS["mot-yaml"] = validate_mot
