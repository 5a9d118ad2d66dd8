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
    # client (~15 ms), and `import kling_ext` reads the spec for the create docstrings.
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
