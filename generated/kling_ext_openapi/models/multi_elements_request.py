from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.mode import Mode, check_mode
from ..models.multi_elements_request_duration import (
    MultiElementsRequestDuration,
    check_multi_elements_request_duration,
)
from ..models.multi_elements_request_edit_mode import (
    MultiElementsRequestEditMode,
    check_multi_elements_request_edit_mode,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.multi_elements_image import MultiElementsImage
    from ..models.watermark_info import WatermarkInfo


T = TypeVar("T", bound="MultiElementsRequest")


@_attrs_define
class MultiElementsRequest:
    """A multi-elements editing task on the video of a session."""

    session_id: str
    """ The session of init-selection. """
    edit_mode: MultiElementsRequestEditMode
    """ `addition`: add the element of 1–2 images; `swap`: replace the marked element by that of 1 image; `removal`:
    remove the marked element. """
    prompt: str
    """ What to generate: subject, action, camera, light, style. At most 2500 characters.
    Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>`
    (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
     """
    image_list: list[MultiElementsImage] | Unset = UNSET
    """ Cropped reference images (URL or raw Base64); 1–2 to add, 1 to swap, none to remove. """
    negative_prompt: str | Unset = UNSET
    """ What to avoid. At most 2500 characters; may be empty. """
    mode: Mode | Unset = UNSET
    """ Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models
    render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no
    mode at all. Which model accepts which mode is said by the request schema's `allOf` rules.
    (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not
    accepted here.)
     """
    duration: MultiElementsRequestDuration | Unset = "5"
    """ 5 s (from a 2–5 s video) or 10 s (from a 7–10 s video). Default "5". """
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
        session_id = self.session_id

        edit_mode: str = self.edit_mode

        prompt = self.prompt

        image_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.image_list, Unset):
            image_list = []
            for image_list_item_data in self.image_list:
                image_list_item = image_list_item_data.to_dict()
                image_list.append(image_list_item)

        negative_prompt = self.negative_prompt

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        duration: str | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

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
                "session_id": session_id,
                "edit_mode": edit_mode,
                "prompt": prompt,
            }
        )
        if image_list is not UNSET:
            field_dict["image_list"] = image_list
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if mode is not UNSET:
            field_dict["mode"] = mode
        if duration is not UNSET:
            field_dict["duration"] = duration
        if watermark_info is not UNSET:
            field_dict["watermark_info"] = watermark_info
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.multi_elements_image import MultiElementsImage
        from ..models.watermark_info import WatermarkInfo

        d = dict(src_dict)
        session_id = d.pop("session_id")

        edit_mode = check_multi_elements_request_edit_mode(d.pop("edit_mode"))

        prompt = d.pop("prompt")

        _image_list = d.pop("image_list", UNSET)
        image_list: list[MultiElementsImage] | Unset = UNSET
        if _image_list is not UNSET:
            image_list = []
            for image_list_item_data in _image_list:
                image_list_item = MultiElementsImage.from_dict(image_list_item_data)

                image_list.append(image_list_item)

        negative_prompt = d.pop("negative_prompt", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: Mode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_mode(_mode)

        _duration = d.pop("duration", UNSET)
        duration: MultiElementsRequestDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_multi_elements_request_duration(_duration)

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

        multi_elements_request = cls(
            session_id=session_id,
            edit_mode=edit_mode,
            prompt=prompt,
            image_list=image_list,
            negative_prompt=negative_prompt,
            mode=mode,
            duration=duration,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return multi_elements_request
