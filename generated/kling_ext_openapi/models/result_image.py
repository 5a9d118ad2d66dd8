from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResultImage")


@_attrs_define
class ResultImage:
    url: str
    """ Where to download the image (kept for 30 days). """
    index: int | Unset = UNSET
    """ The image's place among the task's images, from 0. """
    watermark_url: str | Unset = UNSET
    """ The watermarked copy, when `watermark_info.enabled` was set. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        index = self.index

        watermark_url = self.watermark_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if index is not UNSET:
            field_dict["index"] = index
        if watermark_url is not UNSET:
            field_dict["watermark_url"] = watermark_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        index = d.pop("index", UNSET)

        watermark_url = d.pop("watermark_url", UNSET)

        result_image = cls(
            url=url,
            index=index,
            watermark_url=watermark_url,
        )

        result_image.additional_properties = d
        return result_image

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
