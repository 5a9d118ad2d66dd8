from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SelectionPoint")


@_attrs_define
class SelectionPoint:
    x: float
    """ Across the frame, 0–1. """
    y: float
    """ Along the frame's height, 0–1 ((0, 1) is the top-left corner, the docs say). """

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        y = self.y

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "x": x,
                "y": y,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        x = d.pop("x")

        y = d.pop("y")

        selection_point = cls(
            x=x,
            y=y,
        )

        return selection_point
