"""Each format checked by its own validator: the vendored SARIF 2.1.0 schema (jsonschema),
cyclonedx-python-lib's JSON validator (CycloneDX 1.6 schema it ships), spdx-tools' validator,
the vendored SPDX 3.0.1 JSON Schema (jsonschema-rs) and spdx-python-model's reader."""

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


@lru_cache(maxsize=1)
def _spdx3_validator():
    # jsonschema-rs, not jsonschema: the schema's anyOf over every class with unevaluatedProperties
    # took python-jsonschema 52 s on one 102-element document (same verdict), jsonschema-rs 25 ms.
    import jsonschema
    import jsonschema_rs

    schema = json.loads((DATA / "spdx3" / "spdx-json-schema-3.0.1.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema_rs.Draft202012Validator(schema)


def spdx3_schema_errors(data: dict) -> list[str]:
    """What the official SPDX 3.0.1 JSON Schema (tests/data/spdx3) says is wrong with ``data``."""
    errors = sorted(_spdx3_validator().iter_errors(data), key=lambda e: [str(p) for p in e.instance_path])
    return [f"{list(e.instance_path)}: {e.message[-300:]}" for e in errors]


def validate_spdx3(text: str) -> dict:
    """Fail unless ``text`` is SPDX 3.0.1 JSON-LD valid against the official JSON Schema and
    spdx-python-model reads it back with every reference resolved; return it."""
    import io

    from spdx_python_model import v3_0_1 as spdx

    data = json.loads(text)
    errors = spdx3_schema_errors(data)
    assert not errors, "\n".join(errors[:10])
    objects = spdx.SHACLObjectSet()
    spdx.JSONLDDeserializer().read(io.StringIO(text), objects)
    individuals = {"https://spdx.org/rdf/3.0.1/terms/ExpandedLicensing/NoAssertionLicense",
                   "https://spdx.org/rdf/3.0.1/terms/ExpandedLicensing/NoneLicense"}
    assert objects.missing_ids <= individuals, sorted(objects.missing_ids - individuals)[:5]
    (document,) = objects.foreach_type(spdx.SpdxDocument)
    assert document.creationInfo.specVersion == "3.0.1"
    return data


VALIDATORS["spdx3-json"] = validate_spdx3
