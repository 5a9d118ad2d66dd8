from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.aspect_ratio import AspectRatio, check_aspect_ratio
from ..models.mode import Mode, check_mode
from ..models.multi_image2video_request_duration import (
    MultiImage2VideoRequestDuration,
    check_multi_image_2_video_request_duration,
)
from ..models.multi_image2video_request_model_name import (
    MultiImage2VideoRequestModelName,
    check_multi_image_2_video_request_model_name,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.multi_image_item import MultiImageItem
    from ..models.watermark_info import WatermarkInfo


T = TypeVar("T", bound="MultiImage2VideoRequest")


@_attrs_define
class MultiImage2VideoRequest:
    """A legacy multi-image-to-video task."""

    model_name: MultiImage2VideoRequestModelName
    """ The model; only `kling-v1-6`. """
    image_list: list[MultiImageItem]
    """ Up to 4 pre-cropped subject images (URL or raw Base64). """
    prompt: str
    """ What to generate: subject, action, camera, light, style. At most 2500 characters.
    Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>`
    (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
     """
    negative_prompt: str | Unset = UNSET
    """ What to avoid. At most 2500 characters; may be empty. """
    mode: Mode | Unset = UNSET
    """ Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models
    render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no
    mode at all. Which model accepts which mode is said by the request schema's `allOf` rules.
    (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not
    accepted here.)
     """
    duration: MultiImage2VideoRequestDuration | Unset = "5"
    """ Video length in seconds. """
    aspect_ratio: AspectRatio | Unset = UNSET
    """ Frame aspect ratio (width:height). """
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
        model_name: str = self.model_name

        image_list = []
        for image_list_item_data in self.image_list:
            image_list_item = image_list_item_data.to_dict()
            image_list.append(image_list_item)

        prompt = self.prompt

        negative_prompt = self.negative_prompt

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        duration: str | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

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
                "model_name": model_name,
                "image_list": image_list,
                "prompt": prompt,
            }
        )
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if mode is not UNSET:
            field_dict["mode"] = mode
        if duration is not UNSET:
            field_dict["duration"] = duration
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if watermark_info is not UNSET:
            field_dict["watermark_info"] = watermark_info
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.multi_image_item import MultiImageItem
        from ..models.watermark_info import WatermarkInfo

        d = dict(src_dict)
        model_name = check_multi_image_2_video_request_model_name(d.pop("model_name"))

        image_list = []
        _image_list = d.pop("image_list")
        for image_list_item_data in _image_list:
            image_list_item = MultiImageItem.from_dict(image_list_item_data)

            image_list.append(image_list_item)

        prompt = d.pop("prompt")

        negative_prompt = d.pop("negative_prompt", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: Mode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_mode(_mode)

        _duration = d.pop("duration", UNSET)
        duration: MultiImage2VideoRequestDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_multi_image_2_video_request_duration(_duration)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: AspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_aspect_ratio(_aspect_ratio)

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

        multi_image2video_request = cls(
            model_name=model_name,
            image_list=image_list,
            prompt=prompt,
            negative_prompt=negative_prompt,
            mode=mode,
            duration=duration,
            aspect_ratio=aspect_ratio,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return multi_image2video_request
