from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.element_refer_image import ElementReferImage


T = TypeVar("T", bound="ElementImageList")


@_attrs_define
class ElementImageList:
    """The element's look from images: a frontal image and 1–3 other views. JPG/JPEG/PNG, at
    most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.

    """

    frontal_image: str
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """
    refer_images: list[ElementReferImage]
    """ 1–3 other views. """

    def to_dict(self) -> dict[str, Any]:
        frontal_image: str
        frontal_image = self.frontal_image

        refer_images = []
        for refer_images_item_data in self.refer_images:
            refer_images_item = refer_images_item_data.to_dict()
            refer_images.append(refer_images_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "frontal_image": frontal_image,
                "refer_images": refer_images,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.element_refer_image import ElementReferImage

        d = dict(src_dict)

        def _parse_frontal_image(data: object) -> str:
            return cast(str, data)

        frontal_image = _parse_frontal_image(d.pop("frontal_image"))

        refer_images = []
        _refer_images = d.pop("refer_images")
        for refer_images_item_data in _refer_images:
            refer_images_item = ElementReferImage.from_dict(refer_images_item_data)

            refer_images.append(refer_images_item)

        element_image_list = cls(
            frontal_image=frontal_image,
            refer_images=refer_images,
        )

        return element_image_list
