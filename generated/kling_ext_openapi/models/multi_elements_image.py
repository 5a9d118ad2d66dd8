from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="MultiElementsImage")


@_attrs_define
class MultiElementsImage:
    image: str
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """

    def to_dict(self) -> dict[str, Any]:
        image: str
        image = self.image

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "image": image,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_image(data: object) -> str:
            return cast(str, data)

        image = _parse_image(d.pop("image"))

        multi_elements_image = cls(
            image=image,
        )

        return multi_elements_image
