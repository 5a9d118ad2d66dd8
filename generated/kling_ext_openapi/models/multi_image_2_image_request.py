from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.image_aspect_ratio import ImageAspectRatio, check_image_aspect_ratio
from ..models.multi_image_2_image_request_model_name import (
    MultiImage2ImageRequestModelName,
    check_multi_image_2_image_request_model_name,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.subject_image_item import SubjectImageItem
    from ..models.watermark_info import WatermarkInfo


T = TypeVar("T", bound="MultiImage2ImageRequest")


@_attrs_define
class MultiImage2ImageRequest:
    """A multi-image-to-image task (kling-v2-1)."""

    subject_image_list: list[SubjectImageItem]
    """ 1–4 subject images, each `{subject_image: URL or raw Base64}`, cropped to the subject. """
    model_name: MultiImage2ImageRequestModelName | Unset = "kling-v2-1"
    """ The model; only `kling-v2-1`. """
    prompt: str | Unset = UNSET
    """ What to generate: subject, action, camera, light, style. At most 2500 characters.
    Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>`
    (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
     """
    negative_prompt: str | Unset = UNSET
    """ What to avoid. At most 2500 characters; may be empty. """
    scene_image: str | Unset = UNSET
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """
    style_image: str | Unset = UNSET
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """
    n: int | Unset = UNSET
    """ How many images to make, 1–9. A task of `n` images takes `n` slots of the account's image
    concurrency until it ends, and is charged per image.
     """
    aspect_ratio: ImageAspectRatio | Unset = UNSET
    """ Aspect ratio of the generated images (width:height). """
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
        subject_image_list = []
        for subject_image_list_item_data in self.subject_image_list:
            subject_image_list_item = subject_image_list_item_data.to_dict()
            subject_image_list.append(subject_image_list_item)

        model_name: str | Unset = UNSET
        if not isinstance(self.model_name, Unset):
            model_name = self.model_name

        prompt = self.prompt

        negative_prompt = self.negative_prompt

        scene_image: str | Unset
        if isinstance(self.scene_image, Unset):
            scene_image = UNSET
        else:
            scene_image = self.scene_image

        style_image: str | Unset
        if isinstance(self.style_image, Unset):
            style_image = UNSET
        else:
            style_image = self.style_image

        n = self.n

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
                "subject_image_list": subject_image_list,
            }
        )
        if model_name is not UNSET:
            field_dict["model_name"] = model_name
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if scene_image is not UNSET:
            field_dict["scene_image"] = scene_image
        if style_image is not UNSET:
            field_dict["style_image"] = style_image
        if n is not UNSET:
            field_dict["n"] = n
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
        from ..models.subject_image_item import SubjectImageItem
        from ..models.watermark_info import WatermarkInfo

        d = dict(src_dict)
        subject_image_list = []
        _subject_image_list = d.pop("subject_image_list")
        for subject_image_list_item_data in _subject_image_list:
            subject_image_list_item = SubjectImageItem.from_dict(
                subject_image_list_item_data
            )

            subject_image_list.append(subject_image_list_item)

        _model_name = d.pop("model_name", UNSET)
        model_name: MultiImage2ImageRequestModelName | Unset
        if isinstance(_model_name, Unset):
            model_name = UNSET
        else:
            model_name = check_multi_image_2_image_request_model_name(_model_name)

        prompt = d.pop("prompt", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        def _parse_scene_image(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        scene_image = _parse_scene_image(d.pop("scene_image", UNSET))

        def _parse_style_image(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        style_image = _parse_style_image(d.pop("style_image", UNSET))

        n = d.pop("n", UNSET)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: ImageAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_image_aspect_ratio(_aspect_ratio)

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

        multi_image_2_image_request = cls(
            subject_image_list=subject_image_list,
            model_name=model_name,
            prompt=prompt,
            negative_prompt=negative_prompt,
            scene_image=scene_image,
            style_image=style_image,
            n=n,
            aspect_ratio=aspect_ratio,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return multi_image_2_image_request
