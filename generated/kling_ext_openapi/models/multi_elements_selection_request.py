from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.selection_point import SelectionPoint


T = TypeVar("T", bound="MultiElementsSelectionRequest")


@_attrs_define
class MultiElementsSelectionRequest:
    """Points to mark (add-selection) or unmark (delete-selection) on one frame of a session."""

    session_id: str
    """ The session of init-selection. """
    frame_index: int
    """ The frame, counted from 0. """
    points: list[SelectionPoint]
    """ Up to 10 points on the frame; to unmark, exactly the points that were added. """

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        frame_index = self.frame_index

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "session_id": session_id,
                "frame_index": frame_index,
                "points": points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.selection_point import SelectionPoint

        d = dict(src_dict)
        session_id = d.pop("session_id")

        frame_index = d.pop("frame_index")

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = SelectionPoint.from_dict(points_item_data)

            points.append(points_item)

        multi_elements_selection_request = cls(
            session_id=session_id,
            frame_index=frame_index,
            points=points,
        )

        return multi_elements_selection_request
