from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.frame_mask import FrameMask


T = TypeVar("T", bound="MultiElementsSessionRes")


@_attrs_define
class MultiElementsSessionRes:
    frame_index: int | Unset = UNSET
    rle_mask_list: list[FrameMask] | Unset = UNSET
    video: str | Unset = UNSET
    """ The video with its masks (preview-selection). """
    video_cover: str | Unset = UNSET
    """ Its cover image (preview-selection). """
    tracking_output: str | Unset = UNSET
    """ The masks of every frame (preview-selection). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        frame_index = self.frame_index

        rle_mask_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rle_mask_list, Unset):
            rle_mask_list = []
            for rle_mask_list_item_data in self.rle_mask_list:
                rle_mask_list_item = rle_mask_list_item_data.to_dict()
                rle_mask_list.append(rle_mask_list_item)

        video = self.video

        video_cover = self.video_cover

        tracking_output = self.tracking_output

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if frame_index is not UNSET:
            field_dict["frame_index"] = frame_index
        if rle_mask_list is not UNSET:
            field_dict["rle_mask_list"] = rle_mask_list
        if video is not UNSET:
            field_dict["video"] = video
        if video_cover is not UNSET:
            field_dict["video_cover"] = video_cover
        if tracking_output is not UNSET:
            field_dict["tracking_output"] = tracking_output

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.frame_mask import FrameMask

        d = dict(src_dict)
        frame_index = d.pop("frame_index", UNSET)

        _rle_mask_list = d.pop("rle_mask_list", UNSET)
        rle_mask_list: list[FrameMask] | Unset = UNSET
        if _rle_mask_list is not UNSET:
            rle_mask_list = []
            for rle_mask_list_item_data in _rle_mask_list:
                rle_mask_list_item = FrameMask.from_dict(rle_mask_list_item_data)

                rle_mask_list.append(rle_mask_list_item)

        video = d.pop("video", UNSET)

        video_cover = d.pop("video_cover", UNSET)

        tracking_output = d.pop("tracking_output", UNSET)

        multi_elements_session_res = cls(
            frame_index=frame_index,
            rle_mask_list=rle_mask_list,
            video=video,
            video_cover=video_cover,
            tracking_output=tracking_output,
        )

        multi_elements_session_res.additional_properties = d
        return multi_elements_session_res

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
