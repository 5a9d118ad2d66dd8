"""The spec itself: valid, bundled fresh, examples true to their schemas, and faithful to the seed.

The seed is the gateway's own document (/work/shared/seed/kling-gateway-api.md, Chinese); the
reference is /work/shared/reference/kling-api.md. Both are parsed, not restated, wherever a hand
list would drift; where a list is written by hand, a test checks the source still says it.
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

from kling_ext._validation import check_request

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "kling.yaml"
GENERATED = ROOT / "generated" / "kling_ext_openapi"
SEED_PATH = Path("/work/shared/seed/kling-gateway-api.md")
REFERENCE_PATH = Path("/work/shared/reference/kling-api.md")

SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text("utf-8"))
COMPONENTS: dict[str, Any] = SPEC["components"]
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ERROR_STATUSES = ("400", "401", "403", "404", "429", "500", "502", "503", "504", "default")
GATEWAY_PREFIX = "/klingai"
KINDS = ("text2video", "image2video", "motion-control", "omni-video", "multi-image2video")


def _read(path: Path) -> str:
    if not path.is_file():
        pytest.fail(f"{path} is missing: the spec tests compare the spec against it")
    return path.read_text("utf-8")


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
    kind: str
    """The endpoint's path segment (`motion-control`)."""

    @property
    def id(self) -> str:
        return f"{self.op}:{self.where}:{self.name}"

    @property
    def model_name(self) -> str | None:
        """The component schema (and so the generated model) the example is an instance of."""
        ref = self.schema.get("$ref")
        return ref.rsplit("/", 1)[-1] if ref else None


def _media_examples(
    content: Mapping[str, Any], op: str, where: str, kind: str
) -> Iterator[Example]:
    for media in content.values():
        for name, example in media.get("examples", {}).items():
            value = _deref(example)["value"]
            yield Example(op, where, name, media["schema"], value, kind)
        if "example" in media:
            yield Example(op, where, "example", media["schema"], media["example"], kind)


def _operation_examples(op: Mapping[str, Any], op_id: str, kind: str) -> Iterator[Example]:
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


def _examples() -> list[Example]:
    found: dict[str, Example] = {}
    for path, _method, op in _operations():
        kind = path.removeprefix("/v1/videos/").split("/")[0]
        for example in _operation_examples(op, op["operationId"], kind):
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


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.id)
def test_example_matches_its_schema(example: Example) -> None:
    assert _errors(example.schema, example.value) == []


REQUEST_EXAMPLES = [e for e in EXAMPLES if e.where == "request" and "callback" not in e.op]


@pytest.mark.parametrize("example", REQUEST_EXAMPLES, ids=lambda e: e.id)
def test_request_example_passes_the_x_kling_rules(example: Example) -> None:
    # No seed example needs an exemption today: the gateway's empty strings (negative_prompt,
    # callback_url, external_task_id = "") are all allowed by the rules.
    assert check_request(example.kind, example.value) == []


def test_request_examples_cover_every_create() -> None:
    assert {e.kind for e in REQUEST_EXAMPLES} == set(KINDS)
    assert {e.kind for e in REQUEST_EXAMPLES if e.name == "seed"} == set(KINDS)


MODEL_EXAMPLES = [e for e in EXAMPLES if e.model_name is not None]


@pytest.mark.parametrize("example", MODEL_EXAMPLES, ids=lambda e: e.id)
def test_generated_model_round_trips_example(example: Example) -> None:
    model = getattr(models, str(example.model_name))
    assert model.from_dict(example.value).to_dict() == example.value


def test_round_trip_covers_every_body_model() -> None:
    used = {e.model_name for e in MODEL_EXAMPLES}
    assert {_request_schema_name(kind) for kind in KINDS} <= used
    assert {"CreateTaskEnvelope", "TaskEnvelope", "TaskListEnvelope", "ErrorEnvelope"} <= used
    assert "Task" in {e.model_name for e in MODEL_EXAMPLES if "callback" in e.op}


# ------------------------------------------------------------------ the seed's operations

# Seed lines 49/139/222/249: `curl -X POST "https://api.agentsflare.com/klingai/v1/videos/<kind>"`.
SEED_CREATE = re.compile(r'curl -X POST "https://api\.agentsflare\.com(/klingai/v1/videos/[\w-]+)"')
# Seed line 279: `GET /klingai/v1/videos/<kind>/{id}` for four endpoints.
SEED_QUERY = re.compile(r"GET (/klingai/v1/videos/[\w-]+)/\{id\}")
# Seed lines 361-363: `/klingai/v1/videos/<kind>/{task_id}`, the only mention of the
# multi-image2video query.
SEED_QUERY_TASK_ID = re.compile(r"(/klingai/v1/videos/[\w-]+)/\{task_id\}")


