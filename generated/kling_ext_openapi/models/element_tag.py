from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.element_tag_tag_id import ElementTagTagId, check_element_tag_tag_id

T = TypeVar("T", bound="ElementTag")


@_attrs_define
class ElementTag:
    tag_id: ElementTagTagId
    """ `o_101` Hottest, `o_102` Character, `o_103` Animal, `o_104` Item, `o_105` Costume,
    `o_106` Scene, `o_107` Effect, `o_108` Others.
     """

    def to_dict(self) -> dict[str, Any]:
        tag_id: str = self.tag_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "tag_id": tag_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tag_id = check_element_tag_tag_id(d.pop("tag_id"))

        element_tag = cls(
            tag_id=tag_id,
        )

        return element_tag
