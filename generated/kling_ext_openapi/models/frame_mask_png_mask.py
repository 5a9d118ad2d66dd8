from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FrameMaskPngMask")


@_attrs_define
class FrameMaskPngMask:
    """The mask as a PNG, in Base64."""

    size: list[int] | Unset = UNSET
    """ The mask's height and width in pixels. """
    base64: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        size: list[int] | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = self.size

        base64 = self.base64

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if size is not UNSET:
            field_dict["size"] = size
        if base64 is not UNSET:
            field_dict["base64"] = base64

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        size = cast(list[int], d.pop("size", UNSET))

        base64 = d.pop("base64", UNSET)

        frame_mask_png_mask = cls(
            size=size,
            base64=base64,
        )

        frame_mask_png_mask.additional_properties = d
        return frame_mask_png_mask

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