def _to_spec(gateway_path: str) -> str:
    assert gateway_path.startswith(GATEWAY_PREFIX + "/v1/"), gateway_path
    return gateway_path.removeprefix(GATEWAY_PREFIX)


def _seed_operations() -> set[tuple[str, str]]:
    seed = _read(SEED_PATH)
    ops = {("post", _to_spec(p)) for p in SEED_CREATE.findall(seed)}
    ops |= {("get", _to_spec(p) + "/{id}") for p in SEED_QUERY.findall(seed)}
    ops |= {("get", _to_spec(p) + "/{id}") for p in SEED_QUERY_TASK_ID.findall(seed)}
    return ops


def test_seed_operations_are_parsed() -> None:
    # A guard for the parser: the seed shows these four creates and five queries.
    assert _seed_operations() == {
        *(("post", f"/v1/videos/{k}") for k in KINDS if k != "multi-image2video"),
        *(("get", f"/v1/videos/{k}/{{id}}") for k in KINDS),
    }


def test_legacy_multi_image_create_is_still_in_the_seed() -> None:
    # Seed lines 282-294 ("兼容旧版多图生视频"): the legacy create is shown only as a JSON body
    # for the multi-image2video channel, without a URL, so the create below is listed by hand.
    seed = _read(SEED_PATH)
    assert "兼容旧版多图生视频" in seed
    assert "旧版 multi-image2video" in seed
    assert '"model_name": "kling-v1-6"' in seed
    assert '"image_list"' in seed


def test_official_list_is_still_in_the_reference() -> None:
    # Reference §3.3: the list is `GET /v1/videos/<endpoint>?pageNum=&pageSize=`, and `{id}`
    # takes a task_id or an external_task_id.
    reference = _read(REFERENCE_PATH)
    assert "`GET /v1/videos/<endpoint>?pageNum=&pageSize=`" in reference
    assert "`task_id` **or** `external_task_id`" in reference


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
def test_seed_and_official_operation_is_in_the_spec(path: str, method: str) -> None:
    assert method in SPEC["paths"].get(path, {}), f"{method.upper()} {path} is missing"
    op = SPEC["paths"][path][method]
    params = {_deref(p)["name"]: _deref(p) for p in op.get("parameters", ())}
    if path.endswith("{id}"):
        assert params["id"]["in"] == "path"
        assert "external_task_id" in params["id"]["description"]
    elif method == "get":
        assert set(params) == {"pageNum", "pageSize"}
        assert all(p["in"] == "query" for p in params.values())


def test_every_seed_operation_is_expected() -> None:
    assert {(m, p) for p, m in EXPECTED_OPERATIONS} >= _seed_operations()


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


# ------------------------------------------------------------------ the seed's request fields

# Sections of the seed, by the heading that opens them (headings may start mid-line).
SEED_SECTIONS: list[tuple[str, tuple[str, ...]]] = [
    ("常用字段说明", ("text2video", "image2video")),  # the common-field table, lines 22-33
    ("文生视频(Text to Video)", ("text2video",)),
    ("响应示例", ()),  # line 118: the first answer example (its keys are not request fields)
    ("图生视频(Image to Video)", ("image2video",)),
    ("运动控制(Motion Control)", ("motion-control",)),
    ("Omni Video(Omni", ("omni-video",)),
    ("任务查询(Query Task)", ()),
    ("兼容旧版多图生视频", ("multi-image2video",)),
    ("调试建议", ()),
    # Lines 381-389: one table for all creates; `image` and `image_list` say where they apply.
    ("请求参数说明", ("text2video", "image2video", "multi-image2video")),
]
SEED_TABLE_ROW = re.compile(r"^([a-z_]+) \| ", re.MULTILINE)
# Keys of the JSON, Python and Java (escaped) bodies: "key": / 'key': / \"key\":
SEED_BODY_KEY = re.compile(r"""\\?["']([a-z_]+)\\?["']\s*:""")


def _seed_sections() -> list[tuple[tuple[str, ...], str]]:
    seed = _read(SEED_PATH)
    starts = []
    for heading, kinds in SEED_SECTIONS:
        at = seed.find(heading)
        assert at >= 0, f"the seed has no section {heading!r} any more"
        starts.append((at, kinds))
    starts.sort()
    ends = [at for at, _ in starts[1:]] + [len(seed)]
    return [(kinds, seed[at:end]) for (at, kinds), end in zip(starts, ends, strict=True)]


