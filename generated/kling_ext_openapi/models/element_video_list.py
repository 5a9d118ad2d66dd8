from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.element_refer_video import ElementReferVideo


T = TypeVar("T", bound="ElementVideoList")


@_attrs_define
class ElementVideoList:
    """The element's look from one video (realistic humans only; kling-video-o3 and later models)."""

    refer_videos: list[ElementReferVideo]
    """ Exactly one video. """

    def to_dict(self) -> dict[str, Any]:
        refer_videos = []
        for refer_videos_item_data in self.refer_videos:
            refer_videos_item = refer_videos_item_data.to_dict()
            refer_videos.append(refer_videos_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "refer_videos": refer_videos,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.element_refer_video import ElementReferVideo

        d = dict(src_dict)
        refer_videos = []
        _refer_videos = d.pop("refer_videos")
        for refer_videos_item_data in _refer_videos:
            refer_videos_item = ElementReferVideo.from_dict(refer_videos_item_data)

            refer_videos.append(refer_videos_item)

        element_video_list = cls(
            refer_videos=refer_videos,
        )

        return element_video_list
