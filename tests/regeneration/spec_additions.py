"""Endpoints of every shape, added to a copy of the spec by tests that regenerate it.

What a maintainer writes for a new family: an image task endpoint, an audio task endpoint whose
requests take no `external_task_id`, a synchronous `POST` answering files (speech) and a
synchronous `GET` with query parameters (account costs). Each is a spec edit only.
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Iterator
from typing import Any

IMAGE_KIND = "test-image"
AUDIO_KIND = "test-sound"
SPEECH_CALL = "test-speech"
COSTS_CALL = "test-costs"

IMAGE_PATH = "/v1/images/test-image"
AUDIO_PATH = "/v1/audio/test-sound"
SPEECH_PATH = "/v1/audio/test-speech"
COSTS_PATH = "/account/test-costs"

_ERRORS = ("400", "401", "403", "404", "429", "500", "502", "503", "504", "default")


def _task_paths(spec: dict[str, Any], path: str, kind: str, schema: str, output: str) -> None:
    paths = spec["paths"]
    items = copy.deepcopy(
        {"create": paths["/v1/videos/text2video"], "query": paths["/v1/videos/text2video/{id}"]}
    )
    stem = kind.replace("-", "_")
    post = items["create"]["post"]
    post.pop("callbacks", None)
    post["operationId"] = f"create_{stem}"
    post["tags"] = [kind]
    post["summary"] = f"Create a {kind} task"
    post["x-kling-name"] = stem
    post["x-kling-output"] = output
    post["responses"]["200"].pop("links", None)
    post["requestBody"] = {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }
    items["create"]["get"]["operationId"] = f"list_{stem}_tasks"
    items["create"]["get"]["tags"] = [kind]
    items["query"]["get"]["operationId"] = f"get_{stem}_task"
    items["query"]["get"]["tags"] = [kind]
    paths[path] = items["create"]
    paths[f"{path}/{{id}}"] = items["query"]


def _envelope(stem: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["code", "data"],
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": f"#/components/schemas/{stem}Result"},
        },
    }


def _call_responses(spec: dict[str, Any], stem: str, example: dict[str, Any]) -> dict[str, Any]:
    errors = spec["paths"]["/v1/videos/text2video"]["post"]["responses"]
    responses: dict[str, Any] = {
        "200": {
            "description": "The answer.",
            "content": {
                "application/json": {
                    "schema": {"$ref": f"#/components/schemas/{stem}Envelope"},
                    "examples": {"official": {"value": example}},
                }
            },
        }
    }
    responses.update({code: copy.deepcopy(errors[code]) for code in _ERRORS})
    return responses


def add_families(spec: dict[str, Any]) -> None:
    """Add an image task endpoint, an audio task endpoint (no external_task_id), a synchronous
    POST answering an audio file and a synchronous GET with query parameters."""
    schemas = spec["components"]["schemas"]
    t2v = schemas["Text2VideoRequest"]["properties"]
    schemas["TestImageRequest"] = {
        "type": "object",
        "additionalProperties": False,
        "description": "A test image task.",
        "required": ["prompt"],
        "properties": {
            "prompt": t2v["prompt"],
            "n": {"type": "integer", "minimum": 1, "maximum": 9, "description": "How many."},
            "external_task_id": t2v["external_task_id"],
        },
    }
    schemas["TestSoundRequest"] = {
        "type": "object",
        "additionalProperties": False,
        "description": "A test sound task (its requests take no external_task_id).",
        "required": ["prompt"],
        "properties": {
            "prompt": t2v["prompt"],
            "duration": {"type": "number", "minimum": 3, "maximum": 10, "description": "Seconds."},
        },
    }
    _task_paths(spec, IMAGE_PATH, IMAGE_KIND, "TestImageRequest", "images")
    _task_paths(spec, AUDIO_PATH, AUDIO_KIND, "TestSoundRequest", "audios")
    image_post = spec["paths"][IMAGE_PATH]["post"]
    image_post["requestBody"]["content"]["application/json"]["examples"] = {
        "official": {"value": {"prompt": "a red kite", "n": 2}}
    }
    sound_post = spec["paths"][AUDIO_PATH]["post"]
    sound_post["requestBody"]["content"]["application/json"]["examples"] = {
        "official": {"value": {"prompt": "rain on a tin roof", "duration": 5}}
    }

    add_calls(spec)


def add_calls(spec: dict[str, Any]) -> None:
    """Add a synchronous POST answering an audio file and a synchronous GET with query
    parameters."""
    schemas = spec["components"]["schemas"]
    # A synchronous POST answering an audio file (like text-to-speech).
    schemas["TestSpeechRequest"] = {
        "type": "object",
        "additionalProperties": False,
        "description": "Speak a text.",
        "required": ["text", "voice_id"],
        "properties": {
            "text": {"type": "string", "maxLength": 1000, "description": "What to say."},
            "voice_id": {"type": "string", "description": "The voice."},
            "voice_speed": {
                "type": "number",
                "minimum": 0.8,
                "maximum": 2.0,
                "description": "Speech rate.",
            },
        },
    }
    schemas["TestSpeechResult"] = {
        "type": "object",
        "properties": {
            "task_id": {"type": "string"},
            "task_result": {"$ref": "#/components/schemas/TaskResult"},
        },
    }
    schemas["TestSpeechEnvelope"] = _envelope("TestSpeech")
    speech_answer = {
        "code": 0,
        "message": "SUCCEED",
        "request_id": "r-1",
        "data": {
            "task_id": "speech-1",
            "task_result": {
                "audios": [{"id": "a-1", "url": "https://cdn.example.com/s.mp3", "duration": "2"}]
            },
        },
    }
    spec["paths"][SPEECH_PATH] = {
        "post": {
            "operationId": "test_speech",
            "tags": [SPEECH_CALL],
            "summary": "Speak a text",
            "x-kling-name": SPEECH_CALL.replace("-", "_"),
            "x-kling-output": "audios",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/TestSpeechRequest"},
                        "examples": {"official": {"value": {"text": "hello", "voice_id": "v1"}}},
                    }
                },
            },
            "responses": _call_responses(spec, "TestSpeech", speech_answer),
        }
    }

    # A synchronous GET with query parameters (like the account's resource packs).
    schemas["TestCostsResult"] = {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "resource_pack_subscribe_infos": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "resource_pack_name": {"type": "string"},
                        "remaining_quantity": {"type": "number"},
                    },
                },
            },
        },
    }
    schemas["TestCostsEnvelope"] = _envelope("TestCosts")
    costs_answer = {
        "code": 0,
        "message": "SUCCEED",
        "request_id": "r-2",
        "data": {
            "code": 0,
            "resource_pack_subscribe_infos": [
                {"resource_pack_name": "video pack", "remaining_quantity": 40.0}
            ],
        },
    }
    spec["paths"][COSTS_PATH] = {
        "get": {
            "operationId": "test_costs",
            "tags": [COSTS_CALL],
            "summary": "The resource packs",
            "x-kling-name": COSTS_CALL.replace("-", "_"),
            "x-kling-output": "none",
            "parameters": [
                {
                    "name": "start_time",
                    "in": "query",
                    "required": True,
                    "description": "From (Unix ms).",
                    "schema": {"type": "integer", "minimum": 0},
                },
                {
                    "name": "end_time",
                    "in": "query",
                    "required": True,
                    "description": "To (Unix ms).",
                    "schema": {"type": "integer", "minimum": 0},
                },
                {
                    "name": "resource_pack_name",
                    "in": "query",
                    "description": "Only this pack.",
                    "schema": {"type": "string"},
                },
            ],
            "responses": _call_responses(spec, "TestCosts", costs_answer),
        }
    }
    json.dumps(spec)  # still plain JSON data


def _clear_caches() -> None:
    from kling_ext import _docs, _spec, _validation
    from kling_ext.mock import _core

    for cached in (
        _spec.endpoints,
        _spec.calls,
        _spec._request_schema,
        _spec._defaults,
        _spec._query_schema,
        _validation._root,
        _validation._validator,
        _validation._components,
        _docs.fields_doc,
        _docs.call_fields_doc,
        _core._spec_bytes,
    ):
        cached.cache_clear()


@contextlib.contextmanager
def families_in_process() -> Iterator[None]:
    """The library's spec, for the block, with `add_families` applied (no regeneration: the
    added endpoints are reached by `client.resource(path)`, the mock serves them)."""
    from kling_ext._spec import load_spec

    spec = load_spec()
    assert isinstance(spec, dict)
    saved = copy.deepcopy(spec)
    add_families(spec)
    _clear_caches()
    try:
        yield
    finally:
        spec.clear()
        spec.update(saved)
        _clear_caches()


if __name__ == "__main__":  # development: add them to a spec file in place
    import sys

    import yaml

    target = sys.argv[1]
    with open(target, encoding="utf-8") as stream:
        loaded = yaml.safe_load(stream)
    add_families(loaded)
    with open(target, "w", encoding="utf-8") as stream:
        yaml.safe_dump(loaded, stream, sort_keys=False, allow_unicode=True)
