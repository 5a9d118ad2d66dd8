from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="DeleteElementRequest")


@_attrs_define
class DeleteElementRequest:
    """Which custom element to delete."""

    element_id: int | str
    """ The custom element's id (preset elements cannot be deleted). A string in the docs'
    field table; elements carry it as a number, so both are read.
     """

    def to_dict(self) -> dict[str, Any]:
        element_id: int | str
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

        def _parse_element_id(data: object) -> int | str:
            return cast(int | str, data)

        element_id = _parse_element_id(d.pop("element_id"))

        delete_element_request = cls(
            element_id=element_id,
        )

        return delete_element_request
