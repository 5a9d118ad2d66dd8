"""The bundled OpenAPI spec, and the per-endpoint facts the client and the mock read from it.

The spec is the single source of truth: paths, request schemas (model capabilities and
cross-field rules are their JSON Schema `allOf` rules), media limits (`x-kling-media`) and the
values sent when a caller gives none (`x-kling-default`) are all read from here, never restated.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

Schema = Mapping[str, Any]


@functools.cache
def load_spec() -> Mapping[str, Any]:
    """The OpenAPI document that `scripts/regenerate` bundled into the generated package."""
    # Found without importing the generated package: its __init__ imports the whole generated
    # client (~15 ms); the spec is read on first use (a create, a query, the mock), not at import.
    found = importlib.util.find_spec("kling_ext_openapi")
    locations = list(found.submodule_search_locations or ()) if found else []
    if locations and (Path(locations[0]) / "openapi.json").is_file():
        text = (Path(locations[0]) / "openapi.json").read_text("utf-8")
    else:  # e.g. installed as a zip: let importlib.resources find it
        from importlib.resources import files as resources

        files = resources("kling_ext_openapi")
        text = files.joinpath("openapi.json").read_text("utf-8")
    spec: Mapping[str, Any] = json.loads(text)
    return spec


def resolve(schema: Schema) -> Schema:
    """Follow `$ref` (keeping sibling keywords, which override) and single-item `allOf`."""
    components = load_spec()["components"]["schemas"]
    while True:
        if "$ref" in schema:
            target = components[schema["$ref"].rsplit("/", 1)[-1]]
            schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
        elif "allOf" in schema and len(schema["allOf"]) == 1:
            schema = {**schema["allOf"][0], **{k: v for k, v in schema.items() if k != "allOf"}}
        else:
            return schema


@attrs.frozen(kw_only=True)
class Endpoint:
    """One task endpoint (`text2video`, `motion-control`, ...) as the spec describes it.

    A task endpoint is a `POST` on a collection path whose tasks are read back with `GET
    {path}/{id}`; synchronous endpoints (answering their result at once) are not among them.
    """

    kind: str
    """The endpoint's name as the CLI, batch jobs and the mock use it, e.g. `motion-control`."""
    attr: str
    """The Python name, e.g. `motion_control`."""
    path: str
    """The collection path of the spec, e.g. `/v1/videos/motion-control`."""
    output: str
    """What its tasks make, as `task_result` names it: `videos`, `images` or `audios`."""
    schema_name: str
    """The request body's schema, e.g. `MotionControlRequest`."""
    create_operation: str
    get_operation: str
    list_operation: str | None

    @property
    def schema(self) -> Schema:
        """The request body's schema (resolved)."""
        return _request_schema(self.schema_name)

    @property
    def defaults(self) -> Mapping[str, Any]:
        """`x-kling-default` of each field: what a client sends when the caller gives none."""
        return _defaults(self.schema_name)

    @property
    def fields(self) -> tuple[str, ...]:
        """The request body's field names, in spec order."""
        return tuple(self.schema.get("properties", {}))


# Cached: the spec never changes at run time, and these run on every create and mock query.
@functools.cache
def _request_schema(name: str) -> Schema:
    return MappingProxyType(dict(resolve({"$ref": f"#/components/schemas/{name}"})))


@functools.cache
def _defaults(name: str) -> Mapping[str, Any]:
    properties = _request_schema(name).get("properties", {})
    return MappingProxyType(
        {
            field: resolve(sub)["x-kling-default"]
            for field, sub in properties.items()
            if "x-kling-default" in resolve(sub)
        }
    )


