from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.image_aspect_ratio import ImageAspectRatio, check_image_aspect_ratio
from ..models.image_generation_request_image_reference import (
    ImageGenerationRequestImageReference,
    check_image_generation_request_image_reference,
)
from ..models.image_generation_request_model_name import (
    ImageGenerationRequestModelName,
    check_image_generation_request_model_name,
)
from ..models.image_generation_request_resolution import (
    ImageGenerationRequestResolution,
    check_image_generation_request_resolution,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.element_ref import ElementRef
    from ..models.watermark_info import WatermarkInfo


T = TypeVar("T", bound="ImageGenerationRequest")


@_attrs_define
class ImageGenerationRequest:
    """An image-generation task: text to image, or image to image with one reference `image`.
    The legacy `model` field, which the API still accepts and ignores (as if `model_name` were
    empty), is not accepted here: name the model in `model_name`.

    """

    prompt: str
    """ What to generate: subject, action, camera, light, style. At most 2500 characters.
    Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>`
    (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
     """
    model_name: ImageGenerationRequestModelName | Unset = "kling-v3"
    """ The model: `kling-v3` (Kling Image 3.0) or `kling-v2-1` (Kling Image 2.1, the only one
    with `image_reference`, `image_fidelity` and `human_fidelity`). The field table's
    default is `kling-v3`; kling-ext sends it when none is given, since the page's older
    note says an empty model_name calls "the V1 model".
     """
    negative_prompt: str | Unset = UNSET
    """ What to avoid. At most 2500 characters; may be empty. """
    image: str | Unset = UNSET
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """
    image_reference: ImageGenerationRequestImageReference | Unset = UNSET
    """ What to keep from `image` (kling-v2-1 only): `subject`, the character's features, or
    `face`, the character's appearance (the image must then show exactly one face).
     """
    image_fidelity: float | Unset = 0.5
    """ How strongly the image follows `image`, 0–1 (higher = stronger). kling-v2-1 only. """
    human_fidelity: float | Unset = 0.45
    """ How closely the face follows the person in `image`, 0–1 (higher = closer). kling-v2-1
    only; takes effect only with `image_reference` `subject` (otherwise ignored).
     """
    element_list: list[ElementRef] | Unset = UNSET
    """ Elements from the element library (kling-v3; the capability map lists no subject
    control for Kling Image 2.1). With `image`, the image and the elements together take at
    most 10.
     """
    resolution: ImageGenerationRequestResolution | Unset = "1k"
    """ `1k` (standard) or `2k` (high resolution); both models take both. """
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
        prompt = self.prompt

        model_name: str | Unset = UNSET
        if not isinstance(self.model_name, Unset):
            model_name = self.model_name

        negative_prompt = self.negative_prompt

        image: str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        image_reference: str | Unset = UNSET
        if not isinstance(self.image_reference, Unset):
            image_reference = self.image_reference

        image_fidelity = self.image_fidelity

        human_fidelity = self.human_fidelity

        element_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.element_list, Unset):
            element_list = []
            for element_list_item_data in self.element_list:
                element_list_item = element_list_item_data.to_dict()
                element_list.append(element_list_item)

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

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
                "prompt": prompt,
            }
        )
        if model_name is not UNSET:
            field_dict["model_name"] = model_name
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if image is not UNSET:
            field_dict["image"] = image
        if image_reference is not UNSET:
            field_dict["image_reference"] = image_reference
        if image_fidelity is not UNSET:
            field_dict["image_fidelity"] = image_fidelity
        if human_fidelity is not UNSET:
            field_dict["human_fidelity"] = human_fidelity
        if element_list is not UNSET:
            field_dict["element_list"] = element_list
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
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
        from ..models.element_ref import ElementRef
        from ..models.watermark_info import WatermarkInfo

        d = dict(src_dict)
        prompt = d.pop("prompt")

        _model_name = d.pop("model_name", UNSET)
        model_name: ImageGenerationRequestModelName | Unset
        if isinstance(_model_name, Unset):
            model_name = UNSET
        else:
            model_name = check_image_generation_request_model_name(_model_name)

        negative_prompt = d.pop("negative_prompt", UNSET)

        def _parse_image(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        image = _parse_image(d.pop("image", UNSET))

        _image_reference = d.pop("image_reference", UNSET)
        image_reference: ImageGenerationRequestImageReference | Unset
        if isinstance(_image_reference, Unset):
            image_reference = UNSET
        else:
            image_reference = check_image_generation_request_image_reference(
                _image_reference
            )

        image_fidelity = d.pop("image_fidelity", UNSET)

        human_fidelity = d.pop("human_fidelity", UNSET)

        _element_list = d.pop("element_list", UNSET)
        element_list: list[ElementRef] | Unset = UNSET
        if _element_list is not UNSET:
            element_list = []
            for element_list_item_data in _element_list:
                element_list_item = ElementRef.from_dict(element_list_item_data)

                element_list.append(element_list_item)

        _resolution = d.pop("resolution", UNSET)
        resolution: ImageGenerationRequestResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_image_generation_request_resolution(_resolution)

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

        image_generation_request = cls(
            prompt=prompt,
            model_name=model_name,
            negative_prompt=negative_prompt,
            image=image,
            image_reference=image_reference,
            image_fidelity=image_fidelity,
            human_fidelity=human_fidelity,
            element_list=element_list,
            resolution=resolution,
            n=n,
            aspect_ratio=aspect_ratio,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return image_generation_request
