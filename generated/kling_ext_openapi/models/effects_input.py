from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EffectsInput")


@_attrs_define
class EffectsInput:
    """The scene's input: `image` for a single-image effect, `images` (two portraits) for a
    dual-image effect. (Earlier versions of the page also listed `model_name`, `mode` and
    `duration` here for scenes now retired; the 2026-09 reference lists only these two.)

    """

    image: str | Unset = UNSET
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """
    images: list[str] | Unset = UNSET
    """ The two portraits of a dual-image effect (URL or raw Base64), stitched into one photo:
    the first on the left, the second on the right.
     """

    def to_dict(self) -> dict[str, Any]:
        image: str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        images: list[str] | Unset = UNSET
        if not isinstance(self.images, Unset):
            images = []
            for images_item_data in self.images:
                images_item: str
                images_item = images_item_data
                images.append(images_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if image is not UNSET:
            field_dict["image"] = image
        if images is not UNSET:
            field_dict["images"] = images

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_image(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        image = _parse_image(d.pop("image", UNSET))

        _images = d.pop("images", UNSET)
        images: list[str] | Unset = UNSET
        if _images is not UNSET:
            images = []
            for images_item_data in _images:

                def _parse_images_item(data: object) -> str:
                    return cast(str, data)

                images_item = _parse_images_item(images_item_data)

                images.append(images_item)

        effects_input = cls(
            image=image,
            images=images,
        )

        return effects_input