def _operations() -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    for path, item in load_spec()["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def endpoint_name(path: str, operation: Mapping[str, Any]) -> str:
    """The name of the endpoint at `path`: its `x-kling-name`, else one made from the path.

    Video endpoints keep their last segment (`/v1/videos/motion-control` → `motion-control`);
    others join their segments below `/v1` (`/v1/images/generations` → `images-generations`).
    """
    named = operation.get("x-kling-name")
    if isinstance(named, str) and named:
        return named.replace("_", "-")
    rest = path.removeprefix("/v1/videos/") if path.startswith("/v1/videos/") else path
    return rest.removeprefix("/v1/").strip("/").replace("/", "-")


@functools.cache
def endpoints() -> Mapping[str, Endpoint]:
    """Every task endpoint of the spec, by its name (`motion-control`), in spec order."""
    paths = load_spec()["paths"]
    found: dict[str, Endpoint] = {}
    for path, method, op in _operations():
        query = paths.get(f"{path}/{{id}}", {}).get("get")
        if method != "post" or query is None:
            continue  # not a task endpoint: synchronous, or not a create
        ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        kind = endpoint_name(path, op)
        found[kind] = Endpoint(
            kind=kind,
            attr=kind.replace("-", "_"),
            path=path,
            output=op.get("x-kling-output", "videos"),
            schema_name=ref.rsplit("/", 1)[-1],
            create_operation=op["operationId"],
            get_operation=query["operationId"],
            list_operation=paths[path].get("get", {}).get("operationId"),
        )
    return found


@attrs.frozen(kw_only=True)
class QueryParameter:
    """One query parameter of a synchronous `GET` call, as the spec describes it."""

    name: str
    schema: Schema = attrs.field(eq=False)
    required: bool = False
    description: str = ""


@attrs.frozen(kw_only=True)
class Call:
    """One synchronous endpoint (`identify-face`, `tts`, `account-costs`) as the spec describes it.

    A call answers its result at once: an operation with an `x-kling-name` that is not a task
    endpoint (a `POST` whose answers are not read back at `{path}/{id}`, or a `GET` with query
    parameters). Its arguments are the request body's fields (`POST`) or the query parameters
    (`GET`), validated against the spec either way.
    """

    kind: str
    """The call's name as the CLI and the mock use it, e.g. `identify-face`."""
    attr: str
    """The Python name, e.g. `identify_face`."""
    path: str
    """The spec path, e.g. `/v1/videos/identify-face`."""
    method: str
    """`GET`, `POST` or `DELETE`."""
    schema_name: str | None
    """The request body's schema (`POST`), or None (arguments are query parameters)."""
    query: tuple[QueryParameter, ...] = ()
    """The query parameters (`GET`, `DELETE`), in spec order."""
    output: str = "none"
    """What its answer carries to download: `none`, `videos`, `images` or `audios`."""
    operation_id: str = ""
    summary: str = ""
    response_schema: str | None = None
    """The schema of the success answer's `data` (e.g. `TtsResult`), if the spec names one."""

    @property
    def idempotent(self) -> bool:
        """Whether sending it twice is harmless (a `GET`): only then is it retried blindly."""
        return self.method == "GET"

    @property
    def schema(self) -> Schema:
        """The arguments' schema: the request body's, or an object of the query parameters."""
        if self.schema_name is not None:
            return _request_schema(self.schema_name)
        return _query_schema(self.kind)

    @property
    def defaults(self) -> Mapping[str, Any]:
        """`x-kling-default` of each field (bodies only: query parameters have none)."""
        return _defaults(self.schema_name) if self.schema_name is not None else {}

    @property
    def fields(self) -> tuple[str, ...]:
        """The argument names, in spec order."""
        return tuple(self.schema.get("properties", {}))


@functools.cache
def _query_schema(kind: str) -> Schema:
    found = calls()[kind]
    return MappingProxyType(
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {p.name: dict(p.schema) for p in found.query},
            "required": [p.name for p in found.query if p.required],
        }
    )


def _parameter(raw: Mapping[str, Any]) -> Mapping[str, Any]:
    if "$ref" not in raw:
        return raw
    node: Any = load_spec()
    for part in raw["$ref"].removeprefix("#/").split("/"):
        node = node[part]
    return node  # type: ignore[no-any-return]


