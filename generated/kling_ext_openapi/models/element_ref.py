from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ElementRef")


@_attrs_define
class ElementRef:
    element_id: int
    """ An element from the element library (`/v1/general/advanced-custom-elements`). """

    def to_dict(self) -> dict[str, Any]:
        element_id = self.element_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "element_id": element_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        element_id = d.pop("element_id")

        element_ref = cls(
            element_id=element_id,
        )

        return element_ref
