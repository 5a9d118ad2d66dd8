from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResultImage")


@_attrs_define
class ResultImage:
    """One image of a task. Image tasks give `url`; an AI multi-shot task gives three views of
    each result instead, `url_1` to `url_3` (see `ResultMultiShotImage`), so no URL is required.

    """

    index: int | Unset = UNSET
    """ The image's place among the task's images, from 0. """
    url: str | Unset = UNSET
    """ Where to download the image (kept for 30 days). """
    watermark_url: str | Unset = UNSET
    """ The watermarked copy, when `watermark_info.enabled` was set. """
    url_1: str | Unset = UNSET
    """ AI multi-shot: the first view (kept for 30 days). """
    url_2: str | Unset = UNSET
    """ AI multi-shot: the second view (kept for 30 days). """
    url_3: str | Unset = UNSET
    """ AI multi-shot: the third view (kept for 30 days). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        url = self.url

        watermark_url = self.watermark_url

        url_1 = self.url_1

        url_2 = self.url_2

        url_3 = self.url_3

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if index is not UNSET:
            field_dict["index"] = index
        if url is not UNSET:
            field_dict["url"] = url
        if watermark_url is not UNSET:
            field_dict["watermark_url"] = watermark_url
        if url_1 is not UNSET:
            field_dict["url_1"] = url_1
        if url_2 is not UNSET:
            field_dict["url_2"] = url_2
        if url_3 is not UNSET:
            field_dict["url_3"] = url_3

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        index = d.pop("index", UNSET)

        url = d.pop("url", UNSET)

        watermark_url = d.pop("watermark_url", UNSET)

        url_1 = d.pop("url_1", UNSET)

        url_2 = d.pop("url_2", UNSET)

        url_3 = d.pop("url_3", UNSET)

        result_image = cls(
            index=index,
            url=url,
            watermark_url=watermark_url,
            url_1=url_1,
            url_2=url_2,
            url_3=url_3,
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