def _data_schema(operation: Mapping[str, Any]) -> str | None:
    """The schema name of a success answer's `data`, followed through its envelope."""
    try:
        content = operation["responses"]["200"]["content"]["application/json"]["schema"]
        data = resolve(content).get("properties", {}).get("data", {})
    except (KeyError, TypeError):
        return None
    ref = data.get("$ref") if isinstance(data, Mapping) else None
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


@functools.cache
def calls() -> Mapping[str, Call]:
    """Every synchronous endpoint of the spec, by its name (`identify-face`), in spec order.

    An operation is a call when it has an `x-kling-name` and is not a task endpoint's create:
    a `POST` with no `GET {path}/{id}` beside it, or a `GET` (or `DELETE`) with its own query
    parameters, like `GET /account/costs`.
    """
    tasks = {ep.path for ep in endpoints().values()}
    found: dict[str, Call] = {}
    for path, method, op in _operations():
        if not isinstance(op, Mapping) or not op.get("x-kling-name"):
            continue
        if path in tasks or (path.endswith("/{id}") and path.rsplit("/", 1)[0] in tasks):
            continue  # a task endpoint's create, query or list
        if method not in ("post", "get", "delete"):
            continue
        schema_name = None
        body = op.get("requestBody")
        if body is not None:
            ref = body["content"]["application/json"]["schema"]["$ref"]
            schema_name = ref.rsplit("/", 1)[-1]
        query = tuple(
            QueryParameter(
                name=param["name"],
                schema=MappingProxyType(dict(param.get("schema", {}))),
                required=bool(param.get("required", False)),
                description=" ".join(str(param.get("description", "")).split()),
            )
            for param in map(_parameter, op.get("parameters", ()))
            if param.get("in") == "query"
        )
        kind = endpoint_name(path, op)
        found[kind] = Call(
            kind=kind,
            attr=kind.replace("-", "_"),
            path=path,
            method=method.upper(),
            schema_name=schema_name,
            query=query,
            output=str(op.get("x-kling-output", "none")),
            operation_id=str(op.get("operationId", "")),
            summary=" ".join(str(op.get("summary", "")).split()).rstrip("."),
            response_schema=_data_schema(op),
        )
    return found


def call(kind: str) -> Call:
    """The call named by its name (`identify-face`), Python name or spec path.

    Raises:
        KeyError: no such call; the message lists the known ones.
    """
    table = calls()
    found = table.get(kind) or table.get(kind.replace("_", "-"))
    if found is None:
        bare = kind.removeprefix("/klingai").rstrip("/")
        found = next((c for c in table.values() if c.path == bare), None)
    if found is None:
        raise KeyError(f"unknown call {kind!r}; known: {', '.join(sorted(table))}")
    return found


def operation(kind: str) -> Endpoint | Call:
    """A task endpoint or a call, by name, Python name or spec path (task endpoints first).

    Raises:
        KeyError: neither; the message lists both.
    """
    try:
        return endpoint(kind)
    except KeyError:
        pass
    try:
        return call(kind)
    except KeyError:
        known = sorted([*endpoints(), *calls()])
        raise KeyError(f"unknown endpoint {kind!r}; known: {', '.join(known)}") from None


def endpoint(kind: str) -> Endpoint:
    """The endpoint named by its name (`motion-control`), Python name (`motion_control`) or path.

    Raises:
        KeyError: no such endpoint; the message lists the known ones.
    """
    table = endpoints()
    found = table.get(kind) or table.get(kind.replace("_", "-"))
    if found is None:
        bare = kind.removeprefix("/klingai").rstrip("/")
        found = next((ep for ep in table.values() if ep.path == bare), None)
    if found is None:
        raise KeyError(f"unknown endpoint {kind!r}; known: {', '.join(sorted(table))}")
    return found
