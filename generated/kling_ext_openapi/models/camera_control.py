from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.camera_control_type import CameraControlType, check_camera_control_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.camera_config import CameraConfig


T = TypeVar("T", bound="CameraControl")


@_attrs_define
class CameraControl:
    """Camera movement. `type` is required (image2video's documentation says so; text2video's
    leaves it optional, but a `config` without a `type` names no movement). `simple` needs
    `config` with exactly one non-zero axis; the preset types (`down_back`, `forward_up`,
    `right_turn_forward`, `left_turn_forward`) take no `config`.
    Which models support it is said by the request schema's `allOf` rules.

    """

    type_: CameraControlType
    config: CameraConfig | Unset = UNSET
    """ Exactly one of the six axes is non-zero; each lies in [-10, 10]. """

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if config is not UNSET:
            field_dict["config"] = config

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.camera_config import CameraConfig

        d = dict(src_dict)
        type_ = check_camera_control_type(d.pop("type"))

        _config = d.pop("config", UNSET)
        config: CameraConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = CameraConfig.from_dict(_config)

        camera_control = cls(
            type_=type_,
            config=config,
        )

        return camera_control
