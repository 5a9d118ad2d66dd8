"""The spec itself: valid, bundled fresh, examples true to their schemas, and true to its sources.

The sources are the gateway's public examples page and Kling's official API documentation; the
facts the tests compare against are copied as data into `tests/data/` (`gateway_document.json`,
`official_api.json`, each naming its source), so the suite needs nothing but the repository.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import jsonschema_rs
import pytest
import yaml
from kling_ext_openapi import models
from openapi_python_client.strings import snake_case
from openapi_spec_validator import validate

from kling_ext._spec import endpoints
from kling_ext._validation import check_request

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "kling.yaml"
GENERATED = ROOT / "generated" / "kling_ext_openapi"
DATA = ROOT / "tests" / "data"
GATEWAY: dict[str, Any] = json.loads((DATA / "gateway_document.json").read_text("utf-8"))
OFFICIAL: dict[str, Any] = json.loads((DATA / "official_api.json").read_text("utf-8"))

SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text("utf-8"))
COMPONENTS: dict[str, Any] = SPEC["components"]
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ERROR_STATUSES = ("400", "401", "403", "404", "429", "500", "502", "503", "504", "default")
GATEWAY_PREFIX = "/klingai"
KINDS = ("text2video", "image2video", "motion-control", "omni-video", "multi-image2video")


def _deref(node: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follow a `$ref` to a component (responses, parameters, requestBodies, ...)."""
    while "$ref" in node:
        section, name = node["$ref"].removeprefix("#/components/").split("/")
        node = COMPONENTS[section][name]
    return node


def _schema(node: Mapping[str, Any]) -> Mapping[str, Any]:
    """A schema with `$ref` (siblings override) and single-item `allOf` resolved."""
    while True:
        if "$ref" in node:
            target = COMPONENTS["schemas"][node["$ref"].rsplit("/", 1)[-1]]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        elif "allOf" in node and len(node["allOf"]) == 1:
            node = {**node["allOf"][0], **{k: v for k, v in node.items() if k != "allOf"}}
        else:
            return node


