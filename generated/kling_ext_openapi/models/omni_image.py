from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.omni_image_type import OmniImageType, check_omni_image_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="OmniImage")


@_attrs_define
class OmniImage:
    image_url: str
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """
    type_: OmniImageType | Unset = UNSET
    """ Use the image as the first or end frame; omit for element, scene or style references. """

    def to_dict(self) -> dict[str, Any]:
        image_url: str
        image_url = self.image_url

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "image_url": image_url,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_image_url(data: object) -> str:
            return cast(str, data)

        image_url = _parse_image_url(d.pop("image_url"))

        _type_ = d.pop("type", UNSET)
        type_: OmniImageType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_omni_image_type(_type_)

        omni_image = cls(
            image_url=image_url,
            type_=type_,
        )

        return omni_image
