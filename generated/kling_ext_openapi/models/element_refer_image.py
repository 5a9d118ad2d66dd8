from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ElementReferImage")


@_attrs_define
class ElementReferImage:
    image_url: str
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """

    def to_dict(self) -> dict[str, Any]:
        image_url: str
        image_url = self.image_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "image_url": image_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_image_url(data: object) -> str:
            return cast(str, data)

        image_url = _parse_image_url(d.pop("image_url"))

        element_refer_image = cls(
            image_url=image_url,
        )

        return element_refer_image
