"""The spec claims only what its sources say; the client stays tolerant of the rest (issue 19).

No source documents error codes under any HTTP status, an error `data: null`, or `Retry-After`
on a 429: the spec words them as what a client may meet ("if present"), not as facts, and the
client still reads `code` whatever the status, ignores a `data` member of an error, and honours
`Retry-After` when it is there.
"""

from __future__ import annotations

import jsonschema_rs
import pytest

from kling_ext._spec import load_spec

SPEC = load_spec()
COMPONENTS = SPEC["components"]


def test_the_spec_does_not_claim_codes_arrive_under_any_status() -> None:
    text = " ".join(SPEC["info"]["description"].split())
    assert "may arrive under any HTTP status" not in text
    assert "No source documents a code under another status" in text


def test_the_error_envelope_claims_no_data_null_but_tolerates_one() -> None:
    envelope = COMPONENTS["schemas"]["ErrorEnvelope"]
    assert "data" not in envelope["properties"]
    assert "some gateways send" not in envelope["description"]
    validator = jsonschema_rs.Draft202012Validator(
        {"$ref": "#/components/schemas/ErrorEnvelope", "components": COMPONENTS}
    )
    assert validator.is_valid({"code": 1201, "message": "bad", "request_id": "r"})
    assert validator.is_valid({"code": 1201, "message": "bad", "data": None})


def test_retry_after_is_described_as_optional() -> None:
    header = COMPONENTS["headers"]["RetryAfter"]
    assert header["description"].startswith("If present")
    assert header.get("required", False) is False
    assert "if present" in " ".join(
        COMPONENTS["responses"]["TooManyRequests"]["description"].split()
    )


@pytest.mark.parametrize("data", [None, {}, "x"], ids=["null", "object", "text"])
def test_the_generated_model_reads_an_error_with_any_data(data: object) -> None:
    from kling_ext_openapi.models import ErrorEnvelope

    parsed = ErrorEnvelope.from_dict({"code": 1303, "message": "slow down", "data": data})
    assert (parsed.code, parsed.message) == (1303, "slow down")
