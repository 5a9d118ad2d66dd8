from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.watermark_info import WatermarkInfo


T = TypeVar("T", bound="VideoExtendRequest")


@_attrs_define
class VideoExtendRequest:
    """A video-extension task (see the operation for its source)."""

    video_id: str
    """ The id of the video to extend (`task_result.videos[].id` of a text-to-video,
    image-to-video or video-extension task of kling-v1, kling-v1-5 or kling-v1-6), at most
    3 minutes long and made within the last 30 days.
     """
    prompt: str | Unset = UNSET
    """ What to generate: subject, action, camera, light, style. At most 2500 characters.
    Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>`
    (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
     """
    negative_prompt: str | Unset = UNSET
    """ What to avoid. At most 2500 characters; may be empty. """
    cfg_scale: float | Unset = UNSET
    """ How closely to follow the prompt, 0–1 (higher = closer). Documented for the kling-v1
    models; the kling-v2 models do not support it; no source documents it for kling-v3.
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
        video_id = self.video_id

        prompt = self.prompt

        negative_prompt = self.negative_prompt

        cfg_scale = self.cfg_scale

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
                "video_id": video_id,
            }
        )
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if cfg_scale is not UNSET:
            field_dict["cfg_scale"] = cfg_scale
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
        video_id = d.pop("video_id")

        prompt = d.pop("prompt", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        cfg_scale = d.pop("cfg_scale", UNSET)

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

        video_extend_request = cls(
            video_id=video_id,
            prompt=prompt,
            negative_prompt=negative_prompt,
            cfg_scale=cfg_scale,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return video_extend_request
