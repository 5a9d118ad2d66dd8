from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.omni_image_request_aspect_ratio import (
    OmniImageRequestAspectRatio,
    check_omni_image_request_aspect_ratio,
)
from ..models.omni_image_request_model_name import (
    OmniImageRequestModelName,
    check_omni_image_request_model_name,
)
from ..models.omni_image_request_resolution import (
    OmniImageRequestResolution,
    check_omni_image_request_resolution,
)
from ..models.omni_image_request_result_type import (
    OmniImageRequestResultType,
    check_omni_image_request_result_type,
)
from ..models.series_amount_type_1 import SeriesAmountType1, check_series_amount_type_1
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.element_ref import ElementRef
    from ..models.multi_image_item import MultiImageItem
    from ..models.watermark_info import WatermarkInfo


T = TypeVar("T", bound="OmniImageRequest")


@_attrs_define
class OmniImageRequest:
    """An omni-image task."""

    prompt: str
    """ What to generate: subject, action, camera, light, style. At most 2500 characters.
    Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>`
    (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
     """
    model_name: OmniImageRequestModelName | Unset = "kling-image-o1"
    """ The model; `kling-image-o1` (the default) or `kling-v3-omni` (4k and series). """
    image_list: list[MultiImageItem] | Unset = UNSET
    """ Reference images, each `{image: URL or raw Base64}` (JPG/JPEG/PNG, at most 10 MB, sides
    at least 300 px, aspect ratio 1:2.5 to 2.5:1). With `element_list`, at most 10 in all.
     """
    element_list: list[ElementRef] | Unset = UNSET
    """ Elements from the element library. With `image_list`, at most 10 in all. """
    resolution: OmniImageRequestResolution | Unset = "1k"
    """ `1k`, `2k` or `4k` (kling-v3-omni only). """
    result_type: OmniImageRequestResultType | Unset = "single"
    """ `single` images (`n` of them) or a `series` (`series_amount` of them; kling-v3-omni only). """
    n: int | Unset = UNSET
    """ How many images to make, 1–9. A task of `n` images takes `n` slots of the account's image
    concurrency until it ends, and is charged per image.
     """
    series_amount: int | SeriesAmountType1 | Unset = UNSET
    """ How many images a series has (with `result_type` `series`; ignored otherwise): 2–9, or
    `"auto"` for as many as the content calls for (each image takes a concurrency slot). The
    field table lists `2`…`9` and `auto` under type int; its example sends a number.
     """
    aspect_ratio: OmniImageRequestAspectRatio | Unset = "auto"
    """ Width:height of the images, or `auto` (the default) to follow the references.
    kling-v3-omni from text alone takes no `auto`.
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
        prompt = self.prompt

        model_name: str | Unset = UNSET
        if not isinstance(self.model_name, Unset):
            model_name = self.model_name

        image_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.image_list, Unset):
            image_list = []
            for image_list_item_data in self.image_list:
                image_list_item = image_list_item_data.to_dict()
                image_list.append(image_list_item)

        element_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.element_list, Unset):
            element_list = []
            for element_list_item_data in self.element_list:
                element_list_item = element_list_item_data.to_dict()
                element_list.append(element_list_item)

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        result_type: str | Unset = UNSET
        if not isinstance(self.result_type, Unset):
            result_type = self.result_type

        n = self.n

        series_amount: int | str | Unset
        if isinstance(self.series_amount, Unset):
            series_amount = UNSET
        elif isinstance(self.series_amount, str):
            series_amount = self.series_amount
        else:
            series_amount = self.series_amount

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
        if image_list is not UNSET:
            field_dict["image_list"] = image_list
        if element_list is not UNSET:
            field_dict["element_list"] = element_list
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if result_type is not UNSET:
            field_dict["result_type"] = result_type
        if n is not UNSET:
            field_dict["n"] = n
        if series_amount is not UNSET:
            field_dict["series_amount"] = series_amount
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
        from ..models.multi_image_item import MultiImageItem
        from ..models.watermark_info import WatermarkInfo

        d = dict(src_dict)
        prompt = d.pop("prompt")

        _model_name = d.pop("model_name", UNSET)
        model_name: OmniImageRequestModelName | Unset
        if isinstance(_model_name, Unset):
            model_name = UNSET
        else:
            model_name = check_omni_image_request_model_name(_model_name)

        _image_list = d.pop("image_list", UNSET)
        image_list: list[MultiImageItem] | Unset = UNSET
        if _image_list is not UNSET:
            image_list = []
            for image_list_item_data in _image_list:
                image_list_item = MultiImageItem.from_dict(image_list_item_data)

                image_list.append(image_list_item)

        _element_list = d.pop("element_list", UNSET)
        element_list: list[ElementRef] | Unset = UNSET
        if _element_list is not UNSET:
            element_list = []
            for element_list_item_data in _element_list:
                element_list_item = ElementRef.from_dict(element_list_item_data)

                element_list.append(element_list_item)

        _resolution = d.pop("resolution", UNSET)
        resolution: OmniImageRequestResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_omni_image_request_resolution(_resolution)

        _result_type = d.pop("result_type", UNSET)
        result_type: OmniImageRequestResultType | Unset
        if isinstance(_result_type, Unset):
            result_type = UNSET
        else:
            result_type = check_omni_image_request_result_type(_result_type)

        n = d.pop("n", UNSET)

        def _parse_series_amount(data: object) -> int | SeriesAmountType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_series_amount_type_1 = check_series_amount_type_1(
                    data
                )

                return componentsschemas_series_amount_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | SeriesAmountType1 | Unset, data)

        series_amount = _parse_series_amount(d.pop("series_amount", UNSET))

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: OmniImageRequestAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_omni_image_request_aspect_ratio(_aspect_ratio)

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

        omni_image_request = cls(
            prompt=prompt,
            model_name=model_name,
            image_list=image_list,
            element_list=element_list,
            resolution=resolution,
            result_type=result_type,
            n=n,
            series_amount=series_amount,
            aspect_ratio=aspect_ratio,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return omni_image_request
