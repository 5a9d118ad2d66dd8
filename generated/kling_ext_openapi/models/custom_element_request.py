from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.custom_element_request_reference_type import (
    CustomElementRequestReferenceType,
    check_custom_element_request_reference_type,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.element_image_list import ElementImageList
    from ..models.element_tag import ElementTag
    from ..models.element_video_list import ElementVideoList


T = TypeVar("T", bound="CustomElementRequest")


@_attrs_define
class CustomElementRequest:
    """A custom-element task."""

    element_name: str
    """ The element's name. At most 20 characters. """
    element_description: str
    """ The element's description. At most 100 characters. """
    reference_type: CustomElementRequestReferenceType
    """ `image_refer`: a multi-image element, its look from `element_image_list`;
    `video_refer`: a video character element, its look from `element_video_list`. Where
    each kind can be used differs (see the capability map).
     """
    element_image_list: ElementImageList | Unset = UNSET
    """ The element's look from images: a frontal image and 1–3 other views. JPG/JPEG/PNG, at
    most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """
    element_video_list: ElementVideoList | Unset = UNSET
    """ The element's look from one video (realistic humans only; kling-video-o3 and later models). """
    element_voice_id: str | Unset = UNSET
    """ A voice (custom or preset) to bind to the element; none when absent. Image elements
    take a voice only when they are characters or humanoids.
     """
    tag_list: list[ElementTag] | Unset = UNSET
    """ Tags for the element; several may be given. """
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
        element_name = self.element_name

        element_description = self.element_description

        reference_type: str = self.reference_type

        element_image_list: dict[str, Any] | Unset = UNSET
        if not isinstance(self.element_image_list, Unset):
            element_image_list = self.element_image_list.to_dict()

        element_video_list: dict[str, Any] | Unset = UNSET
        if not isinstance(self.element_video_list, Unset):
            element_video_list = self.element_video_list.to_dict()

        element_voice_id = self.element_voice_id

        tag_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tag_list, Unset):
            tag_list = []
            for tag_list_item_data in self.tag_list:
                tag_list_item = tag_list_item_data.to_dict()
                tag_list.append(tag_list_item)

        callback_url: str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        external_task_id = self.external_task_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "element_name": element_name,
                "element_description": element_description,
                "reference_type": reference_type,
            }
        )
        if element_image_list is not UNSET:
            field_dict["element_image_list"] = element_image_list
        if element_video_list is not UNSET:
            field_dict["element_video_list"] = element_video_list
        if element_voice_id is not UNSET:
            field_dict["element_voice_id"] = element_voice_id
        if tag_list is not UNSET:
            field_dict["tag_list"] = tag_list
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.element_image_list import ElementImageList
        from ..models.element_tag import ElementTag
        from ..models.element_video_list import ElementVideoList

        d = dict(src_dict)
        element_name = d.pop("element_name")

        element_description = d.pop("element_description")

        reference_type = check_custom_element_request_reference_type(
            d.pop("reference_type")
        )

        _element_image_list = d.pop("element_image_list", UNSET)
        element_image_list: ElementImageList | Unset
        if isinstance(_element_image_list, Unset):
            element_image_list = UNSET
        else:
            element_image_list = ElementImageList.from_dict(_element_image_list)

        _element_video_list = d.pop("element_video_list", UNSET)
        element_video_list: ElementVideoList | Unset
        if isinstance(_element_video_list, Unset):
            element_video_list = UNSET
        else:
            element_video_list = ElementVideoList.from_dict(_element_video_list)

        element_voice_id = d.pop("element_voice_id", UNSET)

        _tag_list = d.pop("tag_list", UNSET)
        tag_list: list[ElementTag] | Unset = UNSET
        if _tag_list is not UNSET:
            tag_list = []
            for tag_list_item_data in _tag_list:
                tag_list_item = ElementTag.from_dict(tag_list_item_data)

                tag_list.append(tag_list_item)

        def _parse_callback_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callback_url", UNSET))

        external_task_id = d.pop("external_task_id", UNSET)

        custom_element_request = cls(
            element_name=element_name,
            element_description=element_description,
            reference_type=reference_type,
            element_image_list=element_image_list,
            element_video_list=element_video_list,
            element_voice_id=element_voice_id,
            tag_list=tag_list,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return custom_element_request
