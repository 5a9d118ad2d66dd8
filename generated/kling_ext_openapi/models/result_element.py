from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_element_reference_type_type_0 import (
    ResultElementReferenceTypeType0,
    check_result_element_reference_type_type_0,
)
from ..models.result_element_status_type_0 import (
    ResultElementStatusType0,
    check_result_element_status_type_0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.result_element_element_image_list import ResultElementElementImageList
    from ..models.result_element_element_video_list import ResultElementElementVideoList
    from ..models.result_element_tag_list_item import ResultElementTagListItem
    from ..models.result_voice import ResultVoice


T = TypeVar("T", bound="ResultElement")


@_attrs_define
class ResultElement:
    """An element, as element tasks and the preset list give it."""

    element_id: int | str | Unset = UNSET
    """ The id `element_list` takes. """
    element_name: str | Unset = UNSET
    element_description: str | Unset = UNSET
    reference_type: ResultElementReferenceTypeType0 | str | Unset = UNSET
    element_image_list: ResultElementElementImageList | Unset = UNSET
    element_video_list: ResultElementElementVideoList | Unset = UNSET
    element_voice_info: ResultVoice | Unset = UNSET
    """ A voice, as voice tasks, preset lists and elements give it. """
    tag_list: list[ResultElementTagListItem] | Unset = UNSET
    owned_by: str | Unset = UNSET
    """ `kling` for the official library; otherwise the creator's id. """
    status: ResultElementStatusType0 | str | Unset = UNSET
    """ `succeed` while usable, `deleted` once deleted. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        element_id: int | str | Unset
        if isinstance(self.element_id, Unset):
            element_id = UNSET
        else:
            element_id = self.element_id

        element_name = self.element_name

        element_description = self.element_description

        reference_type: str | Unset
        if isinstance(self.reference_type, Unset):
            reference_type = UNSET
        elif isinstance(self.reference_type, str):
            reference_type = self.reference_type
        else:
            reference_type = self.reference_type

        element_image_list: dict[str, Any] | Unset = UNSET
        if not isinstance(self.element_image_list, Unset):
            element_image_list = self.element_image_list.to_dict()

        element_video_list: dict[str, Any] | Unset = UNSET
        if not isinstance(self.element_video_list, Unset):
            element_video_list = self.element_video_list.to_dict()

        element_voice_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.element_voice_info, Unset):
            element_voice_info = self.element_voice_info.to_dict()

        tag_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tag_list, Unset):
            tag_list = []
            for tag_list_item_data in self.tag_list:
                tag_list_item = tag_list_item_data.to_dict()
                tag_list.append(tag_list_item)

        owned_by = self.owned_by

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if element_id is not UNSET:
            field_dict["element_id"] = element_id
        if element_name is not UNSET:
            field_dict["element_name"] = element_name
        if element_description is not UNSET:
            field_dict["element_description"] = element_description
        if reference_type is not UNSET:
            field_dict["reference_type"] = reference_type
        if element_image_list is not UNSET:
            field_dict["element_image_list"] = element_image_list
        if element_video_list is not UNSET:
            field_dict["element_video_list"] = element_video_list
        if element_voice_info is not UNSET:
            field_dict["element_voice_info"] = element_voice_info
        if tag_list is not UNSET:
            field_dict["tag_list"] = tag_list
        if owned_by is not UNSET:
            field_dict["owned_by"] = owned_by
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.result_element_element_image_list import (
            ResultElementElementImageList,
        )
        from ..models.result_element_element_video_list import (
            ResultElementElementVideoList,
        )
        from ..models.result_element_tag_list_item import ResultElementTagListItem
        from ..models.result_voice import ResultVoice

        d = dict(src_dict)

        def _parse_element_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        element_id = _parse_element_id(d.pop("element_id", UNSET))

        element_name = d.pop("element_name", UNSET)

        element_description = d.pop("element_description", UNSET)

        def _parse_reference_type(
            data: object,
        ) -> ResultElementReferenceTypeType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reference_type_type_0 = check_result_element_reference_type_type_0(data)

                return reference_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ResultElementReferenceTypeType0 | str | Unset, data)

        reference_type = _parse_reference_type(d.pop("reference_type", UNSET))

        _element_image_list = d.pop("element_image_list", UNSET)
        element_image_list: ResultElementElementImageList | Unset
        if isinstance(_element_image_list, Unset):
            element_image_list = UNSET
        else:
            element_image_list = ResultElementElementImageList.from_dict(
                _element_image_list
            )

        _element_video_list = d.pop("element_video_list", UNSET)
        element_video_list: ResultElementElementVideoList | Unset
        if isinstance(_element_video_list, Unset):
            element_video_list = UNSET
        else:
            element_video_list = ResultElementElementVideoList.from_dict(
                _element_video_list
            )

        _element_voice_info = d.pop("element_voice_info", UNSET)
        element_voice_info: ResultVoice | Unset
        if isinstance(_element_voice_info, Unset):
            element_voice_info = UNSET
        else:
            element_voice_info = ResultVoice.from_dict(_element_voice_info)

        _tag_list = d.pop("tag_list", UNSET)
        tag_list: list[ResultElementTagListItem] | Unset = UNSET
        if _tag_list is not UNSET:
            tag_list = []
            for tag_list_item_data in _tag_list:
                tag_list_item = ResultElementTagListItem.from_dict(tag_list_item_data)

                tag_list.append(tag_list_item)

        owned_by = d.pop("owned_by", UNSET)

        def _parse_status(data: object) -> ResultElementStatusType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = check_result_element_status_type_0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ResultElementStatusType0 | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        result_element = cls(
            element_id=element_id,
            element_name=element_name,
            element_description=element_description,
            reference_type=reference_type,
            element_image_list=element_image_list,
            element_video_list=element_video_list,
            element_voice_info=element_voice_info,
            tag_list=tag_list,
            owned_by=owned_by,
            status=status,
        )

        result_element.additional_properties = d
        return result_element

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
