from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_info_parent_video import TaskInfoParentVideo


T = TypeVar("T", bound="TaskInfo")


@_attrs_define
class TaskInfo:
    """What the caller sent that identifies the task. Gateways may echo more fields here."""

    external_task_id: str | Unset = UNSET
    parent_video: TaskInfoParentVideo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_task_id = self.external_task_id

        parent_video: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parent_video, Unset):
            parent_video = self.parent_video.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id
        if parent_video is not UNSET:
            field_dict["parent_video"] = parent_video

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.task_info_parent_video import TaskInfoParentVideo

        d = dict(src_dict)
        external_task_id = d.pop("external_task_id", UNSET)

        _parent_video = d.pop("parent_video", UNSET)
        parent_video: TaskInfoParentVideo | Unset
        if isinstance(_parent_video, Unset):
            parent_video = UNSET
        else:
            parent_video = TaskInfoParentVideo.from_dict(_parent_video)

        task_info = cls(
            external_task_id=external_task_id,
            parent_video=parent_video,
        )

        task_info.additional_properties = d
        return task_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
