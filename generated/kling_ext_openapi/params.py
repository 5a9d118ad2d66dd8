"""Typed keyword arguments of every request body (written by scripts/regenerate).

Values are typed as a caller may pass them: durations also as int, images also as
bytes, a path or a binary file. kling_ext validates and converts them before anything
is sent.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import IO, Any, Literal, Required, TypedDict

ImageInput = str | bytes | os.PathLike[str] | IO[bytes]
"""An image: an http(s) URL or raw Base64 (a str is never a path); or a local file
as bytes, a pathlib.Path or a binary file object."""

__all__ = [
    "CameraConfigParams",
    "CameraControlParams",
    "DynamicMaskParams",
    "DynamicMaskTrajectoriesItemParams",
    "ElementRefParams",
    "Image2VideoParams",
    "ImageInput",
    "MotionControlParams",
    "MultiImage2VideoParams",
    "MultiImageItemParams",
    "MultiPromptItemParams",
    "OmniImageParams",
    "OmniVideoItemParams",
    "OmniVideoParams",
    "Text2VideoParams",
    "VoiceRefParams",
    "WatermarkInfoParams",
]


class CameraConfigParams(TypedDict, total=False):
    """Exactly one of the six axes is non-zero; each lies in [-10, 10]."""

    #: Move left (−) or right (+).
    horizontal: float
    #: Move down (−) or up (+).
    vertical: float
    #: Rotate about the vertical axis, left (−) or right (+).
    pan: float
    #: Rotate about the horizontal axis, down (−) or up (+).
    tilt: float
    #: Roll counter-clockwise (−) or clockwise (+).
    roll: float
    #: Narrower (−) or wider (+) field of view.
    zoom: float


class CameraControlParams(TypedDict, total=False):
    """Camera movement."""

    type: Required[
        Literal[
            "simple",
            "down_back",
            "forward_up",
            "right_turn_forward",
            "left_turn_forward",
        ]
    ]
    #: Exactly one of the six axes is non-zero; each lies in [-10, 10].
    config: CameraConfigParams


class DynamicMaskParams(TypedDict, total=False):
    """The fields of DynamicMask."""

    #: A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.
    mask: Required[ImageInput]
    #: The path of the masked area, in image pixels, origin at the bottom-left corner; 2–77 points for a 5 s video.
    trajectories: Required[Sequence[DynamicMaskTrajectoriesItemParams]]


class DynamicMaskTrajectoriesItemParams(TypedDict, total=False):
    """The fields of DynamicMaskTrajectoriesItem."""

    x: Required[int]
    y: Required[int]


class ElementRefParams(TypedDict, total=False):
    """The fields of ElementRef."""

    #: An element from the element library (`/v1/general/advanced-custom-elements`).
    element_id: Required[int]


class Image2VideoParams(TypedDict, total=False):
    """An image-to-video task."""

    #: The model; when none is given kling-ext sends `kling-v1`, the official default and the oldest model (the default gateway requires the field). Name a newer one, such as `kling-v3`, for newer abilities and prices.
    model_name: Literal[
        "kling-v1",
        "kling-v1-5",
        "kling-v1-6",
        "kling-v2-master",
        "kling-v2-1",
        "kling-v2-1-master",
        "kling-v2-5-turbo",
        "kling-v2-6",
        "kling-v3",
    ]
    #: The legacy name of `model_name`, which the official API still accepts. Read, never sent: kling-ext sends its value as `model_name`, and refuses both with different values (a rule this schema does not state: comparing two fields would take one branch per model, which generators cannot expand). The default gateway requires `model_name`, so a body with `model` alone is refused by it and by this schema.
    model: str
    #: The start frame (URL or raw Base64). At least one of `image` and `image_tail` is required (official); an end frame alone works only with kling-v1-5 and kling-v1-6 in mode `pro` (official capability map; some third-party gateways refuse it). Required with `multi_shot` true: the official kling-v3 multi-shot example sends one, though the field table says multi-shot takes no start or end frame.
    image: ImageInput
    #: The end frame; `""` means none. Without `image` it works only with kling-v1-5 and kling-v1-6 in mode `pro`; excludes `static_mask`, `dynamic_masks`, `camera_control` and `multi_shot`; supported per model (see `allOf`).
    image_tail: ImageInput
    #: Multi-shot generation (kling-v3, kling-v3-omni). When true, `prompt` is ignored (unless `shot_type` is `intelligence`) and `shot_type` is required. No end frame may be given, and omni-video takes no start frame either; image-to-video needs its start frame (`image`): the official kling-v3 multi-shot example sends one, though the field table says "no start/end frame". Default false.
    multi_shot: bool
    #: How shots are organised when `multi_shot` is true: `customize` takes the storyboard in `multi_prompt`; `intelligence` lets the model split `prompt` into shots.
    shot_type: Literal["customize", "intelligence"]
    #: The storyboard for `multi_shot` with `shot_type` `customize`: 1–6 shots.
    multi_prompt: Sequence[MultiPromptItemParams]
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: str
    #: What to avoid. At most 2500 characters; may be empty.
    negative_prompt: str
    #: Up to 3 elements from the element library (kling-v3). Excludes `voice_list`.
    element_list: Sequence[ElementRefParams]
    #: Up to 2 voices (kling-v2-6, mode pro), referenced in the prompt as `<<<voice_1>>>`; needs `sound` `on`. Excludes `element_list`.
    voice_list: Sequence[VoiceRefParams]
    #: Generate audio with the video. Which models can is said by the request schema's `allOf` rules.
    sound: Literal["on", "off"]
    #: How closely to follow the prompt, 0–1 (higher = closer). Documented for the kling-v1 models; the kling-v2 models do not support it; no source documents it for kling-v3.
    cfg_scale: float
    #: Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no mode at all. Which model accepts which mode is said by the request schema's `allOf` rules. (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not accepted here.)
    mode: Literal["std", "pro"]
    #: Motion-brush static area (same aspect ratio as `image`); kling-v1 and kling-v1-5 only.
    static_mask: ImageInput
    #: Motion-brush moving areas, up to 6 groups; kling-v1 and kling-v1-5 only.
    dynamic_masks: Sequence[DynamicMaskParams]
    #: Camera movement. `type` is required (image2video's documentation says so; text2video's leaves it optional, but a `config` without a `type` names no movement). `simple` needs `config` with exactly one non-zero axis; the preset types (`down_back`, `forward_up`, `right_turn_forward`, `left_turn_forward`) take no `config`. Which models support it is said by the request schema's `allOf` rules.
    camera_control: CameraControlParams
    #: Video length in seconds, as a string. Which values a model accepts is said by the request schema's `allOf` rules: `"5"`/`"10"` up to kling-v2-6, `"3"`–`"15"` for kling-v3 and kling-v3-omni, `"3"`–`"10"` for kling-video-o1.
    duration: (
        Literal["3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"]
        | int
    )
    #: Not an official image2video field: the official API takes the ratio from the image and ignores it. Some gateways document it, so it is accepted, and sent only when given.
    aspect_ratio: Literal["16:9", "9:16", "1:1"]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class MotionControlParams(TypedDict, total=False):
    """A motion-control task."""

    #: The model. Default `kling-v2-6`.
    model_name: Literal["kling-v2-6", "kling-v3"]
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: str
    #: The character/background image (URL or raw Base64); clear upper or full body.
    image_url: Required[ImageInput]
    #: The motion reference video: MP4/MOV, at most 100 MB, 3 s or longer, at most 10 s when `character_orientation` is `image` and 30 s when `video`.
    video_url: Required[str]
    #: At most one element; with an element the orientation can only follow the video.
    element_list: Sequence[ElementRefParams]
    #: Keep the reference video's sound. Default `yes`.
    keep_original_sound: Literal["yes", "no"]
    #: Follow the image's (reference ≤ 10 s) or the video's (≤ 30 s) orientation. Required by the official API; the default gateway marks it optional, so kling-ext sends `image` when none is given.
    character_orientation: Literal["image", "video"]
    #: Required by the official API; the default gateway marks it optional and recommends `pro`, which kling-ext sends when none is given.
    mode: Literal["std", "pro"]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class MultiImage2VideoParams(TypedDict, total=False):
    """A legacy multi-image-to-video task."""

    #: The model; only `kling-v1-6`.
    model_name: Literal["kling-v1-6"]
    #: Up to 4 pre-cropped subject images (URL or raw Base64).
    image_list: Required[Sequence[MultiImageItemParams]]
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: Required[str]
    #: What to avoid. At most 2500 characters; may be empty.
    negative_prompt: str
    #: Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no mode at all. Which model accepts which mode is said by the request schema's `allOf` rules. (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not accepted here.)
    mode: Literal["std", "pro"]
    #: Video length in seconds.
    duration: Literal["5", "10"] | int
    #: Frame aspect ratio (width:height).
    aspect_ratio: Literal["16:9", "9:16", "1:1"]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class MultiImageItemParams(TypedDict, total=False):
    """The fields of MultiImageItem."""

    #: A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.
    image: Required[ImageInput]


class MultiPromptItemParams(TypedDict, total=False):
    """One shot of a customised storyboard."""

    #: The shot's position, counted from 1 (as the official examples do).
    index: Required[int]
    #: What happens in this shot.
    prompt: Required[str]
    #: The shot's length in whole seconds. Officially a string; the gateway's example sends a number, so both are read, and clients send a string. With `multi_shot` true and `shot_type` `customize`, the shots' lengths must add up to `duration` (the `x-kling-rules` sum, which JSON Schema cannot say).
    duration: Required[Any]


class OmniImageParams(TypedDict, total=False):
    """The fields of OmniImage."""

    #: A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.
    image_url: Required[ImageInput]
    #: Use the image as the first or end frame; omit for element, scene or style references.
    type: Literal["first_frame", "end_frame"]


class OmniVideoItemParams(TypedDict, total=False):
    """The fields of OmniVideo."""

    #: A publicly reachable video URL (MP4/MOV). The API fetches it; local files are not accepted.
    video_url: Required[str]
    #: `feature`: a reference (next/previous shot, style, camera); `base`: edit this video. Default `base`.
    refer_type: Literal["feature", "base"]
    keep_original_sound: Literal["yes", "no"]


class OmniVideoParams(TypedDict, total=False):
    """An omni-video task."""

    #: The model. Default `kling-video-o1`.
    model_name: Literal["kling-video-o1", "kling-v3-omni"]
    #: Multi-shot generation (kling-v3, kling-v3-omni). When true, `prompt` is ignored (unless `shot_type` is `intelligence`) and `shot_type` is required. No end frame may be given, and omni-video takes no start frame either; image-to-video needs its start frame (`image`): the official kling-v3 multi-shot example sends one, though the field table says "no start/end frame". Default false.
    multi_shot: bool
    #: How shots are organised when `multi_shot` is true: `customize` takes the storyboard in `multi_prompt`; `intelligence` lets the model split `prompt` into shots.
    shot_type: Literal["customize", "intelligence"]
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: str
    #: The storyboard for `multi_shot` with `shot_type` `customize`: 1–6 shots.
    multi_prompt: Sequence[MultiPromptItemParams]
    #: Reference images or start/end frames. Images plus elements: at most 4 with a reference video, 7 otherwise. An `end_frame` needs a `first_frame`; frames exclude video editing; kling-video-o1 takes no frame with more than two images.
    image_list: Sequence[OmniImageParams]
    #: Elements from the element library. At most 3 with a first frame; with start and end frames at most 3 on kling-v3-omni and none on kling-video-o1.
    element_list: Sequence[ElementRefParams]
    #: At most one reference video: MP4/MOV, ≥ 3 s, 720–2160 px each side, 24–60 fps, ≤ 200 MB.
    video_list: Sequence[OmniVideoItemParams]
    #: Generate audio (kling-v3-omni only). Default `off`; must be `off` when a reference video is given.
    sound: Literal["on", "off"]
    #: Quality tier. Default `pro` (unlike text2video and image2video).
    mode: Literal["std", "pro"]
    #: Required unless a first frame or a video to edit sets the frame. With them it is accepted and ignored (the official examples send it there; the legacy field table says "not supported").
    aspect_ratio: Literal["16:9", "9:16", "1:1"]
    #: Length in seconds (default "5"), "3"–"15" for kling-v3-omni, "3"–"10" for kling-video-o1 ("5" or "10" from a first frame alone; the capability map's "5 or 10 s" for text alone is contradicted by the API reference, so text alone takes "3"–"10"); ignored when editing a video (`refer_type` `base`).
    duration: (
        Literal["3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"]
        | int
    )
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class Text2VideoParams(TypedDict, total=False):
    """A text-to-video task."""

    #: The model; when none is given kling-ext sends `kling-v1`, the official default and the oldest model (the default gateway requires the field). Name a newer one, such as `kling-v3`, for newer abilities and prices.
    model_name: Literal[
        "kling-v1",
        "kling-v1-6",
        "kling-v2-master",
        "kling-v2-1-master",
        "kling-v2-5-turbo",
        "kling-v2-6",
        "kling-v3",
    ]
    #: The legacy name of `model_name`, which the official API still accepts. Read, never sent: kling-ext sends its value as `model_name`, and refuses both with different values (a rule this schema does not state: comparing two fields would take one branch per model, which generators cannot expand). The default gateway requires `model_name`, so a body with `model` alone is refused by it and by this schema.
    model: str
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: str
    #: What to avoid. At most 2500 characters; may be empty.
    negative_prompt: str
    #: Multi-shot generation (kling-v3, kling-v3-omni). When true, `prompt` is ignored (unless `shot_type` is `intelligence`) and `shot_type` is required. No end frame may be given, and omni-video takes no start frame either; image-to-video needs its start frame (`image`): the official kling-v3 multi-shot example sends one, though the field table says "no start/end frame". Default false.
    multi_shot: bool
    #: How shots are organised when `multi_shot` is true: `customize` takes the storyboard in `multi_prompt`; `intelligence` lets the model split `prompt` into shots.
    shot_type: Literal["customize", "intelligence"]
    #: The storyboard for `multi_shot` with `shot_type` `customize`: 1–6 shots.
    multi_prompt: Sequence[MultiPromptItemParams]
    #: Generate audio with the video. Which models can is said by the request schema's `allOf` rules.
    sound: Literal["on", "off"]
    #: How closely to follow the prompt, 0–1 (higher = closer). Documented for the kling-v1 models; the kling-v2 models do not support it; no source documents it for kling-v3.
    cfg_scale: float
    #: Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no mode at all. Which model accepts which mode is said by the request schema's `allOf` rules. (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not accepted here.)
    mode: Literal["std", "pro"]
    #: Camera movement. `type` is required (image2video's documentation says so; text2video's leaves it optional, but a `config` without a `type` names no movement). `simple` needs `config` with exactly one non-zero axis; the preset types (`down_back`, `forward_up`, `right_turn_forward`, `left_turn_forward`) take no `config`. Which models support it is said by the request schema's `allOf` rules.
    camera_control: CameraControlParams
    #: Frame aspect ratio (width:height).
    aspect_ratio: Literal["16:9", "9:16", "1:1"]
    #: Video length in seconds, as a string. Which values a model accepts is said by the request schema's `allOf` rules: `"5"`/`"10"` up to kling-v2-6, `"3"`–`"15"` for kling-v3 and kling-v3-omni, `"3"`–`"10"` for kling-video-o1.
    duration: (
        Literal["3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"]
        | int
    )
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class VoiceRefParams(TypedDict, total=False):
    """The fields of VoiceRef."""

    #: A custom or preset voice id.
    voice_id: Required[str]


class WatermarkInfoParams(TypedDict, total=False):
    """Also produce a watermarked copy (`watermark_url` in the result)."""

    enabled: Required[bool]
