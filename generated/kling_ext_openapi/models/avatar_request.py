from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.mode import Mode, check_mode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.watermark_info import WatermarkInfo


T = TypeVar("T", bound="AvatarRequest")


@_attrs_define
class AvatarRequest:
    """An avatar task. Exactly one of `audio_id` and `sound_file` is required."""

    image: str
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """
    audio_id: str | Unset = UNSET
    """ An audio made by text-to-speech within the last 30 days, 2–300 s long. Excludes `sound_file`. """
    sound_file: str | Unset = UNSET
    """ An audio file: a publicly reachable URL, or the raw Base64 of the file without a `data:`
    prefix. .mp3/.wav/.m4a/.aac, at most 5 MB; how long it may last depends on the endpoint.
     """
    prompt: str | Unset = UNSET
    """ What to generate: subject, action, camera, light, style. At most 2500 characters.
    Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>`
    (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
     """
    mode: Mode | Unset = UNSET
    """ Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models
    render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no
    mode at all. Which model accepts which mode is said by the request schema's `allOf` rules.
    (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not
    accepted here.)
     """
    watermark_info: WatermarkInfo | Unset = UNSET
    """ Also produce a watermarked copy (`watermark_url` in the result). """
    callback_url: str | Unset = UNSET
    """ Where the server POSTs the task object whenever its status changes. An empty string means
    none (the gateway's examples send `""`).
     """
    external_task_id: str | Unset = UNSET
    """ The caller's own id for the task. Must be unique within the account; the task can then be
    queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that
    a create whose answer was lost can be found instead of paid for twice. An empty string
    means none.
     """

    def to_dict(self) -> dict[str, Any]:
        image: str
        image = self.image

        audio_id = self.audio_id

        sound_file: str | Unset
        if isinstance(self.sound_file, Unset):
            sound_file = UNSET
        else:
            sound_file = self.sound_file

        prompt = self.prompt

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        watermark_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.watermark_info, Unset):
            watermark_info = self.watermark_info.to_dict()

        callback_url: str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        external_task_id = self.external_task_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "image": image,
            }
        )
        if audio_id is not UNSET:
            field_dict["audio_id"] = audio_id
        if sound_file is not UNSET:
            field_dict["sound_file"] = sound_file
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if mode is not UNSET:
            field_dict["mode"] = mode
        if watermark_info is not UNSET:
            field_dict["watermark_info"] = watermark_info
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.watermark_info import WatermarkInfo

        d = dict(src_dict)

        def _parse_image(data: object) -> str:
            return cast(str, data)

        image = _parse_image(d.pop("image"))

        audio_id = d.pop("audio_id", UNSET)

        def _parse_sound_file(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        sound_file = _parse_sound_file(d.pop("sound_file", UNSET))

        prompt = d.pop("prompt", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: Mode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_mode(_mode)

        _watermark_info = d.pop("watermark_info", UNSET)
        watermark_info: WatermarkInfo | Unset
        if isinstance(_watermark_info, Unset):
            watermark_info = UNSET
        else:
            watermark_info = WatermarkInfo.from_dict(_watermark_info)

        def _parse_callback_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callback_url", UNSET))

        external_task_id = d.pop("external_task_id", UNSET)

        avatar_request = cls(
            image=image,
            audio_id=audio_id,
            sound_file=sound_file,
            prompt=prompt,
            mode=mode,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return avatar_request
