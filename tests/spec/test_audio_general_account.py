"""The audio, general and account families of the spec: the rules a user meets before paying.

Each case is a body the official docs allow or forbid, judged by plain JSON Schema (what any
tool reading the spec sees) and, for task endpoints, by the client's own check as well.
"""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest

from kling_ext._spec import endpoints, load_spec, resolve
from kling_ext._validation import check_request

VIDEO = "https://x.test/clip.mp4"
IMAGE = "https://x.test/front.png"
ELEMENT = {"element_name": "Fox", "element_description": "A red fox"}
WINDOW = {"start_time": 1751284003293, "end_time": 1782219793736}

# (request schema, body, refused because ... or None when accepted)
CASES: list[tuple[str, dict[str, Any], str | None]] = [
    ("TextToAudioRequest", {"prompt": "rain", "duration": 3.5}, None),
    ("TextToAudioRequest", {"prompt": "rain"}, "duration"),
    ("TextToAudioRequest", {"prompt": "rain", "duration": 10.5}, "maximum"),
    ("TextToAudioRequest", {"prompt": "r" * 201, "duration": 5}, "longer"),
    ("VideoToAudioRequest", {"video_url": VIDEO}, None),
    ("VideoToAudioRequest", {"video_id": "8672", "asmr_mode": True}, None),
    ("VideoToAudioRequest", {}, "one of video_id and video_url is required"),
    ("VideoToAudioRequest", {"video_id": "8672", "video_url": VIDEO}, "cannot be given together"),
    ("TextToSpeechRequest", {"text": "hi", "voice_id": "v", "voice_language": "en"}, None),
    ("TextToSpeechRequest", {"text": "hi", "voice_id": "v"}, "voice_language"),
    ("TextToSpeechRequest", {"text": "hi", "voice_id": "v", "voice_language": "fr"}, "fr"),
    (
        "TextToSpeechRequest",
        {"text": "hi", "voice_id": "v", "voice_language": "en", "voice_speed": 2.5},
        "maximum",
    ),
    ("BillingBalanceRequest", WINDOW, None),
    ("BillingBalanceRequest", {"cursor": "next-page"}, None),
    ("BillingBalanceRequest", {"cursor": ""}, "anyOf"),
    ("BillingBalanceRequest", {**WINDOW, "limit": 501}, "maximum"),
    (
        "BillingBalanceRequest",
        {**WINDOW, "filters": [{"key": "package_id", "values": []}]},
        '"package_id" is not one of',
    ),
    (
        "BillingPackageRequest",
        {**WINDOW, "filters": [{"key": "product_type", "values": ["video", "try-on"]}]},
        None,
    ),
    (
        "BillingPackageRequest",
        {**WINDOW, "filters": [{"key": "product_type", "values": ["audio"]}]},
        "audio",
    ),
    (
        "BillingPackageRequest",
        {
            **WINDOW,
            "filters": [
                {"key": "package_name", "values": ["Video pack"]},
                {"key": "package_id", "values": ["509f"]},
            ],
        },
        "not allowed",
    ),
    ("CustomVoiceRequest", {"voice_name": "Anna", "voice_url": "https://x.test/a.mp3"}, None),
    ("CustomVoiceRequest", {"voice_name": "Anna", "video_id": ""}, "anyOf"),
    ("CustomVoiceRequest", {"voice_name": "A" * 21, "video_id": "8672"}, "longer"),
    (
        "CustomElementRequest",
        {
            **ELEMENT,
            "reference_type": "image_refer",
            "element_image_list": {"frontal_image": IMAGE, "refer_images": [{"image_url": IMAGE}]},
            "tag_list": [{"tag_id": "o_103"}],
        },
        None,
    ),
    ("CustomElementRequest", {**ELEMENT, "reference_type": "image_refer"}, "element_image_list"),
    ("CustomElementRequest", {**ELEMENT, "reference_type": "video_refer"}, "element_video_list"),
    (
        "CustomElementRequest",
        {
            **ELEMENT,
            "reference_type": "video_refer",
            "element_video_list": {"refer_videos": [{"video_url": VIDEO}, {"video_url": VIDEO}]},
        },
        "more than 1",
    ),
    (
        "CustomElementRequest",
        {
            **ELEMENT,
            "reference_type": "image_refer",
            "element_image_list": {"frontal_image": IMAGE, "refer_images": []},
        },
        "less than 1",
    ),
    ("DeleteElementRequest", {"element_id": 1001}, None),
    ("DeleteElementRequest", {"element_id": "1001"}, None),
    ("AiMultiShotRequest", {"element_frontal_image": IMAGE}, None),
    ("AiMultiShotRequest", {}, "element_frontal_image"),
]


