from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.dynamic_mask_trajectories_item import DynamicMaskTrajectoriesItem


T = TypeVar("T", bound="DynamicMask")


@_attrs_define
class DynamicMask:
    mask: str
    """ A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw
    Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at
    least 300 px, aspect ratio between 1:2.5 and 2.5:1.
     """
    trajectories: list[DynamicMaskTrajectoriesItem]
    """ The path of the masked area, in image pixels, origin at the bottom-left corner; 2–77 points for a 5 s video.
    """

    def to_dict(self) -> dict[str, Any]:
        mask: str
        mask = self.mask

        trajectories = []
        for trajectories_item_data in self.trajectories:
            trajectories_item = trajectories_item_data.to_dict()
            trajectories.append(trajectories_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "mask": mask,
                "trajectories": trajectories,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dynamic_mask_trajectories_item import DynamicMaskTrajectoriesItem

        d = dict(src_dict)

        def _parse_mask(data: object) -> str:
            return cast(str, data)

        mask = _parse_mask(d.pop("mask"))

        trajectories = []
        _trajectories = d.pop("trajectories")
        for trajectories_item_data in _trajectories:
            trajectories_item = DynamicMaskTrajectoriesItem.from_dict(
                trajectories_item_data
            )

            trajectories.append(trajectories_item)

        dynamic_mask = cls(
            mask=mask,
            trajectories=trajectories,
        )

        return dynamic_mask
