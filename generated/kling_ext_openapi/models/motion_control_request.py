from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.mode import Mode, check_mode
from ..models.motion_control_request_character_orientation import (
    MotionControlRequestCharacterOrientation,
    check_motion_control_request_character_orientation,
)
from ..models.motion_control_request_model_name import (
    MotionControlRequestModelName,
    check_motion_control_request_model_name,
)
from ..models.yes_no import YesNo, check_yes_no
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.element_ref import ElementRef
    from ..models.watermark_info import WatermarkInfo


T = TypeVar("T", bound="MotionControlRequest")


@_attrs_define
class MotionControlRequest:
    """A motion-control task."""

    model_name: MotionControlRequestModelName
    """ The model. Default `kling-v2-6`. """
    image_url: str
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """
    video_url: str
    """ An absolute `http://` or `https://` URL with a host and no whitespace (kling-ext's rule for
    every URL field, so a typo is refused before the API fetches nothing).
     """
    character_orientation: MotionControlRequestCharacterOrientation
    """ Follow the image's (reference ≤ 10 s) or the video's (≤ 30 s) orientation. Required by the
    official API; the default gateway marks it optional, so kling-ext sends `image` when none is given.
     """
    mode: Mode
    """ Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models
    render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no
    mode at all. Which model accepts which mode is said by the request schema's `allOf` rules.
    (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not
    accepted here.)
     """
    prompt: str | Unset = UNSET
    """ What to generate: subject, action, camera, light, style. At most 2500 characters.
    Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>`
    (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
     """
    element_list: list[ElementRef] | Unset = UNSET
    """ At most one element; with an element the orientation can only follow the video. """
    keep_original_sound: YesNo | Unset = UNSET
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

        image_url: str
        image_url = self.image_url

        video_url = self.video_url

        character_orientation: str = self.character_orientation

        mode: str = self.mode

        prompt = self.prompt

        element_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.element_list, Unset):
            element_list = []
            for element_list_item_data in self.element_list:
                element_list_item = element_list_item_data.to_dict()
                element_list.append(element_list_item)

        keep_original_sound: str | Unset = UNSET
        if not isinstance(self.keep_original_sound, Unset):
            keep_original_sound = self.keep_original_sound

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
                "image_url": image_url,
                "video_url": video_url,
                "character_orientation": character_orientation,
                "mode": mode,
            }
        )
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if element_list is not UNSET:
            field_dict["element_list"] = element_list
        if keep_original_sound is not UNSET:
            field_dict["keep_original_sound"] = keep_original_sound
        if watermark_info is not UNSET:
            field_dict["watermark_info"] = watermark_info
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.element_ref import ElementRef
        from ..models.watermark_info import WatermarkInfo

        d = dict(src_dict)
        model_name = check_motion_control_request_model_name(d.pop("model_name"))

        def _parse_image_url(data: object) -> str:
            return cast(str, data)

        image_url = _parse_image_url(d.pop("image_url"))

        video_url = d.pop("video_url")

        character_orientation = check_motion_control_request_character_orientation(
            d.pop("character_orientation")
        )

        mode = check_mode(d.pop("mode"))

        prompt = d.pop("prompt", UNSET)

        _element_list = d.pop("element_list", UNSET)
        element_list: list[ElementRef] | Unset = UNSET
        if _element_list is not UNSET:
            element_list = []
            for element_list_item_data in _element_list:
                element_list_item = ElementRef.from_dict(element_list_item_data)

                element_list.append(element_list_item)

        _keep_original_sound = d.pop("keep_original_sound", UNSET)
        keep_original_sound: YesNo | Unset
        if isinstance(_keep_original_sound, Unset):
            keep_original_sound = UNSET
        else:
            keep_original_sound = check_yes_no(_keep_original_sound)

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

        motion_control_request = cls(
            model_name=model_name,
            image_url=image_url,
            video_url=video_url,
            character_orientation=character_orientation,
            mode=mode,
            prompt=prompt,
            element_list=element_list,
            keep_original_sound=keep_original_sound,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return motion_control_request
