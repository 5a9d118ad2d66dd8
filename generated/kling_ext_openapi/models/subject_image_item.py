from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="SubjectImageItem")


@_attrs_define
class SubjectImageItem:
    subject_image: str
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """

    def to_dict(self) -> dict[str, Any]:
        subject_image: str
        subject_image = self.subject_image

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject_image": subject_image,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_subject_image(data: object) -> str:
            return cast(str, data)

        subject_image = _parse_subject_image(d.pop("subject_image"))

        subject_image_item = cls(
            subject_image=subject_image,
        )

        return subject_image_item
