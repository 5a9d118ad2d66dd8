"""Typed keyword arguments of every request body (written by scripts/regenerate).

Values are typed as a caller may pass them: durations also as int, images also as
bytes, a path or a binary file. kling_ext validates and converts them before anything
is sent.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
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

    type: Literal[
        "simple", "down_back", "forward_up", "right_turn_forward", "left_turn_forward"
    ]
    #: Exactly one of the six axes is non-zero; each lies in [-10, 10].
    config: CameraConfigParams


class DynamicMaskParams(TypedDict, total=False):
    """The fields of DynamicMask."""

    #: A publicly reachable image URL, or the raw Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.
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

    #: The model. Official default `kling-v1`; the seed gateway requires the field, so kling-ext always sends it.
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
    #: The start frame (URL or raw Base64).
    image: ImageInput
    #: The end frame. Needs `image`; excludes `static_mask`, `dynamic_masks` and `camera_control`.
    image_tail: ImageInput
    #: Multi-shot generation (kling-v3, kling-v3-omni). When true, `prompt` is ignored and no start/end frame may be given; `shot_type` is required. Default false.
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
    #: Up to 2 voices, referenced in the prompt as `<<<voice_1>>>`; needs `sound` `on`. Excludes `element_list`.
    voice_list: Sequence[VoiceRefParams]
    #: Generate audio with the video. Default `off`. Supported per model (`x-kling-models`).
    sound: Literal["on", "off"]
    #: How closely to follow the prompt, 0–1 (higher = closer). Default 0.5. Not supported by the kling-v2.x models.
    cfg_scale: float
    #: Quality tier: `std` (720p, cheaper) or `pro` (1080p). Which models accept which mode is in the request schema's `x-kling-models`. (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not accepted here.)
    mode: Literal["std", "pro"]
    #: Motion-brush static area (same aspect ratio as `image`).
    static_mask: ImageInput
    #: Motion-brush moving areas, up to 6 groups.
    dynamic_masks: Sequence[DynamicMaskParams]
    #: Camera movement. `simple` needs `config` with exactly one non-zero axis; the preset types (`down_back`, `forward_up`, `right_turn_forward`, `left_turn_forward`) take no `config`. Supported only by some models (`x-kling-models`).
    camera_control: CameraControlParams
    #: Video length in seconds, as a string. Which values a model accepts depends on the model (`x-kling-models`): `"5"`/`"10"` up to kling-v2-6, `"3"`–`"15"` for kling-v3 and kling-v3-omni, `"3"`–`"10"` for kling-video-o1. Default `"5"`.
    duration: (
        Literal["3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"]
        | int
    )
    #: Not an official image2video field: the official API takes the ratio from the image and ignores it. Some gateways document it, so it is accepted, and sent only when given.
    aspect_ratio: Literal["16:9", "9:16", "1:1"]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the seed document sends `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str


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
    #: Follow the image's (reference ≤ 10 s) or the video's (≤ 30 s) orientation. Required by the official API; the seed gateway marks it optional, so kling-ext sends `image` when none is given.
    character_orientation: Literal["image", "video"]
    #: Required by the official API; the seed gateway marks it optional and recommends `pro`, which kling-ext sends when none is given.
    mode: Literal["std", "pro"]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the seed document sends `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str


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
    #: Quality tier: `std` (720p, cheaper) or `pro` (1080p). Which models accept which mode is in the request schema's `x-kling-models`. (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not accepted here.)
    mode: Literal["std", "pro"]
    #: Video length in seconds. Default `"5"`.
    duration: Literal["5", "10"] | int
    #: Frame aspect ratio (width:height).
    aspect_ratio: Literal["16:9", "9:16", "1:1"]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the seed document sends `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str


class MultiImageItemParams(TypedDict, total=False):
    """The fields of MultiImageItem."""

    #: A publicly reachable image URL, or the raw Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.
    image: Required[ImageInput]


class MultiPromptItemParams(TypedDict, total=False):
    """One shot of a customised storyboard."""

    #: The shot's position, from 1.
    index: Required[int]
    #: What happens in this shot.
    prompt: Required[str]
    #: The shot's length in whole seconds. Officially a string; the seed gateway's example sends a number, so both are read, and clients send a string. The shots' lengths must add up to `duration`.
    duration: Required[Any]


class OmniImageParams(TypedDict, total=False):
    """The fields of OmniImage."""

    #: A publicly reachable image URL, or the raw Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.
    image_url: Required[ImageInput]
    #: Use the image as the first or end frame; omit for element, scene or style references.
    type: Literal["first_frame", "end_frame"]


class OmniVideoParams(TypedDict, total=False):
    """An omni-video task."""

    #: The model. Default `kling-video-o1`.
    model_name: Literal["kling-video-o1", "kling-v3-omni"]
    #: Multi-shot generation (kling-v3, kling-v3-omni). When true, `prompt` is ignored and no start/end frame may be given; `shot_type` is required. Default false.
    multi_shot: bool
    #: How shots are organised when `multi_shot` is true: `customize` takes the storyboard in `multi_prompt`; `intelligence` lets the model split `prompt` into shots.
    shot_type: Literal["customize", "intelligence"]
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: str
    #: The storyboard for `multi_shot` with `shot_type` `customize`: 1–6 shots.
    multi_prompt: Sequence[MultiPromptItemParams]
    #: Reference images or start/end frames. Images plus elements: at most 4 with a reference video, 7 otherwise. An `end_frame` needs a `first_frame`.
    image_list: Sequence[OmniImageParams]
    #: Elements from the element library.
    element_list: Sequence[ElementRefParams]
    #: At most one reference video: MP4/MOV, ≥ 3 s, 720–2160 px each side, 24–60 fps, ≤ 200 MB.
    video_list: Sequence[OmniVideoParams]
    #: Generate audio. Default `off`; must be `off` when a reference video is given.
    sound: Literal["on", "off"]
    #: Quality tier. Default `pro` (unlike text2video and image2video).
    mode: Literal["std", "pro"]
    #: Required unless a first frame or a video to edit sets the frame; not accepted with them.
    aspect_ratio: Literal["16:9", "9:16", "1:1"]
    #: Length in seconds, "3"–"15" for kling-v3-omni, "3"–"10" for kling-video-o1; ignored when editing a video (`refer_type` `base`).
    duration: (
        Literal["3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"]
        | int
    )
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the seed document sends `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str


class Text2VideoParams(TypedDict, total=False):
    """A text-to-video task."""

    #: The model. Official default `kling-v1`; the seed gateway requires the field, so kling-ext always sends it.
    model_name: Literal[
        "kling-v1",
        "kling-v1-6",
        "kling-v2-master",
        "kling-v2-1-master",
        "kling-v2-5-turbo",
        "kling-v2-6",
        "kling-v3",
    ]
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: str
    #: What to avoid. At most 2500 characters; may be empty.
    negative_prompt: str
    #: Multi-shot generation (kling-v3, kling-v3-omni). When true, `prompt` is ignored and no start/end frame may be given; `shot_type` is required. Default false.
    multi_shot: bool
    #: How shots are organised when `multi_shot` is true: `customize` takes the storyboard in `multi_prompt`; `intelligence` lets the model split `prompt` into shots.
    shot_type: Literal["customize", "intelligence"]
    #: The storyboard for `multi_shot` with `shot_type` `customize`: 1–6 shots.
    multi_prompt: Sequence[MultiPromptItemParams]
    #: Generate audio with the video. Default `off`. Supported per model (`x-kling-models`).
    sound: Literal["on", "off"]
    #: How closely to follow the prompt, 0–1 (higher = closer). Default 0.5. Not supported by the kling-v2.x models.
    cfg_scale: float
    #: Quality tier: `std` (720p, cheaper) or `pro` (1080p). Which models accept which mode is in the request schema's `x-kling-models`. (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not accepted here.)
    mode: Literal["std", "pro"]
    #: Camera movement. `simple` needs `config` with exactly one non-zero axis; the preset types (`down_back`, `forward_up`, `right_turn_forward`, `left_turn_forward`) take no `config`. Supported only by some models (`x-kling-models`).
    camera_control: CameraControlParams
    #: Frame aspect ratio (width:height).
    aspect_ratio: Literal["16:9", "9:16", "1:1"]
    #: Video length in seconds, as a string. Which values a model accepts depends on the model (`x-kling-models`): `"5"`/`"10"` up to kling-v2-6, `"3"`–`"15"` for kling-v3 and kling-v3-omni, `"3"`–`"10"` for kling-video-o1. Default `"5"`.
    duration: (
        Literal["3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"]
        | int
    )
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the seed document sends `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str


class VoiceRefParams(TypedDict, total=False):
    """The fields of VoiceRef."""

    #: A custom or preset voice id.
    voice_id: Required[str]


class WatermarkInfoParams(TypedDict, total=False):
    """Also produce a watermarked copy (`watermark_url` in the result)."""

    enabled: Required[bool]