def _plain_errors(schema_name: str, body: dict[str, Any]) -> list[str]:
    root = {**resolve({"$ref": f"#/components/schemas/{schema_name}"})}
    root["components"] = load_spec()["components"]
    validator = jsonschema_rs.Draft202012Validator(root)
    return [error.message for error in validator.iter_errors(body)]


@pytest.mark.parametrize(
    ("schema_name", "body", "refused"),
    CASES,
    ids=[
        f"{name}:{i}:{'ok' if why is None else 'refused'}"
        for i, (name, _b, why) in enumerate(CASES)
    ],
)
def test_the_spec_judges_the_body_as_the_docs_do(
    schema_name: str, body: dict[str, Any], refused: str | None
) -> None:
    plain = _plain_errors(schema_name, body)
    task = next((ep for ep in endpoints().values() if ep.schema_name == schema_name), None)
    client = [f"{v.field}: {v.message}" for v in check_request(task.kind, body)] if task else None
    if refused is None:
        assert plain == [], plain
        assert not client, client
        return
    assert any(refused in message for message in plain + (client or [])), (plain, client)
    if client is not None:
        assert client, "the client's check let the body through"


def test_the_families_are_where_the_docs_put_them() -> None:
    named = {ep.kind: (ep.path, ep.output) for ep in endpoints().values()}
    assert named["text-to-audio"] == ("/v1/audio/text-to-audio", "audios")
    assert named["video-to-audio"] == ("/v1/audio/video-to-audio", "audios")
    assert named["custom-voices"] == ("/v1/general/custom-voices", "none")
    assert named["custom-elements"] == ("/v1/general/advanced-custom-elements", "none")
    assert named["ai-multi-shot"] == ("/v1/general/ai-multi-shot", "images")
    paths = load_spec()["paths"]
    synchronous = {
        ("/v1/audio/tts", "post"): ("text_to_speech", "audios"),
        ("/account/costs", "get"): ("account_costs", "none"),
        ("/account/billing/balance", "post"): ("billing_balance", "none"),
        ("/account/billing/package", "post"): ("billing_package", "none"),
        ("/v1/general/presets-voices", "get"): ("preset_voices", "none"),
        ("/v1/general/delete-voices", "post"): ("delete_voices", "none"),
        ("/v1/general/advanced-presets-elements", "get"): ("preset_elements", "none"),
        ("/v1/general/delete-advanced-elements", "post"): ("delete_elements", "none"),
    }
    for (path, method), (name, output) in synchronous.items():
        op = paths[path][method]
        assert (op["x-kling-name"], op["x-kling-output"]) == (name, output), path
        assert f"{path}/{{id}}" not in paths, f"{path} answers at once: it has no query"
    costs = {p["name"]: p for p in paths["/account/costs"]["get"]["parameters"]}
    assert {n: p["required"] for n, p in costs.items()} == {
        "start_time": True,
        "end_time": True,
        "resource_pack_name": False,
    }
    description = paths["/account/costs"]["get"]["description"]
    assert "12-hour delay" in description
    assert "QPS ≤ 1" in description
