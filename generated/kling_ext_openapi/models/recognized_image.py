from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recognized_image_type_type_0 import (
    RecognizedImageTypeType0,
    check_recognized_image_type_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecognizedImage")


@_attrs_define
class RecognizedImage:
    """One segmentation result."""

    type_: RecognizedImageTypeType0 | str | Unset = UNSET
    """ What was segmented: `object_seg` (the subject), `head_seg` (face with hair),
    `face_seg` (face without hair), `cloth_seg` (clothing). Open: a new type parses.
     """
    is_contain: bool | Unset = UNSET
    """ Whether the image contains it. """
    url: str | Unset = UNSET
    """ The segmentation image (kept for 30 days). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        is_contain = self.is_contain

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if is_contain is not UNSET:
            field_dict["is_contain"] = is_contain
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_type_(data: object) -> RecognizedImageTypeType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = check_recognized_image_type_type_0(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RecognizedImageTypeType0 | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        is_contain = d.pop("is_contain", UNSET)

        url = d.pop("url", UNSET)

        recognized_image = cls(
            type_=type_,
            is_contain=is_contain,
            url=url,
        )

        recognized_image.additional_properties = d
        return recognized_image

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
