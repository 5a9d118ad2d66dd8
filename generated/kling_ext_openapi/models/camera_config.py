from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CameraConfig")


@_attrs_define
class CameraConfig:
    """Exactly one of the six axes is non-zero; each lies in [-10, 10]."""

    horizontal: float | Unset = UNSET
    """ Move left (−) or right (+). """
    vertical: float | Unset = UNSET
    """ Move down (−) or up (+). """
    pan: float | Unset = UNSET
    """ Rotate about the vertical axis, left (−) or right (+). """
    tilt: float | Unset = UNSET
    """ Rotate about the horizontal axis, down (−) or up (+). """
    roll: float | Unset = UNSET
    """ Roll counter-clockwise (−) or clockwise (+). """
    zoom: float | Unset = UNSET
    """ Narrower (−) or wider (+) field of view. """

    def to_dict(self) -> dict[str, Any]:
        horizontal = self.horizontal

        vertical = self.vertical

        pan = self.pan

        tilt = self.tilt

        roll = self.roll

        zoom = self.zoom

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if horizontal is not UNSET:
            field_dict["horizontal"] = horizontal
        if vertical is not UNSET:
            field_dict["vertical"] = vertical
        if pan is not UNSET:
            field_dict["pan"] = pan
        if tilt is not UNSET:
            field_dict["tilt"] = tilt
        if roll is not UNSET:
            field_dict["roll"] = roll
        if zoom is not UNSET:
            field_dict["zoom"] = zoom

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        horizontal = d.pop("horizontal", UNSET)

        vertical = d.pop("vertical", UNSET)

        pan = d.pop("pan", UNSET)

        tilt = d.pop("tilt", UNSET)

        roll = d.pop("roll", UNSET)

        zoom = d.pop("zoom", UNSET)

        camera_config = cls(
            horizontal=horizontal,
            vertical=vertical,
            pan=pan,
            tilt=tilt,
            roll=roll,
            zoom=zoom,
        )

        return camera_config
