from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.watermark_info import WatermarkInfo


T = TypeVar("T", bound="ImageExpandRequest")


@_attrs_define
class ImageExpandRequest:
    """An image-expansion (outpainting) task."""

    image: str
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """
    up_expansion_ratio: float
    """ How far to extend on one side, as a multiple of the original image's height (up, down) or
    width (left, right), 0–2. All four together may at most triple the area:
    (1 + up + down) × (1 + left + right) ≤ 3 (not checked before sending).
     """
    down_expansion_ratio: float
    """ How far to extend on one side, as a multiple of the original image's height (up, down) or
    width (left, right), 0–2. All four together may at most triple the area:
    (1 + up + down) × (1 + left + right) ≤ 3 (not checked before sending).
     """
    left_expansion_ratio: float
    """ How far to extend on one side, as a multiple of the original image's height (up, down) or
    width (left, right), 0–2. All four together may at most triple the area:
    (1 + up + down) × (1 + left + right) ≤ 3 (not checked before sending).
     """
    right_expansion_ratio: float
    """ How far to extend on one side, as a multiple of the original image's height (up, down) or
    width (left, right), 0–2. All four together may at most triple the area:
    (1 + up + down) × (1 + left + right) ≤ 3 (not checked before sending).
     """
    prompt: str | Unset = UNSET
    """ What to generate: subject, action, camera, light, style. At most 2500 characters.
    Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>`
    (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
     """
    n: int | Unset = UNSET
    """ How many images to make, 1–9. A task of `n` images takes `n` slots of the account's image
    concurrency until it ends, and is charged per image.
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

        up_expansion_ratio = self.up_expansion_ratio

        down_expansion_ratio = self.down_expansion_ratio

        left_expansion_ratio = self.left_expansion_ratio

        right_expansion_ratio = self.right_expansion_ratio

        prompt = self.prompt

        n = self.n

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
                "up_expansion_ratio": up_expansion_ratio,
                "down_expansion_ratio": down_expansion_ratio,
                "left_expansion_ratio": left_expansion_ratio,
                "right_expansion_ratio": right_expansion_ratio,
            }
        )
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if n is not UNSET:
            field_dict["n"] = n
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

        up_expansion_ratio = d.pop("up_expansion_ratio")

        down_expansion_ratio = d.pop("down_expansion_ratio")

        left_expansion_ratio = d.pop("left_expansion_ratio")

        right_expansion_ratio = d.pop("right_expansion_ratio")

        prompt = d.pop("prompt", UNSET)

        n = d.pop("n", UNSET)

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

        image_expand_request = cls(
            image=image,
            up_expansion_ratio=up_expansion_ratio,
            down_expansion_ratio=down_expansion_ratio,
            left_expansion_ratio=left_expansion_ratio,
            right_expansion_ratio=right_expansion_ratio,
            prompt=prompt,
            n=n,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return image_expand_request