def _seed_fields() -> dict[str, dict[str, set[str]]]:
    """For each endpoint: the seed's table fields (top level) and body keys (any level)."""
    found: dict[str, dict[str, set[str]]] = {k: {"table": set(), "body": set()} for k in KINDS}
    for kinds, text in _seed_sections():
        rows = set(SEED_TABLE_ROW.findall(text))
        keys = set(SEED_BODY_KEY.findall(text))
        for kind in kinds:
            found[kind]["table"] |= rows
            found[kind]["body"] |= keys
    # Lines 388-389: `image` is for 图生视频 only and `image_list` for 多图生视频 only.
    for kind in ("text2video", "multi-image2video"):
        found[kind]["table"].discard("image")
    for kind in ("text2video", "image2video"):
        found[kind]["table"].discard("image_list")
    return found


SEED_FIELDS = _seed_fields()
# The fields the seed's tables and examples name; the parser must find them all.
SEED_FIELD_NAMES = {
    "model_name", "prompt", "negative_prompt", "duration", "mode", "aspect_ratio", "sound",
    "callback_url", "external_task_id", "image", "image_tail", "image_url", "video_url",
    "keep_original_sound", "character_orientation", "video_list", "multi_shot", "shot_type",
    "multi_prompt", "image_list",
}  # fmt: skip


def test_seed_fields_are_parsed() -> None:
    parsed = set().union(*(f["table"] | f["body"] for f in SEED_FIELDS.values()))
    assert parsed >= SEED_FIELD_NAMES
    assert SEED_FIELDS["motion-control"]["table"] >= {"image_url", "video_url"}
    assert SEED_FIELDS["omni-video"]["body"] >= {"refer_type", "index"}
    assert SEED_FIELDS["multi-image2video"]["table"] >= {"image_list", "prompt"}


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
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, ()):
            names |= _property_names(sub, seen)
    return names


@pytest.mark.parametrize("kind", KINDS)
def test_seed_table_fields_are_request_fields(kind: str) -> None:
    schema = _schema({"$ref": f"#/components/schemas/{_request_schema_name(kind)}"})
    missing = SEED_FIELDS[kind]["table"] - set(schema["properties"])
    assert not missing, f"{kind}: the seed documents {sorted(missing)}, the spec does not"


@pytest.mark.parametrize("kind", KINDS)
def test_seed_body_keys_are_request_fields(kind: str) -> None:
    names = _property_names({"$ref": f"#/components/schemas/{_request_schema_name(kind)}"})
    missing = SEED_FIELDS[kind]["body"] - names
    assert not missing, f"{kind}: the seed sends {sorted(missing)}, the spec does not know them"


def _seed_bodies() -> list[tuple[str, str, dict[str, Any]]]:
    """The seed's literal JSON request bodies: each `curl -d '{...}'` and each `json` block."""
    decoder = json.JSONDecoder()
    found = []
    for kinds, text in _seed_sections():
        if len(kinds) != 1:
            continue
        starts = [m.end() for m in re.finditer(r"-d '(?=\{)", text)]
        starts += [m.end() - 1 for m in re.finditer(r"^json\n\{", text, re.MULTILINE)]
        for n, at in enumerate(sorted(starts)):
            body, _end = decoder.raw_decode(text, at)
            found.append((kinds[0], f"{kinds[0]}-body{n + 1}", body))
    return found


SEED_BODIES = _seed_bodies()
# Where the spec's `seed*` examples knowingly differ from the seed's literal bodies.
SEED_BODY_DIFFERS = {
    "omni-video-body2": (
        "seed lines 265-276 send multi_prompt[].duration as JSON numbers (2, 3) and no top-level "
        "duration; the spec reads both, but its seed_multi_shot example shows what clients send: "
        '"2"/"3" and duration "5"'
    ),
    "multi-image2video-body1": (
        'seed lines 284-294 use the placeholders "<image_1>"/"<image_2>"; the spec example uses '
        "image URLs"
    ),
}


def _seed_body_params(strict_schema: bool) -> list[Any]:
    params = []
    for kind, label, body in SEED_BODIES:
        reason = SEED_BODY_DIFFERS.get(label)
        if strict_schema:
            reason = None  # the schema reads every seed body (placeholders are still strings)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(kind, body, id=label, marks=marks))
    return params


def test_seed_bodies_are_parsed() -> None:
    labels = [label for _kind, label, _body in SEED_BODIES]
    assert labels == [
        "text2video-body1", "image2video-body1", "motion-control-body1", "omni-video-body1",
        "omni-video-body2", "multi-image2video-body1",
    ]  # fmt: skip
    assert set(SEED_BODY_DIFFERS) <= set(labels)


@pytest.mark.parametrize(("kind", "body"), _seed_body_params(strict_schema=True))
def test_seed_body_matches_the_request_schema(kind: str, body: dict[str, Any]) -> None:
    assert _errors({"$ref": f"#/components/schemas/{_request_schema_name(kind)}"}, body) == []


