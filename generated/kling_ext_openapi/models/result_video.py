from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResultVideo")


@_attrs_define
class ResultVideo:
    url: str
    """ Where to download the video (kept for 30 days). """
    id: str | Unset = UNSET
    """ The video's globally unique id. """
    watermark_url: str | Unset = UNSET
    """ The watermarked copy, when `watermark_info.enabled` was set. """
    duration: float | str | Unset = UNSET
    """ Length in seconds, e.g. "5.042" (a string officially; some gateways send a number). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        id = self.id

        watermark_url = self.watermark_url

        duration: float | str | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if watermark_url is not UNSET:
            field_dict["watermark_url"] = watermark_url
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        id = d.pop("id", UNSET)

        watermark_url = d.pop("watermark_url", UNSET)

        def _parse_duration(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        result_video = cls(
            url=url,
            id=id,
            watermark_url=watermark_url,
            duration=duration,
        )

        result_video.additional_properties = d
        return result_video

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
