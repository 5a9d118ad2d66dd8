from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MultiElementsInitRequest")


@_attrs_define
class MultiElementsInitRequest:
    """The video to edit: exactly one of `video_id` (a Kling video) and `video_url`; an empty
    `video_id` means none (the official example sends `video_id: ""` with a URL). It must last
    2–5 s or 7–10 s.

    """

    video_id: str | Unset = UNSET
    """ The id of a video Kling generated within the last 30 days. Excludes `video_url`. """
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

        multi_elements_init_request = cls(
            video_id=video_id,
            video_url=video_url,
        )

        return multi_elements_init_request