@pytest.mark.parametrize(("kind", "body"), _seed_body_params(strict_schema=False))
def test_seed_body_is_a_spec_seed_example(kind: str, body: dict[str, Any]) -> None:
    examples = _create_ops()[kind]["requestBody"]["content"]["application/json"]["examples"]
    seeds = [ex["value"] for name, ex in examples.items() if name.startswith("seed")]
    assert body in seeds


# Reference §4.1-4.5: one field table per endpoint.
REFERENCE_SECTIONS = {
    "text2video": "### 4.1 ",
    "image2video": "### 4.2 ",
    "omni-video": "### 4.3 ",
    "motion-control": "### 4.4 ",
    "multi-image2video": "### 4.5 ",
}
# The official fields the seed omits (reference §13.9), where §4 lists them.
REFERENCE_EXTRA_FIELDS = {
    "watermark_info": set(KINDS),
    "cfg_scale": {"text2video", "image2video"},
    "camera_control": {"text2video", "image2video"},
    "static_mask": {"image2video"},
    "dynamic_masks": {"image2video"},
    "element_list": {"image2video", "omni-video", "motion-control"},
    "voice_list": {"image2video"},
}


def _reference_fields() -> dict[str, set[str]]:
    """Reference §4's fields per endpoint, leaving out rows whose Req is `?` (unknown)."""
    reference = _read(REFERENCE_PATH)
    found: dict[str, set[str]] = {}
    for kind, heading in REFERENCE_SECTIONS.items():
        start = reference.index(heading)
        end = reference.index("\n### ", start + 1)
        fields: set[str] = set()
        for line in reference[start:end].splitlines():
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not line.startswith("|") or len(cells) < 3 or cells[0] in ("Field", "---"):
                continue
            if cells[2] == "?":
                continue  # e.g. voice_list on text2video: UNKNOWN in the reference
            fields |= {name.strip() for name in cells[0].split("/")}
        found[kind] = fields
    return found


REFERENCE_FIELDS = _reference_fields()


@pytest.mark.parametrize("field", sorted(REFERENCE_EXTRA_FIELDS))
def test_reference_extra_field_is_on_its_endpoints(field: str) -> None:
    listed = {kind for kind, fields in REFERENCE_FIELDS.items() if field in fields}
    assert listed == REFERENCE_EXTRA_FIELDS[field], "reference §4 changed: update this test"
    for kind in listed:
        schema = _schema({"$ref": f"#/components/schemas/{_request_schema_name(kind)}"})
        assert field in schema["properties"], f"{kind} lacks {field}"


@pytest.mark.parametrize("kind", KINDS)
def test_every_reference_field_is_a_request_field(kind: str) -> None:
    schema = _schema({"$ref": f"#/components/schemas/{_request_schema_name(kind)}"})
    assert len(REFERENCE_FIELDS[kind]) >= 8
    missing = REFERENCE_FIELDS[kind] - set(schema["properties"])
    assert not missing, f"{kind}: reference §4 lists {sorted(missing)}"


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


def test_business_codes_cover_reference_section_8() -> None:
    reference = _read(REFERENCE_PATH)
    section = reference[reference.index("## 8. Error codes") : reference.index("## 9. ")]
    wanted = {(int(h), int(c)) for h, c in CODE_ROW.findall(section) if c != "0"}
    codes = {c for _h, c in wanted}
    assert codes == {
        *range(1000, 1005), *range(1100, 1104), *range(1200, 1204), *range(1300, 1305),
        *range(5000, 5003),
    }  # fmt: skip
    documented = {(int(h), int(c)) for h, c in CODE_ROW.findall(SPEC["info"]["description"])}
    assert wanted - documented == set(), "codes (HTTP, code) missing from info.description"


# ------------------------------------------------------------------ model capabilities


@pytest.mark.parametrize("kind", KINDS)
def test_x_kling_models_match_the_model_enum(kind: str) -> None:
    schema = _schema({"$ref": f"#/components/schemas/{_request_schema_name(kind)}"})
    model = _schema(schema["properties"]["model_name"])
    caps = schema["x-kling-models"]
    assert set(model["enum"]) - set(caps) == set(), "models without capabilities"
    assert set(caps) - set(model["enum"]) == set(), "capabilities for unknown models"
    assert model.get("x-kling-default", model["enum"][0]) in model["enum"]
    modes = set(_schema({"$ref": "#/components/schemas/Mode"})["enum"])
    durations = set(_schema(schema["properties"].get("duration", {})).get("enum", ()))
    for name, entry in caps.items():
        assert set(entry.get("modes", ())) <= modes, name
        if durations:
            assert set(entry.get("durations", ())) <= durations, name