def _operations() -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    for path, item in SPEC["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def _create_ops() -> dict[str, Mapping[str, Any]]:
    """The POST operation of each video endpoint, by its path segment."""
    return {
        path.removeprefix("/v1/videos/"): op
        for path, method, op in _operations()
        if method == "post" and path.startswith("/v1/videos/")
    }


def _request_schema_name(kind: str) -> str:
    ref = _create_ops()[kind]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return str(ref.rsplit("/", 1)[-1])


# ------------------------------------------------------------------ the document


def test_spec_is_valid_openapi() -> None:
    validate(SPEC)


def test_bundled_openapi_json_is_the_yaml() -> None:
    bundled = json.loads((GENERATED / "openapi.json").read_text("utf-8"))
    assert bundled == SPEC, "generated/ is stale: run scripts/regenerate"


def test_provenance_names_this_spec() -> None:
    text = (GENERATED / "PROVENANCE").read_text("utf-8")
    found = re.search(r"^spec: openapi/kling\.yaml sha256=([0-9a-f]{64})$", text, re.MULTILINE)
    assert found, f"PROVENANCE has no spec sha256 line:\n{text}"
    assert found[1] == hashlib.sha256(SPEC_PATH.read_bytes()).hexdigest(), (
        "PROVENANCE was written for another spec: run scripts/regenerate"
    )


# ------------------------------------------------------------------ examples


@attrs.frozen
class Example:
    """One named example of the spec, where it was found and the schema it illustrates."""

    op: str
    where: str
    name: str
    schema: Mapping[str, Any] = attrs.field(eq=False)
    value: Any = attrs.field(eq=False)
    kind: str | None
    """The task endpoint's name (`motion-control`); None for a synchronous call."""

    @property
    def id(self) -> str:
        return f"{self.op}:{self.where}:{self.name}"

    @property
    def model_name(self) -> str | None:
        """The component schema (and so the generated model) the example is an instance of."""
        ref = self.schema.get("$ref")
        return ref.rsplit("/", 1)[-1] if ref else None


def _media_examples(
    content: Mapping[str, Any], op: str, where: str, kind: str | None
) -> Iterator[Example]:
    for media in content.values():
        for name, example in media.get("examples", {}).items():
            value = _deref(example)["value"]
            yield Example(op, where, name, media["schema"], value, kind)
        if "example" in media:
            yield Example(op, where, "example", media["schema"], media["example"], kind)


def _operation_examples(op: Mapping[str, Any], op_id: str, kind: str | None) -> Iterator[Example]:
    for param in op.get("parameters", ()):
        param = _deref(param)
        where = f"param-{param['name']}"
        for name, example in param.get("examples", {}).items():
            yield Example(op_id, where, name, param["schema"], _deref(example)["value"], kind)
        if "example" in param:
            yield Example(op_id, where, "example", param["schema"], param["example"], kind)
    if "requestBody" in op:
        yield from _media_examples(_deref(op["requestBody"])["content"], op_id, "request", kind)
    for status, response in op.get("responses", {}).items():
        content = _deref(response).get("content", {})
        yield from _media_examples(content, op_id, f"response-{status}", kind)
    for cb_name, callback in op.get("callbacks", {}).items():
        for item in _deref(callback).values():
            for method in METHODS:
                if method in item:
                    cb_op = f"{op_id}:callback-{cb_name}"
                    yield from _operation_examples(item[method], cb_op, kind)


def _kind(path: str) -> str | None:
    """The task endpoint whose create, query or list `path` is; None for a synchronous call."""
    collection = path.removesuffix("/{id}")
    return next((ep.kind for ep in endpoints().values() if ep.path == collection), None)


def _examples() -> list[Example]:
    found: dict[str, Example] = {}
    for path, _method, op in _operations():
        for example in _operation_examples(op, op["operationId"], _kind(path)):
            found.setdefault(example.id, example)
    return list(found.values())


EXAMPLES = _examples()


def _raw_example_values(node: Any) -> Iterator[Any]:
    """Every example value anywhere in the document, found without following any `$ref`."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key == "examples" and isinstance(value, Mapping):
                yield from (ex["value"] for ex in value.values() if "value" in ex)
            elif key == "examples" and isinstance(value, list):
                yield from value  # JSON Schema's own `examples`
            elif key == "example":
                yield value
            else:
                yield from _raw_example_values(value)
    elif isinstance(node, list):
        for item in node:
            yield from _raw_example_values(item)


def test_every_example_in_the_document_is_checked() -> None:
    # YAML anchors share objects, so identity tells whether the walk above reached an example.
    walked = {id(example.value) for example in EXAMPLES}
    missed = [value for value in _raw_example_values(SPEC) if id(value) not in walked]
    assert not missed, f"examples the path walk never reaches: {missed}"
    assert len(EXAMPLES) > 100


@functools.cache
def _validator(schema_json: str) -> jsonschema_rs.Draft202012Validator:
    schema = {**json.loads(schema_json), "components": COMPONENTS}
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True)


def _errors(schema: Mapping[str, Any], value: Any) -> list[str]:
    validator = _validator(json.dumps(schema, sort_keys=True))
    return [f"{list(e.instance_path)}: {e.message}" for e in validator.iter_errors(value)]


def test_every_example_matches_its_schema() -> None:
    # One test over all examples (over a thousand), not one per example: the same proof without
    # a thousand test items' overhead, and every mismatch is listed at once.
    wrong = {e.id: errors for e in EXAMPLES if (errors := _errors(e.schema, e.value))}
    assert wrong == {}


REQUEST_EXAMPLES = [e for e in EXAMPLES if e.where == "request" and "callback" not in e.op]
# A synchronous call's examples are judged by their schema alone
# (test_every_example_matches_its_schema):
# the client's own check (and `x-kling-rules`) is per task endpoint.
TASK_REQUEST_EXAMPLES = [e for e in REQUEST_EXAMPLES if e.kind is not None]


@pytest.mark.parametrize("example", TASK_REQUEST_EXAMPLES, ids=lambda e: e.id)
def test_request_example_passes_the_x_kling_rules(example: Example) -> None:
    # No seed example needs an exemption today: the gateway's empty strings (negative_prompt,
    # callback_url, external_task_id = "") are all allowed by the rules.
    assert example.kind is not None
    assert check_request(example.kind, example.value) == []


def test_request_examples_can_be_replayed() -> None:
    # Tools replay examples (schemathesis even mixes one example's field values into another
    # operation's body); a fixed external_task_id would then be refused as a duplicate.
    fixed = [e.id for e in REQUEST_EXAMPLES if e.value.get("external_task_id")]
    assert fixed == []


def test_request_examples_cover_every_create() -> None:
    assert {e.kind for e in TASK_REQUEST_EXAMPLES} == set(endpoints()) >= set(KINDS)
    assert {e.kind for e in REQUEST_EXAMPLES if e.name == "seed"} == set(KINDS)
    # Synchronous calls with a body too (text-to-speech, billing, deletes, ...).
    posts = {op["operationId"] for _path, method, op in _operations() if method == "post"}
    assert {e.op for e in REQUEST_EXAMPLES} == posts


MODEL_EXAMPLES = [e for e in EXAMPLES if e.model_name is not None]


def test_generated_models_round_trip_every_example() -> None:
    # All examples in one test (every failure listed), as for the schema check above.
    wrong = {}
    for example in MODEL_EXAMPLES:
        model = getattr(models, str(example.model_name))
        if (again := model.from_dict(example.value).to_dict()) != example.value:
            wrong[example.id] = again
    assert wrong == {}


def test_round_trip_covers_every_body_model() -> None:
    used = {e.model_name for e in MODEL_EXAMPLES}
    assert {_request_schema_name(kind) for kind in KINDS} <= used
    assert {"CreateTaskEnvelope", "TaskEnvelope", "TaskListEnvelope", "ErrorEnvelope"} <= used
    assert "Task" in {e.model_name for e in MODEL_EXAMPLES if "callback" in e.op}


# ------------------------------------------------------------------ the gateway's operations


def test_gateway_operations_are_in_the_fixture() -> None:
    # A guard for the data: the gateway document shows four creates and five queries.
    assert {tuple(op) for op in GATEWAY["operations"]} == {
        *(("post", f"/v1/videos/{k}") for k in KINDS if k != "multi-image2video"),
        *(("get", f"/v1/videos/{k}/{{id}}") for k in KINDS),
    }


def test_list_parameters_are_the_official_ones() -> None:
    # The official list: `GET /v1/videos/<endpoint>?pageNum=&pageSize=`, with defaults and ranges.
    for name, facts in OFFICIAL["list"].items():
        schema = _deref(COMPONENTS["parameters"][name.replace("page", "Page", 1)])["schema"]
        assert {k: schema[k] for k in ("default", "minimum", "maximum")} == facts, name


EXPECTED_OPERATIONS = [
    *((f"/v1/videos/{k}", "post") for k in KINDS),
    *((f"/v1/videos/{k}/{{id}}", "get") for k in KINDS),
    *((f"/v1/videos/{k}", "get") for k in KINDS),
]


@pytest.mark.parametrize(
    ("path", "method"),
    EXPECTED_OPERATIONS,
    ids=[f"{m.upper()} {p}" for p, m in EXPECTED_OPERATIONS],
)
def test_gateway_and_official_operation_is_in_the_spec(path: str, method: str) -> None:
    assert method in SPEC["paths"].get(path, {}), f"{method.upper()} {path} is missing"
    op = SPEC["paths"][path][method]
    params = {_deref(p)["name"]: _deref(p) for p in op.get("parameters", ())}
    if path.endswith("{id}"):
        assert params["id"]["in"] == "path"
        assert "external_task_id" in params["id"]["description"]
    elif method == "get":
        assert set(params) == {"pageNum", "pageSize"}
        assert all(p["in"] == "query" for p in params.values())


def test_every_gateway_operation_is_expected() -> None:
    assert {(m, p) for p, m in EXPECTED_OPERATIONS} >= {tuple(op) for op in GATEWAY["operations"]}


def test_servers_are_the_gateway_and_both_official_hosts() -> None:
    urls = [server["url"] for server in SPEC["servers"]]
    assert urls[0] == "https://api.agentsflare.com" + GATEWAY_PREFIX  # the default
    assert set(OFFICIAL["servers"]) <= set(urls)


OPERATIONS = list(_operations())
OPERATION_IDS = [op["operationId"] for _path, _method, op in OPERATIONS]


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=OPERATION_IDS)
def test_operation_id_gives_a_clean_module_name(path: str, method: str, op: Any) -> None:
    op_id = op["operationId"]
    assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", op_id), op_id
    assert snake_case(op_id) == op_id, f"the generator would name it {snake_case(op_id)}"
    assert not re.search(r"_\d", op_id), f"{op_id}: a digit split off by an underscore"
    (tag,) = op["tags"]
    module = GENERATED / "api" / snake_case(tag) / f"{op_id}.py"
    assert module.is_file(), f"{module} was not generated"


def test_operation_ids_are_unique() -> None:
    assert len(OPERATION_IDS) == len(set(OPERATION_IDS))


def test_no_yaml_merge_keys() -> None:
    # `<<:` is YAML 1.1 only; YAML 1.2 tools read it as a key named "<<".
    assert not re.search(r"^\s*<<\s*:", SPEC_PATH.read_text("utf-8"), re.MULTILINE)


# ------------------------------------------------------------------ the gateway's request fields


def _property_names(schema: Mapping[str, Any], seen: frozenset[str] = frozenset()) -> set[str]:
    """Every property name of a schema, at any depth."""
    names: set[str] = set()
    ref = schema.get("$ref")
    if ref in seen:
        return names
    seen = seen | {ref} if ref else seen
    schema = _schema(schema)
    for name, sub in schema.get("properties", {}).items():
        names |= {name} | _property_names(sub, seen)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), Mapping):
            names |= _property_names(schema[key], seen)
    for key in ("anyOf", "oneOf"):
        for sub in schema.get(key, ()):
            names |= _property_names(sub, seen)
    return names


def _request_properties(kind: str) -> Mapping[str, Any]:
    return dict(_schema({"$ref": f"#/components/schemas/{_request_schema_name(kind)}"}))[
        "properties"
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_gateway_table_fields_are_request_fields(kind: str) -> None:
    missing = set(GATEWAY["fields"][kind]["table"]) - set(_request_properties(kind))
    assert not missing, f"{kind}: the gateway documents {sorted(missing)}, the spec does not"


@pytest.mark.parametrize("kind", KINDS)
def test_gateway_body_keys_are_request_fields(kind: str) -> None:
    names = _property_names({"$ref": f"#/components/schemas/{_request_schema_name(kind)}"})
    missing = set(GATEWAY["fields"][kind]["body"]) - names
    assert not missing, f"{kind}: the gateway sends {sorted(missing)}, the spec does not know them"


GATEWAY_BODIES = [(b["kind"], b["label"], b["body"]) for b in GATEWAY["bodies"]]
# Where the spec's `seed*` examples knowingly differ from the gateway's literal bodies.
GATEWAY_BODY_DIFFERS = {
    "omni-video-body2": (
        "the gateway's multi-shot structure sends multi_prompt[].duration as JSON numbers (2, 3) "
        "and no top-level duration; the spec reads both, but its seed_multi_shot example shows "
        'what clients send: "2"/"3" and duration "5"'
    ),
    "multi-image2video-body1": (
        'the gateway\'s legacy body uses the placeholders "<image_1>"/"<image_2>"; the spec '
        "example uses image URLs"
    ),
    "motion-control-body1": (
        'the gateway\'s body carries the fixed external_task_id "demo-motion-001", which a '
        "replayed example would send twice (a duplicate is refused); the spec example sends none"
    ),
    "text2video-python": "the Python payload is the curl body without its empty strings",
    "image2video-javascript": 'the JavaScript payload without an end frame (image_tail "")',
}
# Bodies that are not valid requests as written: placeholders instead of images.
GATEWAY_BODY_PLACEHOLDERS = {"multi-image2video-body1"}


def test_gateway_bodies_are_in_the_fixture() -> None:
    labels = [label for _kind, label, _body in GATEWAY_BODIES]
    assert set(labels) >= {
        "text2video-body1", "image2video-body1", "motion-control-body1", "omni-video-body1",
        "omni-video-body2", "multi-image2video-body1", "image2video-python",
        "image2video-javascript",
    }  # fmt: skip
    assert set(GATEWAY_BODY_DIFFERS) <= set(labels)


def _gateway_body_params(*, valid: bool) -> list[Any]:
    params = []
    for kind, label, body in GATEWAY_BODIES:
        reason = GATEWAY_BODY_PLACEHOLDERS if valid else GATEWAY_BODY_DIFFERS
        marks = []
        if label in reason:
            text = "placeholders are not images" if valid else GATEWAY_BODY_DIFFERS[label]
            marks = [pytest.mark.xfail(strict=True, reason=text)]
        params.append(pytest.param(kind, body, id=label, marks=marks))
    return params


@pytest.mark.parametrize(("kind", "body"), _gateway_body_params(valid=True))
def test_gateway_body_is_a_valid_request(kind: str, body: dict[str, Any]) -> None:
    # Schema and rules alike: "" for image_tail, callback_url or external_task_id means none.
    assert check_request(kind, body) == []


@pytest.mark.parametrize(("kind", "body"), _gateway_body_params(valid=False))
def test_gateway_body_is_a_spec_seed_example(kind: str, body: dict[str, Any]) -> None:
    examples = _create_ops()[kind]["requestBody"]["content"]["application/json"]["examples"]
    seeds = [ex["value"] for name, ex in examples.items() if name.startswith("seed")]
    assert body in seeds


@pytest.mark.parametrize("field", sorted(OFFICIAL["fields_the_gateway_omits"]))
def test_official_field_the_gateway_omits_is_on_its_endpoints(field: str) -> None:
    listed = {kind for kind, fields in OFFICIAL["fields"].items() if field in fields}
    assert listed == set(OFFICIAL["fields_the_gateway_omits"][field])
    for kind in listed:
        assert field in _request_properties(kind), f"{kind} lacks {field}"


@pytest.mark.parametrize("kind", KINDS)
def test_every_official_field_is_a_request_field(kind: str) -> None:
    assert len(OFFICIAL["fields"][kind]) >= 8
    missing = set(OFFICIAL["fields"][kind]) - set(_request_properties(kind))
    assert not missing, f"{kind}: the official API documents {sorted(missing)}"


@pytest.mark.parametrize("kind", sorted(OFFICIAL["defaults"]))
def test_documented_defaults_are_json_schema_defaults(kind: str) -> None:
    properties = _request_properties(kind)
    found = {name: properties[name].get("default") for name in OFFICIAL["defaults"][kind]}
    assert found == OFFICIAL["defaults"][kind]


def test_callback_task_result_has_images_and_videos() -> None:
    result = _schema({"$ref": "#/components/schemas/TaskResult"})
    assert set(OFFICIAL["callback_task_result"]) <= set(result["properties"])


# ------------------------------------------------------------------ enums


def _response_schemas() -> list[Mapping[str, Any]]:
    """The schemas of every answer and of every callback body."""
    schemas = []
    for _path, _method, op in _operations():
        for response in op["responses"].values():
            schemas += [m["schema"] for m in _deref(response).get("content", {}).values()]
        for callback in op.get("callbacks", {}).values():
            for item in _deref(callback).values():
                for cb_op in item.values():
                    content = _deref(cb_op["requestBody"])["content"]
                    schemas += [m["schema"] for m in content.values()]
    return schemas


def _closed_enums(schema: Any, trail: str, seen: set[str]) -> Iterator[str]:
    """Enums a response may not extend: each must sit in an anyOf beside a plain string."""
    if isinstance(schema, list):
        for i, sub in enumerate(schema):
            yield from _closed_enums(sub, f"{trail}[{i}]", seen)
        return
    if not isinstance(schema, Mapping):
        return
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            seen.add(name)
            yield from _closed_enums(COMPONENTS["schemas"][name], name, seen)
    if "enum" in schema:
        yield trail
    for key, value in schema.items():
        if key == "anyOf":
            opener = any("enum" not in _schema(s) and _schema(s).get("type") for s in value)
            for i, sub in enumerate(value):
                if not (opener and "enum" in sub):
                    yield from _closed_enums(sub, f"{trail}.anyOf[{i}]", seen)
                else:
                    for k, v in sub.items():
                        if k != "enum":
                            yield from _closed_enums(v, f"{trail}.anyOf[{i}].{k}", seen)
        elif key not in ("enum", "$ref") and isinstance(value, Mapping | list):
            yield from _closed_enums(value, f"{trail}.{key}", seen)


def test_response_enums_are_open() -> None:
    seen: set[str] = set()
    closed = [t for s in _response_schemas() for t in _closed_enums(s, "response", seen)]
    assert closed == []
    assert "TaskStatus" in seen
    status = COMPONENTS["schemas"]["TaskStatus"]
    assert status["anyOf"][0]["enum"] == ["submitted", "processing", "succeed", "failed"]
    assert status["anyOf"][1] == {"type": "string"}


def test_made_up_status_parses() -> None:
    body = {"task_id": "t-1", "task_status": "queued_for_review"}
    assert _errors({"$ref": "#/components/schemas/Task"}, body) == []
    task = models.Task.from_dict(body)
    assert task.task_status == "queued_for_review"
    assert task.to_dict() == body


@pytest.mark.parametrize("kind", KINDS)
def test_request_enums_are_closed(kind: str) -> None:
    name = _request_schema_name(kind)
    seed = _create_ops()[kind]["requestBody"]["content"]["application/json"]["examples"]["seed"]
    body = {**seed["value"], "mode": "ultra"}
    assert _errors({"$ref": f"#/components/schemas/{name}"}, body), "mode 'ultra' was accepted"
    assert check_request(kind, body)
    with pytest.raises(TypeError, match="ultra"):
        getattr(models, name).from_dict(body)
    bad_model = {**seed["value"], "model_name": "kling-v9"}
    assert _errors({"$ref": f"#/components/schemas/{name}"}, bad_model)


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=OPERATION_IDS)
def test_error_envelope_is_documented(path: str, method: str, op: Any) -> None:
    responses = op["responses"]
    for status in ERROR_STATUSES:
        assert status in responses, f"{op['operationId']}: no {status} answer"
        content = _deref(responses[status])["content"]["application/json"]
        assert content["schema"] == {"$ref": "#/components/schemas/ErrorEnvelope"}, status
    headers = _deref(responses["429"]).get("headers", {})
    assert "Retry-After" in headers, f"{op['operationId']}: 429 without Retry-After"
    assert _deref(headers["Retry-After"])["schema"]["type"] == "string"


CODE_ROW = re.compile(r"^\|\s*(\d{3})\s*\|\s*(\d+)\s*\|", re.MULTILINE)


def test_business_codes_cover_the_official_table() -> None:
    wanted = {(h, c) for h, c in OFFICIAL["error_codes"]}
    assert {c for _h, c in wanted} == {
        *range(1000, 1005), *range(1100, 1104), *range(1200, 1204), *range(1300, 1305),
        *range(5000, 5003),
    }  # fmt: skip
    documented = {(int(h), int(c)) for h, c in CODE_ROW.findall(SPEC["info"]["description"])}
    assert wanted - documented == set(), "codes (HTTP, code) missing from info.description"


def test_unknown_task_is_a_bad_request_not_a_not_found() -> None:
    unknown = OFFICIAL["unknown_task"]
    bad = _deref(COMPONENTS["responses"]["BadRequest"])["content"]["application/json"]
    assert bad["examples"]["unknown_task"]["value"]["code"] == unknown["code"]
    assert "400/1201" in COMPONENTS["responses"]["NotFound"]["description"]


# ------------------------------------------------------------------ model capabilities


def test_no_project_only_extension_says_what_json_schema_can() -> None:
    # Only what JSON Schema cannot say stays an extension: client defaults, media limits, the sum,
    # and what OpenAPI has no word for: an operation's name and what its answer holds to save.
    text = SPEC_PATH.read_text("utf-8")
    assert set(re.findall(r"x-kling-[a-z-]+", text)) <= {
        "x-kling-default",
        "x-kling-media",
        "x-kling-rules",
        "x-kling-name",
        "x-kling-output",
    }
    outputs = {op.get("x-kling-output", "videos") for _path, _method, op in _operations()}
    assert outputs <= {"videos", "images", "audios", "none"}
    rules = [r for s in COMPONENTS["schemas"].values() for r in s.get("x-kling-rules", ())]
    assert all(set(rule) <= {"sum_equals", "if", "message"} for rule in rules)


@pytest.mark.parametrize("kind", KINDS)
def test_capabilities_name_exactly_the_spec_models(kind: str) -> None:
    model = _schema(_request_properties(kind)["model_name"])
    assert set(model["enum"]) == set(OFFICIAL["capabilities"][kind])
    assert model["x-kling-default"] in model["enum"]


# A body each endpoint accepts with any model; the capability cases change one thing at a time.
BASE: dict[str, dict[str, Any]] = {
    "text2video": {"prompt": "a rabbit"},
    "image2video": {"prompt": "zoom", "image": "https://x.test/a.png"},
    # A reference image (no frame): the generic durations, not those of text alone.
    "omni-video": {
        "prompt": "<<<image_1>>> runs",
        "aspect_ratio": "16:9",
        "image_list": [{"image_url": "https://x.test/a.png"}],
    },
    "motion-control": {"image_url": "https://x.test/a.png", "video_url": "https://x.test/m.mp4"},
    "multi-image2video": {"prompt": "blend", "image_list": [{"image": "https://x.test/a.png"}]},
}
MODES = _schema({"$ref": "#/components/schemas/Mode"})["enum"]
DURATIONS = _schema({"$ref": "#/components/schemas/Duration"})["enum"]
MASK = "https://x.test/mask.png"
CAMERA = {"type": "simple", "config": {"zoom": 5}}


def _capability_cases() -> Iterator[Any]:
    """(kind, body, accepted) for every documented capability of every model."""
    for kind, by_model in OFFICIAL["capabilities"].items():
        if kind == "_":
            continue
        # The fields a raw body must carry that kling-ext would fill (model_name, duration, ...).
        defaults = dict(endpoints()[kind].defaults)
        mode_required = "mode" in endpoints()[kind].schema.get("required", ())
        for model, caps in by_model.items():
            base = {**defaults, **BASE[kind], "model_name": model}
            modes = caps["modes"]
            no_mode = {name: value for name, value in base.items() if name != "mode"}
            yield kind, model, "no mode", no_mode, not mode_required
            for mode in MODES:
                yield kind, model, f"mode {mode}", {**base, "mode": mode}, mode in (modes or ())
            for duration in DURATIONS if "durations" in caps else ():
                body = {**base, "duration": duration}
                yield kind, model, f"{duration} s", body, duration in caps["durations"]
            for mode in modes or [None]:
                body = {**base, "sound": "on", **({"mode": mode} if mode else {})}
                if "sound" in caps:
                    yield kind, model, f"sound in {mode}", body, mode in caps["sound"]
            if "cfg_scale" in caps:
                yield kind, model, "cfg_scale", {**base, "cfg_scale": 0.5}, caps["cfg_scale"]
            yield from _feature_cases(kind, model, base, caps)


def _feature_cases(
    kind: str, model: str, base: dict[str, Any], caps: Mapping[str, Any]
) -> Iterator[Any]:
    features = {
        "end_frame": {"image_tail": "https://x.test/b.png"},
        "motion_brush": {"static_mask": MASK},
        "camera_control": {"camera_control": CAMERA},
    }
    for feature, extra in features.items():
        if feature not in caps:
            continue
        support = caps[feature]
        for mode in caps["modes"] or [None]:
            for duration in caps["durations"]:
                body = {**base, **extra, "duration": duration, **({"mode": mode} if mode else {})}
                if support and "sound" in support:
                    body["sound"] = support["sound"]
                ok = bool(support) and mode in support["modes"] and duration in support["durations"]
                yield kind, model, f"{feature} {mode} {duration} s", body, ok
    for feature in ("multi_shot", "element_list", "voice_list"):
        if feature in caps:
            extra = {
                "multi_shot": {"multi_shot": True, "shot_type": "intelligence"},
                "element_list": {"element_list": [{"element_id": 1}]},
                "voice_list": {"voice_list": [{"voice_id": "v"}], "sound": "on", "mode": "pro"},
            }[feature]
            # image2video's multi-shot keeps its start frame, as the official example sends it.
            body = {**base, **extra}
            yield kind, model, feature, body, caps[feature]
    if "text_only_durations" in caps:
        text_only = {k: v for k, v in base.items() if k != "image_list"}
        for duration in caps["durations"]:
            body = {**text_only, "duration": duration}
            ok = duration in caps["text_only_durations"]
            yield kind, model, f"text only {duration} s", body, ok


CAPABILITY_CASES = [
    (f"{kind}:{model}:{label}:{'ok' if ok else 'refused'}", kind, body, ok)
    for kind, model, label, body, ok in _capability_cases()
]


@pytest.mark.parametrize("kind", KINDS)
def test_spec_rules_follow_the_official_capability_map(kind: str) -> None:
    # Plain JSON Schema validation of the spec (what any tool sees) and the client's check agree
    # with the official capability map. One test per endpoint over its cases (hundreds in all),
    # listing every case that disagrees.
    name = _request_schema_name(kind)
    wrong = {}
    for case_id, case_kind, body, accepted in CAPABILITY_CASES:
        if case_kind != kind:
            continue
        plain = _errors({"$ref": f"#/components/schemas/{name}"}, body)
        client = check_request(kind, body)
        if (plain == []) is not accepted or (client == []) is not accepted:
            wrong[case_id] = {"json schema": plain, "client": client}
    assert wrong == {}


def test_capability_cases_cover_every_model() -> None:
    assert len(CAPABILITY_CASES) > 300
    # Each case belongs to an endpoint the per-endpoint test above walks.
    assert {kind for _id, kind, _body, _ok in CAPABILITY_CASES} == set(KINDS)
