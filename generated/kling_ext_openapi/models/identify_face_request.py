from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentifyFaceRequest")


@_attrs_define
class IdentifyFaceRequest:
    """The video whose faces to identify: exactly one of `video_id` (a Kling video) and `video_url`.
    An empty `video_id` means none (the official example sends `video_id: ""` with a URL).

    """

    video_id: str | Unset = UNSET
    """ The id of a video Kling generated (`task_result.videos[].id`), made within the last
    30 days and at most 60 s long. Excludes `video_url`.
     """
    video_url: str | Unset = UNSET
    """ An absolute `http://` or `https://` URL with a host and no whitespace (kling-ext's rule for
    every URL field, so a typo is refused before the API fetches nothing).
     """

    def to_dict(self) -> dict[str, Any]:
        video_id = self.video_id

        video_url = self.video_url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if video_id is not UNSET:
            field_dict["video_id"] = video_id
        if video_url is not UNSET:
            field_dict["video_url"] = video_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        video_id = d.pop("video_id", UNSET)

        video_url = d.pop("video_url", UNSET)

        identify_face_request = cls(
            video_id=video_id,
            video_url=video_url,
        )

        return identify_face_request
